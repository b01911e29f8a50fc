import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useSessionQuery } from '../api/useSessionQuery.ts';
import { useSignOutMutation } from '../api/useSessionMutations.ts';
import { useSignInHref } from './AccessDenied.tsx';
import { NavLink } from './NavLink.tsx';
import { errorText } from './Status.tsx';

/** Pages after which signing in should not lead back to them. */
const NO_RETURN = /^\/(?:masuk|tautan)(?:\/|$)/;

/** "Masuk" when signed out; the user's name (to the profile) and "Keluar" when signed in. */
export function HeaderAccount() {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const session = useSessionQuery();
  const signOut = useSignOutMutation();
  const signInHref = useSignInHref();

  const user = session.data?.user;
  if (!user) {
    return (
      <div className="account">
        <NavLink href={NO_RETURN.test(location) ? '/masuk' : signInHref} className="account-link">
          {t('nav.signIn')}
        </NavLink>
      </div>
    );
  }

  function handleSignOut() {
    signOut.mutate(false, {
      onSuccess: () => navigate('/'),
      // Rare (the server is unreachable), but the user must not believe they are signed out.
      onError: (error) => window.alert(errorText(t, error)),
    });
  }

  return (
    <div className="account">
      <NavLink href="/profil" className="account-link">
        <span className="account-name">{user.name}</span>
      </NavLink>
      <button type="button" className="sign-out" onClick={handleSignOut} disabled={signOut.isPending}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}
