import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../common/roles.ts';
import type { Role } from '../../../common/roles.ts';

interface RoleCheckboxesProps {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
}

/** One checkbox per role, each with a line on what it allows; a user may hold several. */
export function RoleCheckboxes({ value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  const id = useId();

  function toggle(role: Role, checked: boolean) {
    // Kept in the order of ROLES, whatever the order of clicks.
    onChange(ROLES.filter((r) => (r === role ? checked : value.includes(r))));
  }

  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('users.roles')}</legend>
      <div className="choices">
        {ROLES.map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={value.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
              aria-labelledby={`${id}-${role}-name`}
              aria-describedby={`${id}-${role}`}
            />
            <span>
              <span id={`${id}-${role}-name`}>{t(`roles.${role}`)}</span>{' '}
              <span id={`${id}-${role}`} className="kind">
                {t(`roleHints.${role}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
