import type { Actor } from '../auth/actor.ts';
import { authorize, ForbiddenError, isWithinArea, type Permission } from '../auth/policies.ts';
import type { ReadScope } from './agreements.repo.ts';

/**
 * Who may see and who may change an agreement. An agreement spans several areas, so the area
 * half of authorization is a participant check here rather than one area code:
 *
 * - Read: public agreements by anyone; internal ones by admins, observers (ministries, DPRD,
 *   UNICEF read everything and change nothing), the CLI, and users whose organisation takes part
 *   (listed as a participant, or inside a legal party's area: Dinas Kesehatan Kota Bekasi for the
 *   party Kota Bekasi). To anyone else an internal agreement does not exist (404, not 403).
 * - Change (agreements.update, agreements.transition): admins, and coordinators whose
 *   organisation lies in the area of a legal party (PIHAK) of the agreement.
 * - Create (agreements.create): admins, and coordinators whose own pemda is one of the parties.
 */
export function readScopeOf(actor: Actor): ReadScope {
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.kind !== 'user') return { kind: 'public' };
  if (actor.roles.includes('admin') || actor.roles.includes('observer')) return { kind: 'all' };
  return { kind: 'organisation', organisationId: actor.organisation.id, areaCode: actor.organisation.areaCode };
}

/** Whose reminders: admins and the CLI see every agreement's; others the agreements they take part in. */
export function reminderScopeOf(actor: Actor): ReadScope {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.roles.includes('admin'))) return { kind: 'all' };
  if (actor.kind !== 'user') return { kind: 'public' };
  return { kind: 'organisation', organisationId: actor.organisation.id, areaCode: actor.organisation.areaCode };
}

interface PartyArea {
  areaCode: string | null;
}

/** True when the actor may edit an agreement with these legal parties (no error thrown). */
export function canEdit(actor: Actor, parties: readonly PartyArea[]): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.roles.includes('admin')) return true;
  if (!actor.roles.includes('coordinator')) return false;
  return parties.some((party) => isWithinArea(party.areaCode, actor.organisation.areaCode));
}

/** Throws unless the actor holds `permission` and coordinates one of the agreement's legal parties. */
export function authorizeEdit(actor: Actor, permission: Extract<Permission, 'agreements.update' | 'agreements.transition'>, agreement: { title: string; parties: readonly PartyArea[] }): void {
  authorize(actor, permission);
  if (!canEdit(actor, agreement.parties)) {
    const areas = agreement.parties.map((party) => party.areaCode ?? '—').join(', ');
    const own = actor.kind === 'user' ? (actor.organisation.areaCode ?? 'none') : 'none';
    throw new ForbiddenError(`${permission} is limited to coordinators of a legal party (PIHAK) of "${agreement.title}" (${areas}); your organisation's area is ${own}`);
  }
}

/** Creating: the coordinator's own pemda (its area) must be one of the parties. */
export function authorizeCreate(actor: Actor, parties: readonly PartyArea[]): void {
  authorize(actor, 'agreements.create');
  if (actor.kind !== 'user' || actor.roles.includes('admin')) return;
  const own = actor.organisation.areaCode;
  if (!parties.some((party) => party.areaCode !== null && party.areaCode === own)) {
    throw new ForbiddenError(`agreements.create: your own regional government (${own ?? 'none'}) must be one of the legal parties (PIHAK)`);
  }
}
