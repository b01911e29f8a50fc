import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from './Status.tsx';

/** A heading in the reader's language for a failed area query; the server's own message follows it. */
export function areaErrorTitleKey(error: unknown) {
  if (error instanceof ApiError && error.isNotFound) return 'area.notFound' as const;
  if (error instanceof ApiError && error.status === 400) return 'area.invalidCode' as const;
  return 'errors.title' as const;
}

/** In place of an area that could not be loaded: what went wrong, and the way back to the list. */
export function AreaError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(areaErrorTitleKey(error))}</h1>
      <ErrorMessage error={error} onRetry={onRetry} />
      <p>
        <Link href="/wilayah">{t('area.backToAreas')}</Link>
      </p>
    </>
  );
}
