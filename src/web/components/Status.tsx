import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, CLIENT_ERROR_CODES } from '../api/client.ts';
import { id } from '../i18n/id.ts';

type KnownCode = keyof typeof id.errors.codes;

/** Codes with a text of our own; for the rest (a weak password, a taken email) the server's message says more. */
function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(id.errors.codes, code);
}

/** A polite "loading" line; screen readers announce it without moving focus. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('status.loading')}
    </p>
  );
}

/**
 * The words to show for a failed request: ours for the codes we know (and when the server never
 * answered), otherwise the server's own message, which names the field or value at fault.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  switch (error.code) {
    case CLIENT_ERROR_CODES.network:
      return t('errors.network');
    case CLIENT_ERROR_CODES.invalidResponse:
      return t('errors.invalidResponse');
    case CLIENT_ERROR_CODES.http:
      return t('errors.http', { status: error.status });
    default:
      return isKnownCode(error.code) ? t(`errors.codes.${error.code}`) : error.message;
  }
}

export function useErrorText(error: unknown): string {
  const { t } = useTranslation();
  return errorText(t, error);
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
