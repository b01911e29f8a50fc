import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../common/api/auth.ts';
import { RoleNames } from '../RoleNames.tsx';

/** Who the signed-in user is: the facts that decide what they may do. */
export function AccountDetails({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">{t('profile.details')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('form.name')}</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>{t('form.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('profile.organisation')}</dt>
          <dd>
            {user.organisation.name} <span className="kind">{t(`organisationKinds.${user.organisation.kind}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('profile.roles')}</dt>
          <dd>
            <RoleNames roles={user.roles} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
