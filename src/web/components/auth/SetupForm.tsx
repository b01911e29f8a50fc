import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { LinkInfo } from '../../api/auth.ts';
import { useSetupMutation } from '../../api/useSessionMutations.ts';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useNewPassword } from './useNewPassword.ts';

/** The setup link `kembar serve` prints on a first start: creates the first admin, who is then signed in. */
export function SetupForm({ token, link }: { token: string; link: LinkInfo }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [name, setName] = useState(link.name ?? '');
  const [email, setEmail] = useState(link.email ?? '');
  const newPassword = useNewPassword();
  const setup = useSetupMutation();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!newPassword.check()) return;
    setup.mutate({ token, name, email, password: newPassword.value.password }, { onSuccess: () => navigate('/pengguna', { replace: true }) });
  }

  return (
    <>
      <h1>{t('link.setupTitle')}</h1>
      <p className="lead">{t('link.setupIntro')}</p>
      <form className="stack" onSubmit={handleSubmit}>
        <TextField label={t('form.name')} value={name} onChange={setName} autoComplete="name" required minLength={2} maxLength={120} />
        <TextField label={t('form.email')} type="email" value={email} onChange={setEmail} autoComplete="username" required spellCheck={false} />
        <NewPasswordFields value={newPassword.value} onChange={newPassword.setValue} problem={newPassword.problem} />
        {setup.isError && <ErrorMessage error={setup.error} />}
        <button type="submit" className="primary" disabled={setup.isPending}>
          {t('link.setupSubmit')}
        </button>
      </form>
    </>
  );
}
