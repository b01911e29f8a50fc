import type { ResultUpdate, UpdateInput } from '../../common/api/results.ts';
import { actionsFrom, decideUpdateAction, isEditable, type UpdateAction, type UpdateActor } from '../../common/result-update-workflow.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize, ForbiddenError } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { ConflictError, InvalidRequestError, NotFoundError, type DomainError } from '../errors.ts';
import type { EvidenceService } from '../programmes/evidence.service.ts';
import { actorParticipation, authorizeParticipant, partyOf, type AgreementFacts } from '../programmes/participation.ts';
import { userIdOf } from '../programmes/programmes.service.ts';
import { computePeriodActual, type IndicatorKind } from './period-actual.ts';
import { findIndicator, listPeriods, lockPeriodRow, writePeriodActual, type IndicatorData } from './results.repo.ts';
import type { ResultsService } from './results.service.ts';
import { insertUpdate, listUpdates, lockUpdate, replaceEvidenceLinks, setStatus, updateValues, type UpdateRow, type UpdateValues } from './updates.repo.ts';

/**
 * Result updates and their workflow (draft → submitted → returned → approved; see
 * common/result-update-workflow.ts). Approving recomputes the period's actual in the same
 * transaction (server/results/period-actual.ts); nothing else changes an actual.
 */
export class UpdatesService {
  constructor(
    private readonly database: Database,
    private readonly results: ResultsService,
    private readonly evidence: EvidenceService,
  ) {}

  async list(context: RequestContext, periodId: string): Promise<ResultUpdate[]> {
    await this.results.agreementOf(context, 'period', periodId);
    return (await listUpdates(this.database.db, { periodId })).map(toUpdate);
  }

  /** Starts a draft update for a period. */
  async create(context: RequestContext, periodId: string, input: UpdateInput): Promise<ResultUpdate> {
    const agreement = await this.results.agreementOf(context, 'period', periodId);
    authorizeParticipant(context.actor, 'results.submit', agreement);
    const { indicator } = await this.periodAndIndicator(periodId);
    const values = checkValues(indicator, input);
    const evidenceIds = await this.checkEvidence(agreement, input.evidenceIds ?? []);
    const id = await inActorTransaction(this.database.db, context, async (trx) => {
      if ((await lockPeriodRow(trx, periodId))?.locked) throw new ConflictError('the period is locked: its updates can no longer change');
      const created = await insertUpdate(trx, periodId, values, userIdOf(context));
      await replaceEvidenceLinks(trx, created, evidenceIds);
      return created;
    });
    return this.get(id);
  }

  /** Changes a draft or returned update (fields not given keep their value). */
  async edit(context: RequestContext, updateId: string, input: UpdateInput): Promise<ResultUpdate> {
    const agreement = await this.results.agreementOf(context, 'update', updateId);
    authorizeParticipant(context.actor, 'results.submit', agreement);
    const current = await this.get(updateId);
    const { indicator } = await this.periodAndIndicator(current.periodId);
    const merged = {
      value: input.value !== undefined ? input.value : current.value,
      numerator: input.numerator !== undefined ? input.numerator : current.numerator,
      denominator: input.denominator !== undefined ? input.denominator : current.denominator,
      narrative: input.narrative !== undefined ? input.narrative : current.narrative,
    };
    const values = checkValues(indicator, merged);
    const evidenceIds = input.evidenceIds ? await this.checkEvidence(agreement, input.evidenceIds) : null;
    await inActorTransaction(this.database.db, context, async (trx) => {
      if ((await lockPeriodRow(trx, current.periodId))?.locked) throw new ConflictError('the period is locked: its updates can no longer change');
      const status = await lockUpdate(trx, updateId);
      if (status === null || !isEditable(status)) throw new ConflictError(`an update that is ${status ?? 'gone'} cannot be edited; only draft and returned updates can`);
      await updateValues(trx, updateId, values);
      if (evidenceIds) await replaceEvidenceLinks(trx, updateId, evidenceIds);
    });
    return this.get(updateId);
  }

  /** One workflow step: submit, return (with a comment) or approve. */
  async transition(context: RequestContext, updateId: string, action: UpdateAction, comment: string | null): Promise<ResultUpdate> {
    const agreement = await this.results.agreementOf(context, 'update', updateId);
    if (action === 'submit') authorizeParticipant(context.actor, 'results.submit', agreement);
    else authorize(context.actor, 'results.review');
    const before = await this.row(updateId);
    const { indicator } = await this.periodAndIndicator(before.periodId);
    if (action === 'submit') checkComplete(indicator, before);
    await inActorTransaction(this.database.db, context, async (trx) => {
      const period = await lockPeriodRow(trx, before.periodId);
      const status = await lockUpdate(trx, updateId);
      if (!period || status === null) throw new NotFoundError(`No result update has the id ${updateId}`);
      const decision = decideUpdateAction(action, workflowActor(context, agreement), {
        status,
        periodLocked: period.locked,
        submittedBy: before.submittedById,
        submitterPartyId: before.submitterOrganisation ? partyOf(before.submitterOrganisation, agreement) : null,
        comment,
      });
      if (!decision.ok) throw decisionError(decision.kind, decision.message);
      await setStatus(trx, updateId, { to: decision.to, userId: userIdOf(context), comment: action === 'submit' ? before.reviewComment : comment });
      if (decision.to === 'approved') {
        const updates = await listUpdates(trx, { periodId: before.periodId });
        const actual = computePeriodActual(kindOf(indicator), updates.map((update) => ({ ...update, approvedAt: update.reviewedAt?.toISOString() ?? null })));
        await writePeriodActual(trx, before.periodId, actual);
      }
    });
    return this.get(updateId);
  }

