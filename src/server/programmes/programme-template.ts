import type { Transaction } from 'kysely';
import type { RequestContext } from '../auth/actor.ts';
import type { Schema } from '../db/schema.ts';
import type { AgreementDirectory, AgreementFacts } from './participation.ts';
import { findProgramme, insertProgramme } from './programmes.repo.ts';
import { userIdOf } from './programmes.service.ts';
import { copyPlan, earliestPlannedDate } from './template-copy.repo.ts';

/**
 * "Use as template" for the programme: called by the agreements feature inside the transaction that
 * creates the new agreement (AgreementTemplateService.onTemplate), so agreement, work plan and
 * results framework are copied all or nothing. A source without a programme copies nothing.
 */
export async function copyProgrammeForTemplate(
  agreements: AgreementDirectory,
  trx: Transaction<Schema>,
  context: RequestContext,
  ids: { sourceId: string; targetId: string },
  today: string,
): Promise<{ activities: number; indicators: number; periods: number } | null> {
  const source = await findProgramme(trx, ids.sourceId);
  if (!source) return null;
  const [from, to] = await Promise.all([agreements.detail(trx, ids.sourceId, context.actor), agreements.detail(trx, ids.targetId, context.actor)]);
  const targetProgrammeId =
    (await findProgramme(trx, ids.targetId))?.id ??
    (await insertProgramme(trx, { agreementId: ids.targetId, title: `${source.title} (replikasi)`, summary: source.summary, createdBy: userIdOf(context), replicatedFromId: source.id }));
  const { organisationMap, areaMap } = partyMaps(from, to);
  return copyPlan(trx, { sourceProgrammeId: source.id, targetProgrammeId, shiftYears: yearsToShift(await earliestPlannedDate(trx, source.id), today), organisationMap, areaMap });
}

/** Source party number k → target party number k: organisations and their areas. */
export function partyMaps(from: AgreementFacts, to: AgreementFacts): { organisationMap: Map<string, string>; areaMap: Map<string, string> } {
  const organisationMap = new Map<string, string>();
  const areaMap = new Map<string, string>();
  for (const party of from.participants.filter((participant) => participant.role === 'pihak')) {
    const match = to.participants.find((candidate) => candidate.role === 'pihak' && candidate.partyNumber === party.partyNumber);
    if (!match) continue;
    organisationMap.set(party.organisation.id, match.organisation.id);
    if (party.organisation.areaCode && match.organisation.areaCode) areaMap.set(party.organisation.areaCode, match.organisation.areaCode);
  }
  return { organisationMap, areaMap };
}

/** The fewest whole years that move `earliest` to today or later (0 when it is not in the past). */
export function yearsToShift(earliest: string | null, today: string): number {
  if (earliest === null || earliest >= today) return 0;
  const years = Number(today.slice(0, 4)) - Number(earliest.slice(0, 4));
  return earliest.slice(4) < today.slice(4) ? years + 1 : years;
}
