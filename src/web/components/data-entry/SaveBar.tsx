import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../Status.tsx';

interface SaveBarProps {
  pending: boolean;
  /** Unsaved changes, saved, nothing to save: one short line beside the button. */
  status: string;
  /** Some entries are marked (not a number, or refused by the server): nothing was saved. */
  checkFields: boolean;
  /** The server's problems that name no entry. */
  general: readonly string[];
  /** Any other failure (network, server error), or null. */
  error: unknown;
}

/** The Save button and what became of the last save, kept in view at the bottom of the screen. */
export function SaveBar({ pending, status, checkFields, general, error }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <div className="save-bar">
      {checkFields && (
        <div className="error" role="alert">
          <p>{t('dataEntry.checkFields')}</p>
          {general.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <div className="save-row">
        <button type="submit" className="primary" disabled={pending}>
          {t('dataEntry.save')}
        </button>
        <p className="status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}
