import { useTranslation } from 'react-i18next';
import { IMPORT_FORMATS } from '../../../common/api/imports.ts';
import type { ImportFormat } from '../../../common/api/imports.ts';

/** Step 1: which kind of file, each with a line on what it holds. */
export function FormatChoice({ format, onChange }: { format: ImportFormat; onChange: (format: ImportFormat) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('imports.steps.format')}</legend>
      <div className="choices">
        {IMPORT_FORMATS.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="format" value={option} checked={format === option} onChange={() => onChange(option)} />
            <span>
              <span className="choice-name">{t(`imports.formats.${option}`)}</span>
              <span className="hint">{t(`imports.formatHints.${option}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
