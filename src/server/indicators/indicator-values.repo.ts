import { sql, type Kysely } from 'kysely';
import type { AreaLevel } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';
import type { Aggregate, Cell } from './rollup-arithmetic.ts';

/** The nation's pseudo area and province codes in indicator_value. */
export const NATION = { areaCode: 'ID', provinceCode: '00' } as const;

export interface CellKey {
  indicatorCode: string;
  areaCode: string;
  period: string;
}

export const provinceOf = (areaCode: string): string => (areaCode === NATION.areaCode ? NATION.provinceCode : areaCode.slice(0, 2));

/**
 * Takes the row lock of a rollup cell (creating an empty one first), so concurrent writes under
 * the same ancestor recompute it one after the other, each reading the other's committed children.
 */
export async function lockCell(db: Kysely<Schema>, key: CellKey): Promise<void> {
  // One statement: ON CONFLICT DO UPDATE takes the row lock of an existing cell, the insert that of a new one.
  await sql`
    INSERT INTO indicator_value (province_code, indicator_code, area_code, period, origin)
    VALUES (${provinceOf(key.areaCode)}, ${key.indicatorCode}, ${key.areaCode}, ${key.period}, 'aggregated')
    ON CONFLICT (province_code, indicator_code, area_code, period) DO UPDATE SET reporting = indicator_value.reporting`.execute(db);
}

/** The area's own observations of an indicator in the given years (all periods, all sources). */
export async function observationsInYears(db: Kysely<Schema>, indicatorCode: string, areaCode: string, years: readonly string[]) {
  const rows = await db
    .selectFrom('observation')
    .select(['period', 'source_kind', 'value', 'numerator', 'denominator', 'status_value'])
    .where('province_code', '=', areaCode.slice(0, 2))
    .where('indicator_code', '=', indicatorCode)
    .where('area_code', '=', areaCode)
    .where('status', '<>', 'draft')
    .where((eb) => eb.or(years.map((year) => eb('period', 'like', `${year}%`))))
    .execute();
  return rows.map((row) => ({
    period: row.period,
    sourceKind: row.source_kind,
    cell: { value: num(row.value), numerator: num(row.numerator), denominator: num(row.denominator), statusValue: row.status_value } satisfies Cell,
  }));
}

/** The rollup cells of an area's children for one indicator and period (provinces for the nation). */
export async function childAggregates(db: Kysely<Schema>, key: CellKey): Promise<Aggregate[]> {
  let query = db
    .selectFrom('indicator_value as v')
    .innerJoin('area as a', 'a.code', 'v.area_code')
    .select(['v.value', 'v.numerator', 'v.denominator', 'v.status_counts', 'v.reporting'])
    .where('v.indicator_code', '=', key.indicatorCode)
    .where('v.period', '=', key.period)
    .where('v.reporting', '>', 0);
  query = key.areaCode === NATION.areaCode ? query.where('a.level', '=', 1) : query.where('v.province_code', '=', key.areaCode.slice(0, 2)).where('a.parent_code', '=', key.areaCode);
  const rows = await query.execute();
  return rows.map((row) => ({ value: num(row.value), numerator: num(row.numerator), denominator: num(row.denominator), statusCounts: row.status_counts, reporting: row.reporting }));
}

export async function writeCell(db: Kysely<Schema>, key: CellKey, aggregate: Aggregate, origin: 'observed' | 'aggregated'): Promise<void> {
  await db
    .updateTable('indicator_value')
    .set({
      value: aggregate.value,
      numerator: aggregate.numerator,
      denominator: aggregate.denominator,
      status_counts: aggregate.statusCounts,
      reporting: aggregate.reporting,
      origin,
      as_of: new Date(),
    })
    .where('province_code', '=', provinceOf(key.areaCode))
    .where('indicator_code', '=', key.indicatorCode)
    .where('area_code', '=', key.areaCode)
    .where('period', '=', key.period)
    .execute();
}

export async function deleteCell(db: Kysely<Schema>, key: CellKey): Promise<void> {
  await db
    .deleteFrom('indicator_value')
    .where('province_code', '=', provinceOf(key.areaCode))
    .where('indicator_code', '=', key.indicatorCode)
    .where('area_code', '=', key.areaCode)
    .where('period', '=', key.period)
    .execute();
}

export async function deleteAllCells(db: Kysely<Schema>): Promise<void> {
  await db.deleteFrom('indicator_value').execute();
}

export function distinctObservedCells(db: Kysely<Schema>): Promise<CellKey[]> {
  return db
    .selectFrom('observation')
    .select(['indicator_code as indicatorCode', 'area_code as areaCode', 'period'])
    .distinct()
    .where('status', '<>', 'draft')
    .execute();
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** Stored rollup cells of one indicator and period for the given areas. */
export function cellsFor(db: Kysely<Schema>, indicatorCode: string, period: string, areaCodes: readonly string[]) {
  if (areaCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_value')
    .selectAll()
    .where('indicator_code', '=', indicatorCode)
    .where('period', '=', period)
    .where('area_code', 'in', areaCodes)
    .where('reporting', '>', 0)
    .execute();
}

/** Every period of one area's cells for an indicator, oldest first by code. */
export function seriesFor(db: Kysely<Schema>, indicatorCode: string, areaCode: string) {
  return db
    .selectFrom('indicator_value')
    .selectAll()
    .where('province_code', '=', provinceOf(areaCode))
    .where('indicator_code', '=', indicatorCode)
    .where('area_code', '=', areaCode)
    .where('reporting', '>', 0)
    .execute();
}

/** How many areas of a level lie in an area (all of Indonesia for the nation). */
export async function countUnits(db: Kysely<Schema>, areaCode: string, level: AreaLevel): Promise<number> {
  let query = db.selectFrom('area').select(sql<number>`count(*)`.as('count')).where('level', '=', level).where('retired_at', 'is', null);
  if (areaCode !== NATION.areaCode) {
    query = query.where((eb) => eb.or([eb('code', '=', areaCode), eb.and([eb('code', '>=', `${areaCode}.`), eb('code', '<', `${areaCode}/`)])]));
  }
  return (await query.executeTakeFirstOrThrow()).count;
}
