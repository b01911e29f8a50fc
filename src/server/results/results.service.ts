import type { CreateIndicator, CreatePeriod, CreateResult, PatchPeriod, ResultPeriod, ResultsFramework } from '../../common/api/results.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { AreasService } from '../areas/areas.service.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import { authorizeParticipant, partyAreas, type AgreementFacts } from '../programmes/participation.ts';
import type { ProgrammesService } from '../programmes/programmes.service.ts';
import { isWithinArea } from '../auth/policies.ts';
import { targetReached } from './period-actual.ts';
import {
  agreementOf,
  findIndicator,
  insertIndicator,
  insertPeriod,
  insertResult,
  listPeriods,
  loadFramework,
  nextPosition,
  periodsForReminders,
  updatePeriod,
  type FrameworkData,
  type PeriodRow,
} from './results.repo.ts';

/** The results framework of an agreement: results → indicators (baseline) → periods (target, actual, locked). */
export class ResultsService {
  constructor(
    private readonly database: Database,
    private readonly programmes: ProgrammesService,
    private readonly indicators: IndicatorsService,
    private readonly areas: AreasService,
  ) {}

  async framework(context: RequestContext, agreementId: string): Promise<ResultsFramework> {
    await this.programmes.agreements.facts(context, agreementId);
    const programme = await this.programmes.find(agreementId);
    if (!programme) return { agreementId, items: [] };
    return toFramework(agreementId, await loadFramework(this.database.db, programme.id));
  }

