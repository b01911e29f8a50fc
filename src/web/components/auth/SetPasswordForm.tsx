import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LinkInfo } from '../../api/auth.ts';
import { useRedeemLinkMutation } from '../../api/useAccountMutations.ts';
import { ErrorMessage } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useNewPassword } from './useNewPassword.ts';

/** An invitation or reset link: choose a password, then sign in with it. */
export function SetPasswordForm({ token, link }: { token: string; link: LinkInfo }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const newPassword = useNewPassword();
  const redeem = useRedeemLinkMutation();
  const invite = link.purpose === 'invite';

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!newPassword.check()) return;
    redeem.mutate({ token, newPassword: newPassword.value.password });
  }

  const title = invite ? t('link.inviteTitle') : t('link.resetTitle');
  if (redeem.isSuccess) {
    return (
      <>
        <h1>{title}</h1>
        <p role="status">{t('link.done')}</p>
        <p>
          <Link href="/masuk" className="button primary">
            {t('link.signIn')}
          </Link>
        </p>
      </>
    );
  }

  const email = link.email ?? '';
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{invite ? t('link.inviteIntro', { email }) : t('link.resetIntro', { email })}</p>
      <form className="stack" onSubmit={handleSubmit}>
        {/* Lets a password manager store the new password under the right account. */}
        <input type="email" value={email} autoComplete="username" readOnly hidden />
        <NewPasswordFields value={newPassword.value} onChange={newPassword.setValue} problem={newPassword.problem} />
        {redeem.isError && <ErrorMessage error={redeem.error} />}
        <button type="submit" className="primary" disabled={redeem.isPending}>
          {t('password.save')}
        </button>
      </form>
      <p className="hint">{t('link.expires', { date: formatDate(link.expiresAt) })}</p>
    </>
  );
}
