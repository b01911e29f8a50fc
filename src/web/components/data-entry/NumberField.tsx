import { useId } from 'react';
import type { ReactNode } from 'react';

interface NumberFieldProps {
  label: ReactNode;
  labelClassName?: string;
  labelId?: string;
  value: string;
  onChange: (text: string) => void;
  /** Shown after the box: the unit, such as "KK". */
  suffix?: string;
  /** What is wrong with this box's text. */
  error?: string;
  /** The indicator as a whole is at fault (the server's message, described by `describedBy`). */
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A number as text, so `1.200` and `12,5` can be typed as people write them (type="number" would
 * refuse both); `inputMode` still brings up the phone's number keyboard.
 */
export function NumberField({ label, labelClassName, labelId, value, onChange, suffix, error, invalid, describedBy }: NumberFieldProps) {
  const id = useId();
  const suffixId = `${id}-unit`;
  const errorId = `${id}-error`;
  const described = [suffix ? suffixId : '', error ? errorId : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div className="field number-field">
      <label id={labelId} htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <div className="input-row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error || invalid ? true : undefined}
          aria-describedby={described || undefined}
        />
        {suffix && (
          <span id={suffixId} className="unit">
            {suffix}
          </span>
        )}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
