import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../common/api/organisations.ts';
import type { User } from '../../../common/api/users.ts';
import type { Role } from '../../../common/roles.ts';
import { useUpdateUserMutation } from '../../api/useUserMutations.ts';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { OrganisationPicker } from '../OrganisationPicker.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

/** Name, organisation and roles of one user; only what changed is sent. */
export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const [organisation, setOrganisation] = useState<Organisation>(user.organisation);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [checked, setChecked] = useState(false);
  const update = useUpdateUserMutation();
  const rolesError = checked && roles.length === 0 ? t('users.rolesRequired') : undefined;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (roles.length === 0) return;
    const changes = {
      name: name.trim() !== user.name ? name : undefined,
      organisationCode: organisation.code !== user.organisation.code ? organisation.code : undefined,
      roles: roles.join() !== user.roles.join() ? roles : undefined,
    };
    update.mutate({ id: user.id, changes }, { onSuccess: onDone });
  }

  return (
    <form className="stack edit-form" onSubmit={handleSubmit}>
      <TextField label={t('form.name')} value={name} onChange={setName} autoComplete="off" required minLength={2} maxLength={120} />
      <OrganisationPicker value={organisation} onChange={setOrganisation} />
      <RoleCheckboxes value={roles} onChange={setRoles} error={rolesError} />
      {update.isError && <ErrorMessage error={update.error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={update.isPending}>
          {t('form.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
