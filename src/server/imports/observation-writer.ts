import type { Kysely } from 'kysely';
import type { Indicator } from '../../common/api/indicators.ts';
import type { ImportError, ImportSummary } from '../../common/api/imports.ts';
import { isPeriodCode } from '../../common/period.ts';
import { setActor } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize, isWithinArea } from '../auth/policies.ts';
import type { CopyIn, Database } from '../db/connect.ts';
import type { Schema, SourceKind } from '../db/schema.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import { checkEntry } from '../observations/observations.service.ts';
import { countExistingCells, findAreaFacts, writeObservationsInBulk, type StagedObservation } from './observation-writer.repo.ts';

/**
 * The one way imports write observations (every format, including the DHIS2 ones): rows are
 * checked all together — each problem named by the row and column it came from — and only when
 * none has a problem are they written, in one transaction with the live rollups. A dry run
 * checks and counts but writes nothing.
 */

/** One observation cell taken from a file. `row` and `column` say where it came from, for the error report. */
export interface ObservationRow {
  /** The row number the user sees in the file (a spreadsheet's row number, a CSV's line). */
  row: number;
  /** The column (header) the value came from. */
  column: string;
  /** The column the area code came from (named in area and scope errors); default `column`. */
  areaColumn?: string;
  indicatorCode: string;
  areaCode: string;
  period: string;
  sourceKind: SourceKind;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  comment?: string | null;
  /** Clear this cell instead of storing a value (DHIS2 importStrategy=DELETE). */
  remove?: boolean;
}

export interface WriteOptions {
  dryRun: boolean;
  /**
   * The area the file is for (the import job's area): every row must lie in it, on top of the
   * caller's own area scope. Null: only the caller's scope applies.
   */
  areaScope?: string | null;
  /** Called as rows are checked, with rows done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export type WriteOutcome = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportError[]; summary: ImportSummary };

/** The area level observations of each collection level are entered at (household data arrives per village). */
const LEVEL_OF: Record<Indicator['collectionLevel'], number | null> = { household: 4, village: 4, district: 3, regency: 2, province: 1, national: null };

export class ObservationWriter {
  constructor(
    private readonly database: Database,
    private readonly indicators: IndicatorsService,
  ) {}

  /**
   * Checks every row: the indicator exists and is collected at the area's level, the area exists
   * and is current, it lies within the caller's area (and `areaScope`), the period is a period,
   * the numbers fit the indicator's measure, and no cell appears twice. Returns every problem.
   */
  async check(context: RequestContext, rows: readonly ObservationRow[], options: Pick<WriteOptions, 'areaScope' | 'onProgress'> = {}): Promise<ImportError[]> {
    authorize(context.actor, 'observations.write');
    const indicators = await this.indicatorMap(rows);
    const areas = await findAreaFacts(this.database.db, rows.map((row) => row.areaCode));
    const errors: ImportError[] = [];
    const firstRowOfCell = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      const problem = problemOf(context, row, indicators.get(row.indicatorCode), areas.get(row.areaCode), options.areaScope ?? null);
      if (problem) errors.push({ row: row.row, column: problem.column ?? row.column, message: problem.message });
      const key = `${row.indicatorCode}|${row.areaCode}|${row.period}|${row.sourceKind}`;
      const first = firstRowOfCell.get(key);
      if (first !== undefined) {
        errors.push({ row: row.row, column: row.column, message: `${row.indicatorCode} for ${row.areaCode} in ${row.period} already comes from row ${first}: give each cell once` });
      } else firstRowOfCell.set(key, row.row);
      if (index % 1_000 === 999) options.onProgress?.(index + 1, rows.length);
    }
    options.onProgress?.(rows.length, rows.length);
    return errors;
  }

  /** Checks, then (unless a dry run or any row has a problem) writes every row in one transaction. */
  async write(context: RequestContext, rows: readonly ObservationRow[], options: WriteOptions): Promise<WriteOutcome> {
    const errors = await this.check(context, rows, options);
    const base = { rows: rows.length, imported: 0, updated: 0, unchanged: 0, deleted: 0, areas: new Set(rows.map((row) => row.areaCode)).size };
    if (errors.length > 0) return { ok: false, errors, summary: { ...base, ignored: rows.length } };
    if (options.dryRun) return { ok: true, summary: await this.countDry(rows, base) };
    const catalogue = await this.catalogue();
    const summary = await this.database.bulkTransaction(async (trx, copyIn) => {
      await setActor(trx, context);
      return this.writeChecked(trx, copyIn, context, rows, catalogue);
    });
    return { ok: true, summary };
  }

