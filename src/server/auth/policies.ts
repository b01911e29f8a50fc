import type { Role } from '../../common/roles.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * Every permission a route can declare, and who holds it. This table is the one authorization
 * mechanism: routes declare a permission (`config.policy`), the request hook checks the role part
 * before the handler runs, and services call `authorize()` again with the target's area for the
 * scope part. The permission matrix test is generated from this table and the route list.
 */
export const POLICIES = {
  /** Anyone, signed in or not: public reads, signing in, redeeming a link. */
  public: { who: 'anyone', scoped: false },
  /** Any signed-in user, on their own account: sign-out, profile, 2FA, personal tokens. */
  self: { who: 'signed_in', scoped: false },
  /** Invite users, change roles, disable, issue reset links. */
  'users.manage': { who: ['admin'], scoped: false },
  /** Add an organisation; a coordinator may add OPDs and operators under their own pemda only. */
  'organisations.create': { who: ['admin', 'coordinator'], scoped: true },
  /** Rename an organisation; a coordinator only within their own area. */
  'organisations.update': { who: ['admin', 'coordinator'], scoped: true },
  /** Enter or change observations (indicator values) for areas; a data officer only within their own area. */
  'observations.write': { who: ['data_officer'], scoped: true },
  /** Read the audit trail. */
  'audit.read': { who: ['admin'], scoped: false },
  /** Start an agreement; a coordinator only with their own pemda among the legal parties (checked in the service). */
  'agreements.create': { who: ['admin', 'coordinator'], scoped: false },
  /**
   * Edit an agreement and its parts (participants, people, scope, documents, uploads). An agreement
   * spans several areas: a coordinator of one of its legal parties (PIHAK) may, checked in the service.
   */
  'agreements.update': { who: ['admin', 'coordinator'], scoped: false },
  /** Move an agreement through its legal lifecycle; same people as agreements.update. */
  'agreements.transition': { who: ['admin', 'coordinator'], scoped: false },
  /**
   * Plan and run an agreement's programme: stages, activities, evidence, the results framework.
   * Scoped to participants of the agreement (checked in the service: the user's organisation takes
   * part, or lies in a legal party's area), not to an area prefix.
   */
  'programmes.write': { who: ['coordinator', 'data_officer', 'facilitator'], scoped: false },
  /** Write and submit result updates; the same people as programmes.write, with the same scope. */
  'results.submit': { who: ['coordinator', 'data_officer', 'facilitator'], scoped: false },
  /** Return or approve a submitted result update: a coordinator of a party other than the submitter's (checked in the service). */
  'results.review': { who: ['coordinator'], scoped: false },
} as const satisfies Record<string, { who: 'anyone' | 'signed_in' | readonly Role[]; scoped: boolean }>;

export type Permission = keyof typeof POLICIES;

/** What a scoped permission is checked against: the area the change touches. */
export interface PolicyTarget {
  areaCode: string | null;
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in first: this needs a signed-in user or an API token') {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/**
 * Throws UnauthorizedError (no user) or ForbiddenError (wrong role, or a target outside the
 * user's area) unless `actor` holds `permission`. Admins and the CLI hold every permission.
 * Without a target, a scoped permission is checked for the role only (the request hook does
 * that before the service knows the target).
 */
export function authorize(actor: Actor, permission: Permission, target?: PolicyTarget): void {
  const policy = POLICIES[permission];
  if (policy.who === 'anyone' || actor.kind === 'system') return;
  if (actor.kind !== 'user') throw new UnauthorizedError();
  if (policy.who === 'signed_in' || actor.roles.includes('admin')) return;
  if (!policy.who.some((role: Role) => actor.roles.includes(role))) {
    throw new ForbiddenError(`Your roles (${actor.roles.join(', ')}) do not allow ${permission}`);
  }
  if (policy.scoped && target && !isWithinArea(actor.organisation.areaCode, target.areaCode)) {
    throw new ForbiddenError(`${permission} is limited to your organisation's area (${actor.organisation.areaCode ?? 'none'}); this concerns ${target.areaCode ?? 'no area'}`);
  }
}

/** True when `target` is the user's area or lies under it: a code-prefix check. */
export function isWithinArea(userArea: string | null, target: string | null): boolean {
  if (!userArea || !target) return false;
  return target === userArea || target.startsWith(`${userArea}.`);
}