  async createResult(context: RequestContext, agreementId: string, input: CreateResult): Promise<ResultsFramework> {
    const agreement = await this.programmes.agreements.facts(context, agreementId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    await inActorTransaction(this.database.db, context, async (trx) => {
      const programmeId = await this.programmes.ensureProgramme(trx, context, agreement);
      await insertResult(trx, { programmeId, position: await nextPosition(trx, 'result', programmeId), type: input.type, title: input.title, description: input.description ?? null });
    });
    return this.framework(context, agreementId);
  }

  async createIndicator(context: RequestContext, resultId: string, input: CreateIndicator): Promise<ResultsFramework> {
    const agreement = await this.agreementOf(context, 'result', resultId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    const problems = await this.indicatorProblems(input, agreement);
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    const quantitative = input.type === 'quantitative';
    await inActorTransaction(this.database.db, context, async (trx) => {
      await insertIndicator(trx, resultId, await nextPosition(trx, 'result_indicator', resultId), {
        title: input.title,
        description: input.description ?? null,
        type: input.type,
        measure: quantitative ? input.measure : 'unit',
        unit: quantitative && input.measure === 'unit' ? (input.unit ?? null) : input.measure === 'percentage' ? '%' : null,
        cumulative: quantitative && input.measure === 'unit' ? input.cumulative : false,
        ascending: input.ascending,
        targetKind: input.targetKind,
        baselineYear: input.baselineYear ?? null,
        baselineValue: input.baselineValue ?? null,
        baselineNumerator: input.baselineNumerator ?? null,
        baselineDenominator: input.baselineDenominator ?? null,
        baselineComment: input.baselineComment ?? null,
        catalogueIndicatorCode: input.catalogueIndicatorCode ?? null,
        areaCode: input.areaCode ?? null,
      });
    });
    return this.framework(context, agreement.id);
  }

  async periods(context: RequestContext, indicatorId: string): Promise<ResultPeriod[]> {
    await this.agreementOf(context, 'indicator', indicatorId);
    const indicator = await findIndicator(this.database.db, indicatorId);
    return (await listPeriods(this.database.db, { indicatorId })).map((row) => toPeriod(row, indicator?.ascending ?? true));
  }

  async createPeriod(context: RequestContext, indicatorId: string, input: CreatePeriod): Promise<ResultPeriod> {
    const agreement = await this.agreementOf(context, 'indicator', indicatorId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    if (input.periodEnd < input.periodStart) throw new InvalidRequestError(`periodEnd: ${input.periodEnd} is before periodStart ${input.periodStart}`);
    const existing = await listPeriods(this.database.db, { indicatorId });
    const overlap = existing.find((period) => period.periodStart <= input.periodEnd && input.periodStart <= period.periodEnd);
    if (overlap) throw new ConflictError(`periodStart: ${input.periodStart} – ${input.periodEnd} overlaps the period ${overlap.periodStart} – ${overlap.periodEnd} of this indicator`);
    const id = await inActorTransaction(this.database.db, context, (trx) =>
      insertPeriod(trx, { indicatorId, periodStart: input.periodStart, periodEnd: input.periodEnd, targetValue: input.targetValue ?? null, targetComment: input.targetComment ?? null }),
    );
    return this.period(id);
  }

  /** Changes a period's target or locks/unlocks it (a locked period takes no update or workflow step). */
  async patchPeriod(context: RequestContext, periodId: string, input: PatchPeriod): Promise<ResultPeriod> {
    const agreement = await this.agreementOf(context, 'period', periodId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    await inActorTransaction(this.database.db, context, (trx) => updatePeriod(trx, periodId, input));
    return this.period(periodId);
  }

  /** The agreement a framework item belongs to, as the caller may read it; 404 when unknown. */
  async agreementOf(context: RequestContext, kind: 'result' | 'indicator' | 'period' | 'update', id: string): Promise<AgreementFacts> {
    const agreementId = await agreementOf(this.database.db, kind, id);
    if (!agreementId) throw new NotFoundError(`No ${kind === 'update' ? 'result update' : kind === 'period' ? 'result period' : kind === 'indicator' ? 'result indicator' : 'result'} has the id ${id}`);
    return this.programmes.agreements.facts(context, agreementId);
  }

  async period(periodId: string): Promise<ResultPeriod> {
    const [row] = await listPeriods(this.database.db, { periodId });
    if (!row) throw new NotFoundError(`No result period has the id ${periodId}`);
    const indicator = await findIndicator(this.database.db, row.indicatorId);
    return toPeriod(row, indicator?.ascending ?? true);
  }

  periodsForReminders(agreementIds: readonly string[]) {
    return periodsForReminders(this.database.db, agreementIds);
  }

  private async indicatorProblems(input: CreateIndicator, agreement: AgreementFacts): Promise<string[]> {
    const problems: string[] = [];
    const percentage = input.type === 'quantitative' && input.measure === 'percentage';
    if (input.type === 'qualitative' && (input.baselineValue != null || input.baselineNumerator != null)) problems.push('baselineValue: a qualitative indicator has a narrative baseline (baselineComment), not a number');
    if (percentage && input.baselineValue != null) problems.push('baselineValue: a percentage baseline is given as baselineNumerator and baselineDenominator');
    if (!percentage && (input.baselineNumerator != null || input.baselineDenominator != null)) problems.push('baselineNumerator: only a percentage indicator takes a numerator and denominator');
    if (percentage && (input.baselineNumerator == null) !== (input.baselineDenominator == null)) problems.push('baselineDenominator: give both baselineNumerator and baselineDenominator');
    if (input.catalogueIndicatorCode) {
      const known = await this.indicators.listByCodes([input.catalogueIndicatorCode]);
      if (known.length === 0) problems.push(`catalogueIndicatorCode: no indicator of the national catalogue has the code ${input.catalogueIndicatorCode}`);
    }
    if (input.areaCode) {
      const area = await this.areas.getArea(input.areaCode).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (!area) problems.push(`areaCode: no area has the code ${input.areaCode}`);
      else if (!partyAreas(agreement).some((party) => isWithinArea(party, area.code))) {
        problems.push(`areaCode: ${input.areaCode} is not in the area of a party to this agreement (${partyAreas(agreement).join(', ') || 'none'})`);
      }
    }
    return problems;
  }
}

export function toPeriod(row: PeriodRow, ascending: boolean): ResultPeriod {
  return { ...row, targetReached: targetReached(row.actual.value, row.targetValue, ascending) };
}

function toFramework(agreementId: string, data: FrameworkData): ResultsFramework {
  return {
    agreementId,
    items: data.results.map((result) => ({
      id: result.id,
      agreementId,
      type: result.type,
      title: result.title,
      description: result.description,
      indicators: data.indicators
        .filter((indicator) => indicator.resultId === result.id)
        .map((indicator) => ({
          ...indicator,
          periods: data.periods.filter((period) => period.indicatorId === indicator.id).map((period) => toPeriod(period, indicator.ascending)),
        })),
    })),
  };
}
