import { sql, type Kysely } from 'kysely';
import type { AreaLevel } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';
import type { Aggregate } from './rollup-arithmetic.ts';

/** The nation's pseudo area and province codes in indicator_value. */
export const NATION = { areaCode: 'ID', provinceCode: '00' } as const;

/** One cell as readers get it, stored or computed (numbers already parsed). */
export interface RollupCell {
  indicatorCode: string;
  areaCode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusCounts: Record<string, number> | null;
  reporting: number;
  exampleReporting: number;
  origin: 'observed' | 'aggregated';
  asOf: Date;
}

export interface CellKey {
  indicatorCode: string;
  areaCode: string;
  period: string;
}

export const provinceOf = (areaCode: string): string => (areaCode === NATION.areaCode ? NATION.provinceCode : areaCode.slice(0, 2));

/** Rows per statement when a write touches many cells (an import of thousands of villages). */
const CHUNK = 5_000;

/**
 * Takes the row locks of rollup cells (creating empty ones first), in the order given, so that
 * concurrent writes under the same ancestor recompute it one after the other, each reading the
 * other's committed children. Callers pass one global order (deepest first, then by code), so two
 * writers never wait for each other crosswise. ON CONFLICT DO UPDATE locks an existing row.
 */
export async function lockCells(db: Kysely<Schema>, keys: readonly CellKey[]): Promise<void> {
  for (const part of chunks(keys)) {
    await sql`
      INSERT INTO indicator_value (province_code, indicator_code, area_code, period, origin)
      SELECT k.province_code, k.indicator_code, k.area_code, k.period, 'aggregated'
      FROM unnest(${part.map((key) => provinceOf(key.areaCode))}::text[], ${part.map((key) => key.indicatorCode)}::text[],
                  ${part.map((key) => key.areaCode)}::text[], ${part.map((key) => key.period)}::text[])
           WITH ORDINALITY AS k(province_code, indicator_code, area_code, period, position)
      ORDER BY k.position
      ON CONFLICT (province_code, indicator_code, area_code, period) DO UPDATE SET reporting = indicator_value.reporting`.execute(db);
  }
}

/**
 * Stores recomputed cells (already locked by lockCells): one statement per chunk that updates the
 * cells with data and deletes those left empty (reporting 0).
 */
export async function writeCells(db: Kysely<Schema>, cells: ReadonlyArray<{ key: CellKey; aggregate: Aggregate; origin: 'observed' | 'aggregated' }>): Promise<void> {
  for (const part of chunks(cells)) {
    const column = <T>(pick: (cell: (typeof part)[number]) => T) => part.map(pick);
    await sql`
      WITH input AS (
        SELECT * FROM unnest(${column((c) => provinceOf(c.key.areaCode))}::text[], ${column((c) => c.key.indicatorCode)}::text[], ${column((c) => c.key.areaCode)}::text[],
                             ${column((c) => c.key.period)}::text[], ${column((c) => text(c.aggregate.value))}::numeric[], ${column((c) => text(c.aggregate.numerator))}::numeric[],
                             ${column((c) => text(c.aggregate.denominator))}::numeric[], ${column((c) => (c.aggregate.statusCounts ? JSON.stringify(c.aggregate.statusCounts) : null))}::jsonb[],
                             ${column((c) => c.aggregate.reporting)}::int[], ${column((c) => c.aggregate.exampleReporting)}::int[], ${column((c) => c.origin)}::text[])
          AS i(province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin)
      ), emptied AS (
        DELETE FROM indicator_value v USING input i
        WHERE i.reporting = 0 AND v.province_code = i.province_code AND v.indicator_code = i.indicator_code AND v.area_code = i.area_code AND v.period = i.period
      )
      UPDATE indicator_value v
      SET value = i.value, numerator = i.numerator, denominator = i.denominator, status_counts = i.status_counts, reporting = i.reporting,
          example_reporting = i.example_reporting, origin = i.origin, as_of = now()
      FROM input i
      WHERE i.reporting > 0 AND v.province_code = i.province_code AND v.indicator_code = i.indicator_code AND v.area_code = i.area_code AND v.period = i.period`.execute(db);
  }
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

/** A number as numeric text: exact for integers, shortest round-trip form for fractions. */
function text(value: number | null): string | null {
  return value === null ? null : String(value);
}

/**
 * How many areas of a level lie in an area (all of Indonesia for the nation): the denominator of
 * coverage, read on every value request. Counting the nation's 83,762 villages costs more than the
 * rest of a national read, so counts are remembered per database until the area release changes
 * (every areas import rewrites area_source.applied_at in the same transaction).
 */
export async function countUnits(db: Kysely<Schema>, areaCode: string, level: AreaLevel): Promise<number> {
  const release = (await db.selectFrom('area_source').select('applied_at').executeTakeFirst())?.applied_at.toISOString() ?? 'none';
  let cache = UNIT_COUNTS.get(db);
  if (!cache || cache.release !== release) {
    cache = { release, counts: new Map() };
    UNIT_COUNTS.set(db, cache);
  }
  const key = `${areaCode}|${level}`;
  const known = cache.counts.get(key);
  if (known !== undefined) return known;
  let query = db.selectFrom('area').select(sql<number>`count(*)`.as('count')).where('level', '=', level).where('retired_at', 'is', null);
  if (areaCode !== NATION.areaCode) {
    query = query.where((eb) => eb.or([eb('code', '=', areaCode), eb.and([eb('code', '>=', `${areaCode}.`), eb('code', '<', `${areaCode}/`)])]));
  }
  const count = (await query.executeTakeFirstOrThrow()).count;
  cache.counts.set(key, count);
  return count;
}

const UNIT_COUNTS = new WeakMap<Kysely<Schema>, { release: string; counts: Map<string, number> }>();
