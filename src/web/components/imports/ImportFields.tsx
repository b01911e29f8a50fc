import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFormat } from '../../../common/api/imports.ts';
import { INDICATOR_GROUPS } from '../../../common/api/indicators.ts';
import { templateUrl } from '../../api/imports.ts';
import { useAreaQuery } from '../../api/useAreaQuery.ts';
import { FORMAT_EXTENSIONS, acceptFor, checkArea, checkPeriod } from './wizard.ts';

export interface ImportFieldValues {
  area: string;
  period: string;
  set: string;
  file: File | null;
}

interface ImportFieldsProps {
  format: ImportFormat;
  values: ImportFieldValues;
  /** The file's name does not fit the format. */
  wrongFile: boolean;
  onChange: (values: ImportFieldValues) => void;
}

const TEMPLATE_SETS = ['stbm', ...INDICATOR_GROUPS] as const;

/** Step 2: the area and period the file is for, the template to fill (for that format), and the file. */
export function ImportFields({ format, values, wrongFile, onChange }: ImportFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const areaProblem = checkArea(values.area);
  const periodProblem = checkPeriod(values.period);
  const types = FORMAT_EXTENSIONS[format].join(', ');
  const templateReady = values.area.trim() !== '' && areaProblem === null && values.period.trim() !== '' && periodProblem === null;

  return (
    <fieldset className="import-fields">
      <legend>{t('imports.steps.file')}</legend>
      <div className="field">
        <label htmlFor={`${id}-area`}>{t('imports.area')}</label>
        <input
          id={`${id}-area`}
          value={values.area}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={areaProblem !== null}
          aria-describedby={`${id}-area-hint`}
          onChange={(event) => onChange({ ...values, area: event.target.value })}
        />
        <p id={`${id}-area-hint`} className="hint">
          {areaProblem === null && values.area.trim() !== '' ? <AreaName code={values.area.trim()} /> : t('imports.areaHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('imports.period')}</label>
        <input
          id={`${id}-period`}
          value={values.period}
          autoComplete="off"
          aria-invalid={periodProblem !== null}
          aria-describedby={`${id}-period-hint`}
          onChange={(event) => onChange({ ...values, period: event.target.value })}
        />
        <p id={`${id}-period-hint`} className="hint">
          {t('imports.periodHint')} {format !== 'template' && t('imports.periodInFile')}
        </p>
      </div>
      {format === 'template' && (
        <div className="template-download">
          <div className="field">
            <label htmlFor={`${id}-set`}>{t('imports.set')}</label>
            <select id={`${id}-set`} value={values.set} onChange={(event) => onChange({ ...values, set: event.target.value })}>
              {TEMPLATE_SETS.map((set) => (
                <option key={set} value={set}>
                  {set === 'stbm' ? 'STBM' : t(`dataEntry.groups.${set}`)}
                </option>
              ))}
            </select>
          </div>
          {templateReady ? (
            <a className="button" href={templateUrl(values.area.trim(), values.period.trim(), values.set)} download>
              {t('imports.downloadTemplate')}
            </a>
          ) : (
            <p className="hint">{t('imports.formatHints.template')}</p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('imports.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={acceptFor(format)}
          aria-invalid={wrongFile}
          aria-describedby={`${id}-file-hint`}
          onChange={(event) => onChange({ ...values, file: event.target.files?.[0] ?? null })}
        />
        <p id={`${id}-file-hint`} className={wrongFile ? 'field-error' : 'hint'}>
          {wrongFile && values.file ? t('imports.wrongType', { name: values.file.name, types }) : t('imports.fileHint', { types })}
        </p>
      </div>
    </fieldset>
  );
}

/** "Kabupaten Sumbawa Barat" under the code box, once the code names an area. */
function AreaName({ code }: { code: string }) {
  const { t } = useTranslation();
  const area = useAreaQuery(code);
  if (area.data) return <>{area.data.name}</>;
  return <>{t('imports.areaHint')}</>;
}
