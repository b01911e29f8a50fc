import { sql, type Kysely } from 'kysely';
import type { AreaLevel } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';
import { NATION, provinceOf } from './indicator-values.repo.ts';

/**
 * The reporting rollup cells of every (area, indicator, period) combination asked for, in ONE
 * statement: each list becomes an IN over its primary-key column, so the database reads the cells
 * by primary key (province, indicator, area, period) instead of one query per indicator and period.
 */
export function tableCells(db: Kysely<Schema>, query: { areaCodes: readonly string[]; indicatorCodes: readonly string[]; periods: readonly string[] }) {
  if (query.areaCodes.length === 0 || query.indicatorCodes.length === 0 || query.periods.length === 0) return Promise.resolve([]);
  const provinces = [...new Set(query.areaCodes.map(provinceOf))];
  return db
    .selectFrom('indicator_value')
    .selectAll()
    .where('province_code', 'in', provinces)
    .where('indicator_code', 'in', [...query.indicatorCodes])
    .where('area_code', 'in', [...query.areaCodes])
    .where('period', 'in', [...query.periods])
    .where('reporting', '>', 0)
    .execute();
}

export type TableCell = Awaited<ReturnType<typeof tableCells>>[number];

/**
 * How many live areas of each level lie in each given area (itself included; all of Indonesia for
 * the nation): the `expected` of coverage. One statement for every area on cold start, each area's
 * counts read by code range; then remembered per database until the area release changes (every
 * areas import rewrites area_source.applied_at), as countUnits does for single reads.
 */
export async function unitCounts(db: Kysely<Schema>, areaCodes: readonly string[], levels: readonly AreaLevel[]): Promise<(areaCode: string, level: AreaLevel) => number> {
  const release = (await db.selectFrom('area_source').select('applied_at').executeTakeFirst())?.applied_at.toISOString() ?? 'none';
  let cache = COUNTS.get(db);
  if (!cache || cache.release !== release) {
    cache = { release, counts: new Map() };
    COUNTS.set(db, cache);
  }
  const known = cache.counts;
  const missing = [...new Set(areaCodes)].filter((code) => levels.some((level) => !known.has(`${code}|${level}`)));
  if (missing.length > 0 && levels.length > 0) {
    const { rows } = await sql<{ code: string; level: number; count: number | string }>`
      SELECT t.code, c.level, c.count
      FROM unnest(${missing}::text[], ${missing.map((code) => rangeOf(code).low)}::text[], ${missing.map((code) => rangeOf(code).high)}::text[]) AS t(code, low, high)
      CROSS JOIN LATERAL (
        SELECT a.level, count(*) AS count FROM area a
        WHERE a.retired_at IS NULL AND a.level = ANY(${[...levels]}::int[])
          AND a.code >= t.low AND a.code < t.high
        GROUP BY a.level) AS c`.execute(db);
    for (const code of missing) for (const level of levels) known.set(`${code}|${level}`, 0);
    for (const row of rows) known.set(`${row.code}|${row.level}`, Number(row.count));
  }
  return (areaCode, level) => known.get(`${areaCode}|${level}`) ?? 0;
}

/** The codes of an area and everything under it: `52.07` up to `52.07/` ('/' sorts right after '.'); every code for the nation. */
function rangeOf(code: string): { low: string; high: string } {
  return code === NATION.areaCode ? { low: '', high: '~' } : { low: code, high: `${code}/` };
}

const COUNTS = new WeakMap<Kysely<Schema>, { release: string; counts: Map<string, number> }>();
