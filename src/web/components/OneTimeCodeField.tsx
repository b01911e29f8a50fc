import { TextField, type TextFieldProps } from './TextField.tsx';

/**
 * The 6-digit code from an authenticator app: numeric keyboard on phones, and the browser may
 * offer the code itself (autocomplete one-time-code). Used at sign-in and when turning 2FA on.
 */
export function OneTimeCodeField(props: Omit<TextFieldProps, 'inputMode' | 'autoComplete' | 'pattern' | 'maxLength'>) {
  return <TextField {...props} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />;
}
