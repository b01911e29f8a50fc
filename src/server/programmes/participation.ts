import type { ParticipantRole } from '../../common/agreements/vocabulary.ts';
import type { AgreementDetail } from '../../common/api/agreements.ts';
import type { Kysely } from 'kysely';
import type { Actor, RequestContext } from '../auth/actor.ts';
import type { Schema } from '../db/schema.ts';
import { authorize, ForbiddenError, isWithinArea } from '../auth/policies.ts';

/**
 * Who takes part in an agreement, as the programme and results features need it. Pure.
 *
 * A user takes part when their organisation is a participant (any role but witness: a SAKSI only
 * watched the signing), or when their organisation lies in a legal party's area (Dinas Kesehatan
 * Kota Bekasi, or a puskesmas in it, works for the party Kota Bekasi). Their party is the PIHAK
 * they belong to that way; facilitators and sponsors belong to no party.
 */
export type AgreementFacts = Pick<AgreementDetail, 'id' | 'title' | 'status' | 'visibility' | 'participants'>;

export interface Participation {
  isParticipant: boolean;
  /** The organisation id of the legal party the user belongs to, or null. */
  partyId: string | null;
}

const NOT_TAKING_PART: ReadonlySet<ParticipantRole> = new Set(['saksi']);

export function participationOf(organisation: { id: string; areaCode: string | null }, agreement: AgreementFacts): Participation {
  const partyId = partyOf(organisation, agreement);
  const listed = agreement.participants.some((participant) => participant.organisation.id === organisation.id && !NOT_TAKING_PART.has(participant.role));
  return { isParticipant: partyId !== null || listed, partyId };
}

export function partyOf(organisation: { id: string; areaCode: string | null }, agreement: AgreementFacts): string | null {
  const parties = agreement.participants.filter((participant) => participant.role === 'pihak');
  const direct = parties.find((party) => party.organisation.id === organisation.id);
  if (direct) return direct.organisation.id;
  const byArea = parties.find((party) => party.organisation.areaCode !== null && isWithinArea(party.organisation.areaCode, organisation.areaCode));
  return byArea?.organisation.id ?? null;
}

/** The participation of an actor: the CLI and the server act for everyone; anonymous for no one. */
export function actorParticipation(actor: Actor, agreement: AgreementFacts): Participation {
  if (actor.kind === 'system') return { isParticipant: true, partyId: null };
  if (actor.kind !== 'user') return { isParticipant: false, partyId: null };
  return participationOf(actor.organisation, agreement);
}

/** Legal parties' areas (for indicators tied to one party's area). */
export function partyAreas(agreement: AgreementFacts): string[] {
  return agreement.participants.flatMap((participant) => (participant.role === 'pihak' && participant.organisation.areaCode !== null ? [participant.organisation.areaCode] : []));
}

/** How a feature reaches the agreements feature: through its service, as the reader is allowed to see it. */
export interface AgreementDirectory {
  /** The agreement's facts; NotFoundError when it does not exist or is hidden from the caller. */
  facts(context: RequestContext, agreementId: string): Promise<AgreementFacts>;
  /** The facts read through `db` (a transaction sees its own writes), without a visibility check. */
  detail(db: Kysely<Schema>, agreementId: string, actor: Actor): Promise<AgreementFacts>;
}

/**
 * Checks a programme or results write: the role (through the policy table), then that the user takes
 * part in the agreement (admins and the CLI always may). Returns the caller's participation.
 */
export function authorizeParticipant(actor: Actor, permission: 'programmes.write' | 'results.submit', agreement: AgreementFacts): Participation {
  authorize(actor, permission);
  const participation = actorParticipation(actor, agreement);
  if (actor.kind === 'user' && actor.roles.includes('admin')) return { ...participation, isParticipant: true };
  if (!participation.isParticipant) {
    throw new ForbiddenError(`${permission} is limited to participants of the agreement "${agreement.title}"; your organisation takes no part in it`);
  }
  return participation;
}