  private async get(updateId: string): Promise<ResultUpdate> {
    return toUpdate(await this.row(updateId));
  }

  private async row(updateId: string): Promise<UpdateRow> {
    const [row] = await listUpdates(this.database.db, { updateId });
    if (!row) throw new NotFoundError(`No result update has the id ${updateId}`);
    return row;
  }

  private async periodAndIndicator(periodId: string): Promise<{ indicator: IndicatorData }> {
    const [period] = await listPeriods(this.database.db, { periodId });
    const indicator = period && (await findIndicator(this.database.db, period.indicatorId));
    if (!indicator) throw new NotFoundError(`No result period has the id ${periodId}`);
    return { indicator };
  }

  /** Evidence cited by an update must belong to this agreement's activities. */
  private async checkEvidence(agreement: AgreementFacts, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await this.evidence.byIds(unique)).map((row) => [row.id, row]));
    const problems = unique.flatMap((id, index) => {
      const row = found.get(id);
      if (!row) return [`evidenceIds[${index}]: no evidence has the id ${id}`];
      return row.agreementId === agreement.id ? [] : [`evidenceIds[${index}]: evidence ${id} belongs to another agreement`];
    });
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    return unique;
  }
}

function workflowActor(context: RequestContext, agreement: AgreementFacts): UpdateActor {
  const { actor } = context;
  const participation = actorParticipation(actor, agreement);
  const roles = actor.kind === 'user' ? actor.roles : [];
  let maySubmit = true;
  try {
    authorizeParticipant(actor, 'results.submit', agreement);
  } catch {
    maySubmit = false;
  }
  return {
    userId: actor.kind === 'user' ? actor.userId : `system:${actor.kind}`,
    isAdmin: actor.kind === 'system' || roles.includes('admin'),
    isCoordinator: roles.includes('coordinator'),
    maySubmit,
    partyId: participation.partyId,
  };
}

function decisionError(kind: 'conflict' | 'forbidden' | 'invalid', message: string): DomainError {
  if (kind === 'forbidden') return new ForbiddenError(message);
  if (kind === 'invalid') return new InvalidRequestError(message);
  return new ConflictError(message);
}

function kindOf(indicator: IndicatorData): IndicatorKind {
  return { type: indicator.type, measure: indicator.measure, cumulative: indicator.cumulative };
}

/** The fields an update of this indicator takes; every misplaced one is named. */
function checkValues(indicator: IndicatorData, input: UpdateInput): UpdateValues {
  const values: UpdateValues = { value: input.value ?? null, numerator: input.numerator ?? null, denominator: input.denominator ?? null, narrative: input.narrative?.trim() || null };
  const problems: string[] = [];
  if (indicator.type === 'qualitative') {
    if (values.value !== null || values.numerator !== null || values.denominator !== null) problems.push('value: a qualitative indicator is reported as a narrative only');
  } else if (indicator.measure === 'percentage') {
    if (values.value !== null) problems.push('value: a percentage is reported as numerator and denominator, not as a value');
    if ((values.numerator === null) !== (values.denominator === null)) problems.push('denominator: give both numerator and denominator');
    if (values.denominator === 0) problems.push('denominator: must be more than 0');
  } else if (values.numerator !== null || values.denominator !== null) {
    problems.push(`numerator: this indicator is counted in ${indicator.unit ?? 'units'}; give value`);
  }
  if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
  return values;
}

/** A submitted update carries what its indicator measures. */
function checkComplete(indicator: IndicatorData, update: UpdateRow): void {
  if (indicator.type === 'qualitative' && !update.narrative) throw new InvalidRequestError('narrative: a qualitative update needs its narrative before it is submitted');
  if (indicator.type === 'quantitative' && indicator.measure === 'percentage' && update.numerator === null) throw new InvalidRequestError('numerator: give numerator and denominator before submitting');
  if (indicator.type === 'quantitative' && indicator.measure === 'unit' && update.value === null) throw new InvalidRequestError('value: give the value before submitting');
}

export function toUpdate(row: UpdateRow): ResultUpdate {
  return {
    id: row.id,
    periodId: row.periodId,
    status: row.status,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    narrative: row.narrative,
    evidenceIds: row.evidenceIds,
    createdBy: row.createdBy,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    nextActions: actionsFrom(row.status),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
