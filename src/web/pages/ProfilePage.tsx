import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../common/api/auth.ts';
import { ApiTokensSection } from '../components/profile/ApiTokensSection.tsx';
import { AccountDetails } from '../components/profile/AccountDetails.tsx';
import { ChangePasswordForm } from '../components/profile/ChangePasswordForm.tsx';
import { SignOutEverywhere } from '../components/profile/SignOutEverywhere.tsx';
import { TotpSection } from '../components/profile/TotpSection.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/accounts.ts';

/** `/profil`: who I am, my password, two-step verification, API tokens, and signing out everywhere. */
export function ProfilePage() {
  return <RequireSession>{({ user }) => <Profile user={user} />}</RequireSession>;
}

function Profile({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  return (
    <div className="narrow">
      <h1>{t('profile.title')}</h1>
      <AccountDetails user={user} />
      <ChangePasswordForm email={user.email} />
      <TotpSection enabled={user.totpEnabled} />
      <ApiTokensSection />
      <SignOutEverywhere />
    </div>
  );
}
