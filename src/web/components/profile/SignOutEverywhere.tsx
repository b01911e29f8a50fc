import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useSignOutMutation } from '../../api/useSessionMutations.ts';
import { ErrorMessage } from '../Status.tsx';

/** Ends every session of the account, this one included, for a lost phone or laptop. */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const signOut = useSignOutMutation();
  return (
    <section aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">{t('profile.everywhereTitle')}</h2>
      <p className="hint">{t('profile.everywhereText')}</p>
      {signOut.isError && <ErrorMessage error={signOut.error} />}
      <button type="button" className="danger" disabled={signOut.isPending} onClick={() => signOut.mutate(true, { onSuccess: () => navigate('/masuk') })}>
        {t('profile.everywhereSubmit')}
      </button>
    </section>
  );
}
