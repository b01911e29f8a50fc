import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTotpDisableMutation, useTotpSetupMutation } from '../../api/useAccountMutations.ts';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { TotpEnableForm } from './TotpEnableForm.tsx';

/** Two-step verification: turn it on (scan, then confirm a code) or off (with the password). */
export function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('totp.title')}</h2>
      <p>{enabled ? t('totp.on') : t('totp.off')}</p>
      {enabled ? <TotpDisableForm /> : <TotpStart />}
    </section>
  );
}

function TotpStart() {
  const { t } = useTranslation();
  const setup = useTotpSetupMutation();
  if (setup.data) return <TotpEnableForm setup={setup.data} onCancel={() => setup.reset()} />;
  return (
    <>
      {setup.isError && <ErrorMessage error={setup.error} />}
      <button type="button" disabled={setup.isPending} onClick={() => setup.mutate()}>
        {t('totp.start')}
      </button>
    </>
  );
}

function TotpDisableForm() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const disable = useTotpDisableMutation();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    disable.mutate(password, { onSuccess: () => setPassword('') });
  }

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <TextField label={t('totp.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
      {disable.isError && <ErrorMessage error={disable.error} />}
      <button type="submit" disabled={disable.isPending}>
        {t('totp.disable')}
      </button>
    </form>
  );
}
