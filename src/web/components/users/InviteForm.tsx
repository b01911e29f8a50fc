import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../common/api/organisations.ts';
import type { Role } from '../../../common/roles.ts';
import { useInviteUserMutation } from '../../api/useUserMutations.ts';
import { CopyField } from '../CopyField.tsx';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { OrganisationPicker } from '../OrganisationPicker.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

/**
 * Invites a user: email, name, organisation and roles. The answer is a one-time link; with no
 * mail server, the admin copies it and sends it themselves.
 */
export function InviteForm() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [checked, setChecked] = useState(false);
  const invite = useInviteUserMutation();

  const organisationError = checked && !organisation ? t('users.organisationRequired') : undefined;
  const rolesError = checked && roles.length === 0 ? t('users.rolesRequired') : undefined;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!organisation || roles.length === 0) return;
    invite.mutate({ email, name, organisationCode: organisation.code, roles });
  }

  function startOver() {
    setEmail('');
    setName('');
    setOrganisation(null);
    setRoles([]);
    setChecked(false);
    invite.reset();
  }

  if (invite.data) {
    const { user, link } = invite.data;
    return (
      <div className="notice">
        <CopyField
          label={t('users.inviteLink')}
          value={link.url}
          hint={t('users.inviteLinkHint', { name: user.name, email: user.email, date: formatDate(link.expiresAt) })}
        />
        <button type="button" onClick={startOver}>
          {t('users.inviteAnother')}
        </button>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <TextField label={t('form.email')} type="email" value={email} onChange={setEmail} autoComplete="off" spellCheck={false} required />
      <TextField label={t('form.name')} value={name} onChange={setName} autoComplete="off" required minLength={2} maxLength={120} />
      <OrganisationPicker value={organisation} onChange={setOrganisation} error={organisationError} />
      <RoleCheckboxes value={roles} onChange={setRoles} error={rolesError} />
      {invite.isError && <ErrorMessage error={invite.error} />}
      <button type="submit" className="primary" disabled={invite.isPending}>
        {t('users.invite')}
      </button>
    </form>
  );
}
