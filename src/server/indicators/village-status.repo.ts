import { sql, type Kysely } from 'kysely';
import { rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { ownCellsOf } from './own-cells.repo.ts';

/** Villages per statement: keeps IN lists of a national import reasonable. */
const CHUNK = 1_000;

export interface VillageCell {
  indicatorCode: string;
  areaCode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusCounts: Record<string, number> | null;
  /** Some of the cell comes from example (demo) data. */
  example: boolean;
}

/**
 * The villages' own cells of the given indicators and periods (own-cells.repo.ts): each the
 * preferred source of the period, or its finer periods combined over time.
 */
export async function villageCells(db: Kysely<Schema>, indicatorCodes: readonly string[], villages: readonly string[], periods: readonly string[]): Promise<VillageCell[]> {
  const cells = await ownCellsOf(db, { indicatorCodes, areaCodes: villages, periods });
  return cells.map(({ indicatorCode, areaCode, period, value, numerator, denominator, statusCounts, exampleReporting }) => ({
    indicatorCode,
    areaCode,
    period,
    value,
    numerator,
    denominator,
    statusCounts,
    example: exampleReporting > 0,
  }));
}

export interface DerivedObservation {
  indicatorCode: string;
  areaCode: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  /** Derived from inputs that include example (demo) data: example data too. */
  fromExample: boolean;
}

/** The stored `derived` observations of the given indicators, villages and periods. */
export async function derivedObservations(db: Kysely<Schema>, indicatorCodes: readonly string[], villages: readonly string[], periods: readonly string[]): Promise<DerivedObservation[]> {
  const found: DerivedObservation[] = [];
  for (const part of chunks(villages)) {
    const rows = await db
      .selectFrom('observation')
      .select(['indicator_code', 'area_code', 'period', 'numerator', 'denominator', 'status_value', 'from_example'])
      .where('province_code', 'in', provincesOf(part))
      .where('indicator_code', 'in', indicatorCodes)
      .where('area_code', 'in', part)
      .where('period', 'in', periods)
      .where('source_kind', '=', 'derived')
      .execute();
    for (const row of rows) {
      found.push({ indicatorCode: row.indicator_code, areaCode: row.area_code, period: row.period, numerator: num(row.numerator), denominator: num(row.denominator), statusValue: row.status_value, fromExample: row.from_example });
    }
  }
  return found;
}

/** Stores derived observations (source kind `derived`, no user), replacing earlier ones. */
export async function upsertDerivedObservations(db: Kysely<Schema>, rows: readonly DerivedObservation[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('observation')
      .values(
        rows.slice(start, start + CHUNK).map((row) => ({
          province_code: row.areaCode.slice(0, 2),
          indicator_code: row.indicatorCode,
          area_code: row.areaCode,
          period: row.period,
          source_kind: 'derived' as const,
          value: null,
          numerator: row.numerator,
          denominator: row.denominator,
          status_value: row.statusValue,
          from_example: row.fromExample,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['province_code', 'indicator_code', 'area_code', 'period', 'source_kind']).doUpdateSet((eb) => ({
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          status_value: eb.ref('excluded.status_value'),
          from_example: eb.ref('excluded.from_example'),
          updated_at: new Date(),
        })),
      )
      .execute();
  }
}

/** Removes derived observations whose status became unknown. */
export async function deleteDerivedObservations(db: Kysely<Schema>, keys: ReadonlyArray<Pick<DerivedObservation, 'indicatorCode' | 'areaCode' | 'period'>>): Promise<void> {
  for (const key of keys) {
    await db
      .deleteFrom('observation')
      .where('province_code', '=', key.areaCode.slice(0, 2))
      .where('indicator_code', '=', key.indicatorCode)
      .where('area_code', '=', key.areaCode)
      .where('period', '=', key.period)
      .where('source_kind', '=', 'derived')
      .execute();
  }
}

/**
 * Every (village, period) with a status input or a stored derived value: what a full re-derivation
 * visits (a village's code is its 13-character, level-4 form). Inputs count in their own period
 * and every coarser one it rolls into, as their own cells do.
 */
export async function villagePeriodsToDerive(db: Kysely<Schema>, inputCodes: readonly string[], derivedCodes: readonly string[]): Promise<Array<{ areaCode: string; period: string }>> {
  const { rows } = await sql<{ area_code: string; period: string; derived: boolean }>`
    SELECT DISTINCT area_code, period, false AS derived FROM observation
     WHERE indicator_code IN (${sql.join(inputCodes)}) AND length(area_code) = 13 AND status <> 'draft'
    UNION
    SELECT area_code, period, true FROM observation
     WHERE indicator_code IN (${sql.join(derivedCodes)}) AND source_kind = 'derived'`.execute(db);
  const unique = new Map<string, { areaCode: string; period: string }>();
  for (const row of rows) {
    for (const period of row.derived ? [row.period] : [row.period, ...rollupTargets(row.period)]) unique.set(`${row.area_code}|${period}`, { areaCode: row.area_code, period });
  }
  return [...unique.values()].sort((a, b) => (a.areaCode === b.areaCode ? (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) : a.areaCode < b.areaCode ? -1 : 1));
}

function* chunks(values: readonly string[]): Generator<string[]> {
  for (let start = 0; start < values.length; start += CHUNK) yield values.slice(start, start + CHUNK);
}

function provincesOf(areaCodes: readonly string[]): string[] {
  return [...new Set(areaCodes.map((code) => code.slice(0, 2)))];
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}
