import { sql, type Kysely } from 'kysely';
import type { AreaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { Schema } from '../db/schema.ts';
import { NATION } from './indicator-values.repo.ts';

/** An area of the grid: the one asked for, or one of its children. */
export interface GridArea {
  code: string;
  name: string;
}

/** What one grid read finds. */
export interface GridRead {
  /** The indicators asked for that exist, in no particular order, with the level they are collected at. */
  indicators: Array<Pick<Indicator, 'code' | 'collectionLevel'>>;
  /** The area asked for; undefined when no area has that code ("Indonesia" for the nation). */
  area: GridArea | undefined;
  /** The rows of the grid: the area's live children in code order (`children`), else the area itself. */
  targets: GridArea[];
  /** area_source.applied_at as ISO text ('none' before any areas import): keys the unit counts below. */
  release: string;
  /** The stored cells with data, flat: CELL.size values per cell (see CELL). */
  cells: CellField[];
}

export type CellField = number | string | null | Record<string, number>;

/**
 * Where each value of a cell lies in GridRead.cells, from the cell's start; CELL.size values per
 * cell. `exampleObserved` is example_reporting × 2 + 1 when the cell is observed (else + 0): one
 * value instead of two, as every value the statement formats costs about as much as reading the cell.
 */
export const CELL = { position: 0, value: 1, numerator: 2, denominator: 3, reporting: 4, exampleObserved: 5, asOf: 6, statusCounts: 7, size: 8 } as const;

/**
 * The grid of a table call in ONE statement: the indicators asked for, the area, its children (or
 * itself), the area release, and the reporting rollup cells of every (target area, indicator,
 * period) combination, the cells as ONE JSON text: a flat array, CELL.size values per cell.
 *
 * Why this shape (measured with bench/table-grid.ts, 5,472 province cells):
 * - One statement: on PGlite every statement has a fixed cost and the reads queue one after the
 *   other, so reading the indicators, the areas and the cells separately cost three of them.
 * - PGlite decodes every returned row and field in JavaScript (≈ 45 µs a row), so the cells come
 *   back aggregated into one value, which JSON.parse reads natively.
 * - Building that value with json_build_array costs more than reading the cells: it looks up the
 *   output function of each of its arguments again for every cell. Plain casts and || are compiled
 *   once per statement. Each cell starts with its position in the grid instead of its three codes,
 *   so the text is about half as long. Every value formatted costs about as much per cell as
 *   reading the cell (≈ 1.2 ms of 5,760 cells on PGlite), hence the combined `exampleObserved`.
 * - Each (target area, indicator) is one primary-key scan over the periods between the first and
 *   last asked for, the list itself checked on the rows found: with `period = ANY(list)` as an
 *   index condition PostgreSQL 15 descends the index once per period. The pairs come from a small
 *   materialized list that also holds where each pair's cells start in the grid, so a cell's
 *   position costs one addition (computing it from three indexes was about 3 ms of 5,760 cells).
 *   OFFSET 0 keeps the per-pair lookup whatever the table statistics say (PGlite has no
 *   autovacuum, so they can be stale). The lookup projects only the columns used: with v.* the
 *   subquery copied every column of every row (about 15% of the statement on PGlite).
 * Per cell (CELL offsets): position, value, numerator, denominator, reporting, exampleObserved,
 * as_of (text in the session's ISO DateStyle, as the drivers read it), status_counts. The numbers
 * are numeric's own text: valid JSON, as no writer stores NaN or infinity (a JSON number cannot
 * be). Returned as parsed, flat: the caller places each cell in its answer by position, without an
 * object per cell.
 */
export async function readGrid(
  db: Kysely<Schema>,
  query: { code: string; children: boolean; indicatorCodes: readonly string[]; periods: readonly string[] },
): Promise<GridRead> {
  const { code, children, indicatorCodes, periods } = query;
  const nation = code === NATION.areaCode;
  const first = periods.reduce((low, period) => (period < low ? period : low));
  const last = periods.reduce((high, period) => (period > high ? period : high));
  const targets = children
    ? sql`SELECT a.code::text AS code, a.name FROM area a WHERE ${nation ? sql`a.level = 1` : sql`a.parent_code = ${code}`} AND a.retired_at IS NULL`
    : nation
      ? sql`SELECT ${NATION.areaCode}::text AS code, 'Indonesia'::text AS name`
      : sql`SELECT a.code::text AS code, a.name FROM area a WHERE a.code = ${code}`;
  const { rows } = await sql<{ indicators: Array<[string, Indicator['collectionLevel']]> | null; name: string | null; release: string | null; targets: Array<[string, string]> | null; cells: string | null }>`
    WITH target AS MATERIALIZED (${targets}),
         series AS MATERIALIZED (
           SELECT t.code AS area_code, CASE WHEN t.code = ${NATION.areaCode} THEN ${NATION.provinceCode} ELSE left(t.code, 2) END AS province_code, i.code AS indicator_code,
                  ((t.area_index - 1) * ${indicatorCodes.length} + i.indicator_index - 1)::int * ${periods.length} - 1 AS before_first
           FROM (SELECT code, row_number() OVER (ORDER BY code) AS area_index FROM target) t
           CROSS JOIN unnest(${[...indicatorCodes]}::text[]) WITH ORDINALITY AS i(code, indicator_index))
    SELECT (SELECT json_agg(json_build_array(i.code, i.collection_level)) FROM indicator i WHERE i.code = ANY(${[...indicatorCodes]}::text[])) AS indicators,
           ${nation ? sql`'Indonesia'` : sql`(SELECT a.name FROM area a WHERE a.code = ${code})`} AS name,
           (SELECT s.applied_at::text FROM area_source s) AS release,
           (SELECT json_agg(json_build_array(code, name) ORDER BY code) FROM target) AS targets,
           (SELECT '[' || string_agg(s.before_first + v.period_index
                                     || ',' || coalesce(v.value::text, 'null') || ',' || coalesce(v.numerator::text, 'null') || ',' || coalesce(v.denominator::text, 'null')
                                     || ',' || v.reporting || ',' || (v.example_reporting * 2 + (v.origin = 'observed')::int)
                                     || ',"' || v.as_of || '",' || coalesce(v.status_counts::text, 'null'), ',') || ']'
            FROM series s
            JOIN LATERAL (SELECT v.value, v.numerator, v.denominator, v.reporting, v.example_reporting, v.origin, v.as_of, v.status_counts,
                                 array_position(${[...periods]}::text[], v.period::text) AS period_index
                          FROM indicator_value v
                          WHERE v.province_code = s.province_code AND v.indicator_code = s.indicator_code AND v.area_code = s.area_code
                            AND v.period >= ${first} AND v.period <= ${last} AND v.reporting > 0 OFFSET 0) AS v ON v.period_index IS NOT NULL) AS cells`.execute(db);
  const row = rows[0];
  const release = row?.release ?? null;
  return {
    indicators: (row?.indicators ?? []).map(([indicatorCode, collectionLevel]) => ({ code: indicatorCode, collectionLevel })),
    area: row?.name == null ? undefined : { code, name: row.name },
    targets: (row?.targets ?? []).map(([targetCode, name]) => ({ code: targetCode, name })),
    release: release === null ? 'none' : new Date(release).toISOString(),
    cells: row?.cells == null ? [] : (JSON.parse(row.cells) as CellField[]),
  };
}

/**
 * How many live areas of each level lie in each given area (itself included; all of Indonesia for
 * the nation): the `expected` of coverage. One statement for every area on cold start, each area's
 * counts read by code range; then remembered per database until the area release changes (every
 * areas import rewrites area_source.applied_at; readGrid and readAreaSeries read it), as countUnits does for single reads.
 */
export async function unitCounts(db: Kysely<Schema>, release: string, areaCodes: readonly string[], levels: readonly AreaLevel[]): Promise<(areaCode: string, level: AreaLevel) => number> {
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
