import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, ROLES, TOKEN_SCOPES } from '../../../common/roles.ts';
import type { Role } from '../../../common/roles.ts';
import { RoleNames } from '../RoleNames.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { displayValue } from './audit-diff.ts';

function isRoleList(value: unknown): value is Role[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isOneOf(ROLES, item));
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return options.some((option) => option === value);
}

/** One recorded value, readable: times in the reader's time zone, codes by name, nothing as "(kosong)". */
export function AuditValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (field === 'roles' && isRoleList(value)) return <RoleNames roles={value} />;
  if (field === 'kind' && isOneOf(ORGANISATION_KINDS, value)) return <>{t(`organisationKinds.${value}`)}</>;
  if (field === 'scope' && isOneOf(TOKEN_SCOPES, value)) return <>{t(`tokens.scopes.${value}`)}</>;
  const shown = displayValue(value);
  switch (shown.kind) {
    case 'empty':
      return <span className="empty">{t('audit.empty')}</span>;
    case 'time':
      return <time dateTime={shown.iso}>{formatDate(shown.iso)}</time>;
    case 'boolean':
      return <>{shown.value ? t('audit.yes') : t('audit.no')}</>;
    case 'text':
      return <>{shown.text}</>;
  }
}
