import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/accounts.ts';

interface CopyFieldProps {
  /** Also the field's accessible name, e.g. "Tautan undangan". */
  label: string;
  value: string;
  hint?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A read-only value (a link, a token) with a Copy button. The clipboard API needs a secure
 * context; on plain http over a LAN the text is selected instead, for the user to copy.
 */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.select();
      setState('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <div className="copy-row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          spellCheck={false}
        />
        {/* Named just "Salin", so the label finds only the field; the label describes the button. */}
        <button type="button" onClick={() => void copy()} aria-describedby={`${id}-label`}>
          {t('copy.copy')}
        </button>
      </div>
      <p className="status" role="status">
        {state === 'copied' && t('copy.copied')}
        {state === 'failed' && t('copy.failed')}
      </p>
    </div>
  );
}
