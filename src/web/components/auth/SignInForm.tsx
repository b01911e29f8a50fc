import { useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSignInMutation } from '../../api/useSessionMutations.ts';
import { ErrorMessage } from '../Status.tsx';
import { OneTimeCodeField } from '../OneTimeCodeField.tsx';
import { TextField } from '../TextField.tsx';

interface SignInFormProps {
  email: string;
  password: string;
  onEmailChange: (email: string) => void;
  onPasswordChange: (password: string) => void;
  /** `askCode` is true when the server asked for a 2FA code: the form then shows a code field. */
  askCode: boolean;
  onAskCode: (askCode: boolean) => void;
  onSignedIn: () => void;
  /** The submit button, for the page to bring into view once it has filled the form. */
  submitRef?: RefObject<HTMLButtonElement | null>;
}

/**
 * Email and password; when the account has two-step verification, the server answers
 * `totp_required` and the same form asks for the 6-digit code and sends all three again.
 */
export function SignInForm({ email, password, onEmailChange, onPasswordChange, askCode, onAskCode, onSignedIn, submitRef }: SignInFormProps) {
  const { t } = useTranslation();
  const signIn = useSignInMutation();
  const [code, setCode] = useState('');

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(
      { email, password, totp: askCode ? code.trim() : undefined },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'totp_required') onAskCode(true);
        },
      },
    );
  }

  const error = signIn.error;
  const asked = error instanceof ApiError && error.code === 'totp_required';
  const wrongCode = askCode && error instanceof ApiError && error.code === 'invalid_credentials';

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <TextField label={t('form.email')} type="email" value={email} onChange={onEmailChange} autoComplete="username" required spellCheck={false} />
      <TextField label={t('signIn.password')} type="password" value={password} onChange={onPasswordChange} autoComplete="current-password" required />
      {askCode && (
        <OneTimeCodeField label={t('signIn.totp')} hint={t('signIn.totpHint')} value={code} onChange={setCode} autoFocus />
      )}
      {error && !asked && (wrongCode ? <p className="error" role="alert">{t('signIn.wrongCode')}</p> : <ErrorMessage error={error} />)}
      <button ref={submitRef} type="submit" className="primary" disabled={signIn.isPending}>
        {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
