import { useTranslation } from 'react-i18next';
import { ApiError, CLIENT_ERROR_CODES } from '../api/client.ts';

/** A polite "loading" line; screen readers announce it without moving focus. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('status.loading')}
    </p>
  );
}

/** The words to show for a failed request: the server's own message, or ours when it never answered. */
export function useErrorText(error: unknown): string {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return t('errors.network');
  switch (error.code) {
    case CLIENT_ERROR_CODES.network:
      return t('errors.network');
    case CLIENT_ERROR_CODES.invalidResponse:
      return t('errors.invalidResponse');
    case CLIENT_ERROR_CODES.http:
      return t('errors.http', { status: error.status });
    default:
      return error.message;
  }
}

interface ErrorMessageProps {
  error: unknown;
  /** Offered only for failures a retry can fix (network, 5xx). */
  onRetry?: () => void;
}

export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  const text = useErrorText(error);
  const retryable = !(error instanceof ApiError && error.isClientError);
  return (
    <div className="error" role="alert">
      <p>{text}</p>
      {onRetry && retryable && (
        <button type="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}
