import { useState } from 'react';
import { newPasswordProblem } from './NewPasswordFields.tsx';
import type { NewPassword, NewPasswordProblem } from './NewPasswordFields.tsx';

const EMPTY: NewPassword = { password: '', repeat: '' };

/**
 * State of the two new-password fields. `check()` runs on submit: it reports whether the pair may
 * be sent, and from then on problems show (and clear) as the user corrects them.
 */
export function useNewPassword() {
  const [value, setValue] = useState<NewPassword>(EMPTY);
  const [checked, setChecked] = useState(false);
  const problem: NewPasswordProblem | null = checked ? newPasswordProblem(value) : null;

  function check(): boolean {
    setChecked(true);
    return newPasswordProblem(value) === null;
  }

  function reset() {
    setValue(EMPTY);
    setChecked(false);
  }

  return { value, setValue, problem, check, reset };
}
