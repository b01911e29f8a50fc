import { useTranslation } from 'react-i18next';
import { RequireSession } from '../components/RequireSession.tsx';
import { InviteForm } from '../components/users/InviteForm.tsx';
import { UserList } from '../components/users/UserList.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/accounts.ts';

/** `/pengguna` (admins): invite users, and change, disable or reset the ones there are. */
export function UsersPage() {
  return <RequireSession role="admin">{({ user }) => <Users currentUserId={user.id} />}</RequireSession>;
}

function Users({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  return (
    <>
      <h1>{t('users.title')}</h1>
      <section aria-labelledby="invite-heading" className="panel">
        <h2 id="invite-heading">{t('users.inviteTitle')}</h2>
        <p className="hint">{t('users.inviteIntro')}</p>
        <InviteForm />
      </section>
      <UserList currentUserId={currentUserId} />
    </>
  );
}
