import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client.ts';
import { useLinkQuery } from '../api/useLinkQuery.ts';
import { SetPasswordForm } from '../components/auth/SetPasswordForm.tsx';
import { SetupForm } from '../components/auth/SetupForm.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/accounts.ts';

const TITLE_KEYS = { setup: 'link.setupTitle', invite: 'link.inviteTitle', reset_password: 'link.resetTitle' } as const;

/** `/tautan/:token`: one page for the three one-time links (invitation, password reset, first-admin setup). */
export function LinkPage({ params }: { params: { token: string } }) {
  const { t } = useTranslation();
  const link = useLinkQuery(params.token);
  useDocumentTitle(link.isError ? t('link.invalidTitle') : link.data && t(TITLE_KEYS[link.data.purpose]));

  if (link.isPending) return <Loading />;
  if (link.isError) {
    // Unknown, used and expired links all answer 404 (400 for a malformed token): the same advice fits.
    const invalid = link.error instanceof ApiError && (link.error.isNotFound || link.error.status === 400);
    return (
      <div className="narrow">
        <h1>{invalid ? t('link.invalidTitle') : t('errors.title')}</h1>
        {invalid ? <p>{t('link.invalidText')}</p> : <ErrorMessage error={link.error} onRetry={() => void link.refetch()} />}
        <p>
          <Link href="/">{t('access.home')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      {link.data.purpose === 'setup' ? <SetupForm token={params.token} link={link.data} /> : <SetPasswordForm token={params.token} link={link.data} />}
    </div>
  );
}
