import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_SOURCES } from './sources.ts';
import type { EntrySource } from './sources.ts';

/** Routine, survey or verification data: the values of each are kept apart. */
export function SourceSelect({ source, onChange, describedBy }: { source: EntrySource; onChange: (source: EntrySource) => void; describedBy: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('dataEntry.source')}</label>
      <select
        id={id}
        value={source}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = ENTRY_SOURCES.find((option) => option === event.target.value);
          if (next) onChange(next);
        }}
      >
        {ENTRY_SOURCES.map((option) => (
          <option key={option} value={option}>
            {t(`dataEntry.sources.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
