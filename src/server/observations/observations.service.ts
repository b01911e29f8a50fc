import { isAreaCode, type AreaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { ObservationEntry, ObservationSheet, SaveObservations } from '../../common/api/observations.ts';
import { isPeriodCode } from '../../common/period.ts';
import { isDerivedIndicator } from '../../common/village-status.ts';
import type { AreasService } from '../areas/areas.service.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import { deleteObservations, findAreaLevel, listObservations, upsertObservations, type ObservationWrite } from './observations.repo.ts';

/** The area level each collection level is entered at (household data comes in through imports). */
const LEVEL_OF: Partial<Record<Indicator['collectionLevel'], AreaLevel>> = { province: 1, regency: 2, district: 3, village: 4 };

/** Entering and reading observations: one area, one period, many indicators at a time (the data-entry form). */
export class ObservationsService {
  constructor(
    private readonly database: Database,
    private readonly areas: AreasService,
    private readonly indicators: IndicatorsService,
  ) {}

  async sheet(areaCode: string, period: string): Promise<ObservationSheet> {
    assertPeriod(period);
    await this.areas.getArea(areaCode);
    return { areaCode, period, items: await listObservations(this.database.db, areaCode, period) };
  }

  /**
   * Saves the form for one area and period: every entry is checked first (all problems reported
   * together, each naming the entry and field), then all are written in one audited transaction.
   * An entry with no value clears that cell.
   */
  async save(context: RequestContext, input: SaveObservations): Promise<ObservationSheet> {
    assertPeriod(input.period);
    // The area and the catalogue entries are read side by side (two connections on PostgreSQL).
    const [area, indicators] = await Promise.all([this.targetArea(input.areaCode), this.indicators.listByCodes(input.values.map((entry) => entry.indicatorCode))]);
    authorize(context.actor, 'observations.write', { areaCode: area.code });
    const known = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    const problems: string[] = [];
    const seen = new Set<string>();
    const writes = input.values.map((entry, index) => {
      const where = `values[${index}] (${entry.indicatorCode})`;
      const indicator = known.get(entry.indicatorCode);
      if (!indicator) return void problems.push(`${where}: no indicator has this code`);
      if (seen.has(entry.indicatorCode)) problems.push(`${where}: this indicator appears twice`);
      seen.add(entry.indicatorCode);
      if (LEVEL_OF[indicator.collectionLevel] !== area.level) {
        problems.push(`${where}: collected at ${indicator.collectionLevel} level; ${area.code} is a ${area.kind}`);
      }
      const problem = checkEntry(indicator, entry);
      if (problem) problems.push(`${where}: ${problem}`);
      return toWrite(entry, input, context);
    });
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    const cells = writes.filter((write): write is ObservationWrite => write !== undefined);
    await inActorTransaction(this.database.db, context, async (trx) => {
      await deleteObservations(trx, cells.filter(isEmpty));
      await upsertObservations(trx, cells.filter((write) => !isEmpty(write)));
      // Live rollups: every ancestor and coarser period is current when this transaction commits.
      await this.indicators.rollUp(trx, known, cells);
    });
    // The area is known to exist: the sheet is the stored values alone.
    return { areaCode: area.code, period: input.period, items: await listObservations(this.database.db, area.code, input.period) };
  }

  /** The area written to: its level and kind, in one lookup (a write needs no more of it). */
  private async targetArea(code: string): Promise<{ code: string; level: number; kind: string }> {
    const area = isAreaCode(code) ? await findAreaLevel(this.database.db, code) : undefined;
    if (area) return area;
    // A malformed or unknown code: the areas service says which.
    await this.areas.getArea(code).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new InvalidRequestError(`areaCode: no area has the code ${code}`) : error;
    });
    throw new InvalidRequestError(`areaCode: no area has the code ${code}`);
  }
}

/** The field problem of an entry for this indicator's measure, or null when it is fine. */
export function checkEntry(indicator: Indicator, entry: ObservationEntry): string | null {
  const hasValue = entry.value !== undefined && entry.value !== null;
  const hasNumerator = entry.numerator !== undefined && entry.numerator !== null;
  const hasDenominator = entry.denominator !== undefined && entry.denominator !== null;
  const hasStatus = entry.statusValue !== undefined && entry.statusValue !== null && entry.statusValue !== '';
  if (isDerivedIndicator(indicator.code)) return 'derived by rule from the SBS status, KK counts and pillar 2–5 shares; enter those instead';
  if (!hasValue && !hasNumerator && !hasDenominator && !hasStatus) return null; // clears the cell
  switch (indicator.measure) {
    case 'ratio':
      if (hasValue || hasStatus) return 'this is a ratio: give numerator and denominator, not value or statusValue';
      if (hasNumerator !== hasDenominator) return `give both numerator (${indicator.numerator}) and denominator (${indicator.denominator})`;
      if (indicator.proportion !== false && (entry.numerator ?? 0) > (entry.denominator ?? 0)) {
        return `numerator ${entry.numerator} is more than denominator ${entry.denominator}`;
      }
      return null;
    case 'value':
      if (!hasValue || hasNumerator || hasDenominator || hasStatus) return `give value only (${indicator.unit})`;
      if ((entry.value ?? 0) < 0) return 'value must not be negative';
      return null;
    case 'status':
      if (!hasStatus || hasValue || hasNumerator || hasDenominator) return 'give statusValue only';
      return indicator.statusValues?.includes(entry.statusValue ?? '') ? null : `statusValue must be one of ${indicator.statusValues?.join(', ')}`;
  }
}

function toWrite(entry: ObservationEntry, input: SaveObservations, context: RequestContext): ObservationWrite {
  return {
    indicatorCode: entry.indicatorCode,
    areaCode: input.areaCode,
    period: input.period,
    sourceKind: input.sourceKind,
    value: entry.value ?? null,
    numerator: entry.numerator ?? null,
    denominator: entry.denominator ?? null,
    statusValue: entry.statusValue || null,
    comment: entry.comment ?? null,
    userId: context.actor.kind === 'user' ? context.actor.userId : null,
  };
}

function isEmpty(write: ObservationWrite): boolean {
  return write.value === null && write.numerator === null && write.denominator === null && write.statusValue === null;
}

function assertPeriod(period: string): void {
  if (!isPeriodCode(period)) throw new InvalidRequestError(`period: "${period}" is not a period; use 2021, 2021S2, 2021Q3, 202110, 2021W43 or 20211026`);
}
