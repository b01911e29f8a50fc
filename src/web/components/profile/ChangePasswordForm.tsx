import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePasswordMutation } from '../../api/useAccountMutations.ts';
import { NewPasswordFields } from '../auth/NewPasswordFields.tsx';
import { useNewPassword } from '../auth/useNewPassword.ts';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';

/** Current password, then the new one twice. The server ends the user's other sessions. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const newPassword = useNewPassword();
  const change = useChangePasswordMutation();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!newPassword.check()) return;
    change.mutate(
      { currentPassword, newPassword: newPassword.value.password },
      {
        onSuccess: () => {
          setCurrentPassword('');
          newPassword.reset();
        },
      },
    );
  }

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('profile.passwordTitle')}</h2>
      <form className="stack" onSubmit={handleSubmit}>
        <input type="email" value={email} autoComplete="username" readOnly hidden />
        <TextField label={t('password.current')} type="password" value={currentPassword} onChange={setCurrentPassword} autoComplete="current-password" required />
        <NewPasswordFields value={newPassword.value} onChange={newPassword.setValue} problem={newPassword.problem} />
        {change.isError && <ErrorMessage error={change.error} />}
        <p className="status" role="status">
          {change.isSuccess && t('profile.passwordDone')}
        </p>
        <button type="submit" disabled={change.isPending}>
          {t('profile.passwordSubmit')}
        </button>
      </form>
    </section>
  );
}
