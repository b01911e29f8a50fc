import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../common/roles.ts';
import { TextField } from '../TextField.tsx';

export interface NewPassword {
  password: string;
  repeat: string;
}

export type NewPasswordProblem = 'tooShort' | 'mismatch';

/** What the browser can tell before asking the server; the server also judges strength and explains. */
export function newPasswordProblem({ password, repeat }: NewPassword): NewPasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password !== repeat) return 'mismatch';
  return null;
}

interface NewPasswordFieldsProps {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  /** Shown once the user has tried to submit, not while they are still typing. */
  problem: NewPasswordProblem | null;
}

/** "Kata sandi baru" and "Ulangi kata sandi", with the length rule as a hint. */
export function NewPasswordFields({ value, onChange, problem }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('password.new')}
        type="password"
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        error={problem === 'tooShort' ? t('password.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('password.repeat')}
        type="password"
        value={value.repeat}
        onChange={(repeat) => onChange({ ...value, repeat })}
        error={problem === 'mismatch' ? t('password.mismatch') : undefined}
        autoComplete="new-password"
        required
      />
    </>
  );
}