  /** Every indicator by code: load it before opening the bulk transaction and pass it to writeChecked(). */
  async catalogue(): Promise<ReadonlyMap<string, Indicator>> {
    return new Map((await this.indicators.list()).map((indicator) => [indicator.code, indicator]));
  }

  /**
   * Writes rows already checked with `check()` inside the caller's bulk transaction (actor set),
   * then brings every rollup they feed up to date. For formats that write more than observations
   * in the same transaction (household rows). Reads nothing outside `trx` (on PGlite the
   * transaction holds the only session), hence the catalogue comes in from catalogue().
   */
  async writeChecked(trx: Kysely<Schema>, copyIn: CopyIn, context: RequestContext, rows: readonly ObservationRow[], catalogue: ReadonlyMap<string, Indicator>): Promise<ImportSummary> {
    const userId = context.actor.kind === 'user' ? context.actor.userId : null;
    const result = await writeObservationsInBulk(trx, copyIn, rows.map(toStaged), userId);
    if (result.changed.length > 0) await this.indicators.rollUp(trx, catalogue, result.changed);
    const removals = rows.filter((row) => row.remove).length;
    return {
      rows: rows.length,
      imported: result.imported,
      updated: result.updated,
      deleted: result.deleted,
      unchanged: rows.length - removals - result.imported - result.updated,
      // Clearing a cell that holds nothing is no change and nothing to report.
      ignored: 0,
      areas: new Set(rows.map((row) => row.areaCode)).size,
    };
  }

  private async countDry(rows: readonly ObservationRow[], base: Omit<ImportSummary, 'ignored'>): Promise<ImportSummary> {
    const existing = await countExistingCells(this.database.db, rows);
    const removals = rows.filter((row) => row.remove).length;
    // A dry run cannot tell an unchanged cell from an updated one without comparing values; it reports both as updated.
    return { ...base, imported: rows.length - removals - existing, updated: existing, ignored: 0 };
  }

  private async indicatorMap(rows: ReadonlyArray<{ indicatorCode: string }>): Promise<Map<string, Indicator>> {
    const codes = [...new Set(rows.map((row) => row.indicatorCode))];
    return new Map((await this.indicators.listByCodes(codes)).map((indicator) => [indicator.code, indicator]));
  }
}

function problemOf(
  context: RequestContext,
  row: ObservationRow,
  indicator: Indicator | undefined,
  area: { level: number; retired: boolean } | undefined,
  areaScope: string | null,
): { column?: string; message: string } | null {
  if (!indicator) return { message: `no indicator has the code ${row.indicatorCode}` };
  const areaColumn = row.areaColumn ?? row.column;
  if (!area) return { column: areaColumn, message: `no area has the code ${row.areaCode}` };
  if (area.retired) return { column: areaColumn, message: `${row.areaCode} is no longer a current area code` };
  const scope = outOfScope(context, row.areaCode, areaScope);
  if (scope) return { column: areaColumn, message: scope };
  const level = LEVEL_OF[indicator.collectionLevel];
  if (level !== area.level) return { message: `${indicator.code} is collected at ${indicator.collectionLevel} level; ${row.areaCode} is not` };
  if (!isPeriodCode(row.period)) return { message: `"${row.period}" is not a period code` };
  if (row.remove) return null;
  const numbers = [row.value, row.numerator, row.denominator].filter((number) => number !== null);
  if (numbers.some((number) => !Number.isFinite(number))) return { message: 'not a finite number' };
  if (numbers.some((number) => number < 0)) return { message: 'must not be negative' };
  const problem = checkEntry(indicator, row);
  if (problem) return { message: problem };
  if (row.value === null && row.numerator === null && row.denominator === null && row.statusValue === null) return { message: 'no value given' };
  return null;
}

/** Why `areaCode` is outside what this caller may write in this import, or null when it is inside. */
function outOfScope(context: RequestContext, areaCode: string, areaScope: string | null): string | null {
  if (areaScope && !isWithinArea(areaScope, areaCode)) return `${areaCode} is outside the area of this import (${areaScope})`;
  const { actor } = context;
  if (actor.kind !== 'user' || actor.roles.includes('admin')) return null;
  const own = actor.organisation.areaCode;
  return isWithinArea(own, areaCode) ? null : `${areaCode} is outside your organisation's area (${own ?? 'none'}): you may not write it`;
}

function toStaged(row: ObservationRow): StagedObservation {
  return {
    indicatorCode: row.indicatorCode,
    areaCode: row.areaCode,
    period: row.period,
    sourceKind: row.sourceKind,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    statusValue: row.statusValue,
    comment: row.comment ?? null,
    remove: row.remove ?? false,
  };
}
