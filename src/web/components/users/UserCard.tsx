import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { User } from '../../../common/api/users.ts';
import { useResetLinkMutation, useUpdateUserMutation } from '../../api/useUserMutations.ts';
import { CopyField } from '../CopyField.tsx';
import { RoleNames } from '../RoleNames.tsx';
import { ErrorMessage } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { UserEditForm } from './UserEditForm.tsx';

/** One user as a card: who, where, roles and status, and what an admin can do about them. */
export function UserCard({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const formatDate = useFormatDate();
  const [editing, setEditing] = useState(false);
  const toggle = useUpdateUserMutation();
  const resetLink = useResetLinkMutation();
  const status = user.disabled ? 'disabled' : user.hasPassword ? 'active' : 'invited';

  function handleToggleDisabled() {
    if (!user.disabled && !window.confirm(t('users.disableConfirm', { name: user.name }))) return;
    toggle.mutate({ id: user.id, changes: { disabled: !user.disabled } });
  }

  return (
    <li className="card user-card" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="card-title">
        {user.name} {isSelf && <span className="badge">{t('users.you')}</span>}
      </h3>
      <p className="card-meta">{user.email}</p>
      <p className="card-meta">{user.organisation.name}</p>
      <p className="card-meta">
        <RoleNames roles={user.roles} />
      </p>
      <p className="badges">
        <span className="visually-hidden">{t('users.statusLabel')}: </span>
        <span className={`badge status-${status}`}>{t(`users.status.${status}`)}</span>
        {user.totpEnabled && <span className="badge">{t('users.totp')}</span>}
      </p>
      {editing ? (
        <UserEditForm user={user} onDone={() => setEditing(false)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} aria-label={t('users.editLabel', { name: user.name })}>
            {t('users.edit')}
          </button>
          {!isSelf && (
            <button
              type="button"
              className={user.disabled ? undefined : 'danger'}
              onClick={handleToggleDisabled}
              disabled={toggle.isPending}
              aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', { name: user.name })}
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
          )}
          <button type="button" onClick={() => resetLink.mutate(user.id)} disabled={resetLink.isPending} aria-label={t('users.resetLinkLabel', { name: user.name })}>
            {t('users.resetLink')}
          </button>
          <Link
            href={`/riwayat?entity=app_user&id=${encodeURIComponent(user.id)}`}
            className="button"
            aria-label={t('users.historyLabel', { name: user.name })}
          >
            {t('users.history')}
          </Link>
        </div>
      )}
      {toggle.isError && <ErrorMessage error={toggle.error} />}
      {resetLink.isError && <ErrorMessage error={resetLink.error} />}
      {resetLink.data && (
        <CopyField
          label={t('users.resetLinkField')}
          value={resetLink.data.url}
          hint={t('users.resetLinkHint', { name: user.name, date: formatDate(resetLink.data.expiresAt) })}
        />
      )}
    </li>
  );
}
