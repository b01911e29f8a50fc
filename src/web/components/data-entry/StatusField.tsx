import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { statusLabel } from './labels.ts';

interface StatusFieldProps {
  label: string;
  labelId?: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

/** One of the indicator's status values, or the empty choice, which clears a stored status. */
export function StatusField({ label, labelId, options, value, onChange, invalid, describedBy }: StatusFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  // A stored value the catalogue no longer lists still shows, rather than silently reading as empty.
  const all = value && !options.includes(value) ? [...options, value] : options;
  return (
    <div className="field">
      <label id={labelId} htmlFor={id} className="indicator-name">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={invalid ? true : undefined} aria-describedby={describedBy}>
        <option value="">{t('dataEntry.noStatus')}</option>
        {all.map((option) => (
          <option key={option} value={option}>
            {statusLabel(t, option)}
          </option>
        ))}
      </select>
    </div>
  );
}
