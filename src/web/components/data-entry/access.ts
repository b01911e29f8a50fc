import type { CurrentUser } from '../../../common/api/auth.ts';

/**
 * Whether a user may enter data for an area, and if not, why: the rule of the server's
 * `observations.write` policy (admins anywhere; data officers in their organisation's area and
 * below it, by code prefix: `32.75` covers `32.75.01.1001`). The server checks again on save.
 */
export type DataEntryAccess = 'allowed' | 'role' | 'no_area' | 'outside_area';

export function dataEntryAccess(user: CurrentUser, areaCode: string): DataEntryAccess {
  if (user.roles.includes('admin')) return 'allowed';
  if (!user.roles.includes('data_officer')) return 'role';
  const own = user.organisation.areaCode;
  if (!own) return 'no_area';
  return areaCode === own || areaCode.startsWith(`${own}.`) ? 'allowed' : 'outside_area';
}

/** For links: false while signed out or while the session is not known yet. */
export function canEnterData(user: CurrentUser | null | undefined, areaCode: string): boolean {
  return user ? dataEntryAccess(user, areaCode) === 'allowed' : false;
}
