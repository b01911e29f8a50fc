import { useTranslation } from 'react-i18next';
import type { Role } from '../../common/roles.ts';
import '../i18n/accounts.ts';

/** A user's roles in the reader's language, comma-separated. */
export function RoleNames({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return <>{roles.map((role) => t(`roles.${role}`)).join(', ')}</>;
}
