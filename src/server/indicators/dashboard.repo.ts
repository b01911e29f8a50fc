import { sql, type Kysely } from 'kysely';
import type { AreaLevel } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';
import { NATION, provinceOf, type RollupCell } from './indicator-values.repo.ts';

/** One rollup cell as the table reads it. */
export type TableCell = RollupCell;

/**
 * The reporting rollup cells of every (area, indicator, period) combination asked for, in ONE
 * statement that returns ONE JSON text: a flat array, nine values per cell.
 *
 * Why this shape (measured with bench/table-grid.ts, 5,472 province cells):
 * - PGlite decodes every returned row and field in JavaScript (≈ 45 µs a row), so the cells come
 *   back aggregated into one value, which JSON.parse reads natively.
 * - Building that value with json_build_array costs more than reading the cells: it looks up the
 *   output function of each of its arguments again for every cell. Plain casts and || are compiled
 *   once per statement. Each cell starts with its position in the grid instead of its three codes,
 *   so the text is about half as long.
 * - Each area is one primary-key scan over the asked indicators and the periods between the first
 *   and last asked for, the list itself checked on the rows found: with `period = ANY(list)` as an
 *   index condition PostgreSQL 15 descends the index once per (indicator, period), 144 times per
 *   area for 12 × 12. OFFSET 0 keeps the per-area lookup whatever the table statistics say (PGlite
 *   has no autovacuum, so they can be stale).
 * Per cell: position, value, numerator, denominator, reporting, example_reporting, observed (1|0),
 * as_of (text in the session's ISO DateStyle, as the drivers read it), status_counts. The numbers
 * are numeric's own text: valid JSON, as no writer stores NaN or infinity (a JSON number cannot be).
 */
export async function tableCells(db: Kysely<Schema>, query: { areaCodes: readonly string[]; indicatorCodes: readonly string[]; periods: readonly string[] }): Promise<TableCell[]> {
  const { areaCodes, indicatorCodes, periods } = query;
  if (areaCodes.length === 0 || indicatorCodes.length === 0 || periods.length === 0) return [];
  const first = periods.reduce((low, period) => (period < low ? period : low));
  const last = periods.reduce((high, period) => (period > high ? period : high));
  const { rows } = await sql<{ cells: string | null }>`
    SELECT '[' || string_agg(((t.area_index - 1) * ${indicatorCodes.length} + v.indicator_index - 1) * ${periods.length} + v.period_index - 1
                             || ',' || coalesce(v.value::text, 'null') || ',' || coalesce(v.numerator::text, 'null') || ',' || coalesce(v.denominator::text, 'null')
                             || ',' || v.reporting || ',' || v.example_reporting || ',' || CASE WHEN v.origin = 'observed' THEN '1' ELSE '0' END
                             || ',"' || v.as_of || '",' || coalesce(v.status_counts::text, 'null'), ',') || ']' AS cells
    FROM unnest(${areaCodes.map(provinceOf)}::text[], ${[...areaCodes]}::text[]) WITH ORDINALITY AS t(province_code, area_code, area_index)
    JOIN LATERAL (SELECT v.*, array_position(${[...indicatorCodes]}::text[], v.indicator_code::text) AS indicator_index,
                         array_position(${[...periods]}::text[], v.period::text) AS period_index
                  FROM indicator_value v
                  WHERE v.province_code = t.province_code AND v.area_code = t.area_code AND v.indicator_code = ANY(${[...indicatorCodes]}::text[])
                    AND v.period >= ${first} AND v.period <= ${last} AND v.reporting > 0 OFFSET 0) AS v ON v.period_index IS NOT NULL`.execute(db);
  return parseCells(rows[0]?.cells ?? null, query);
}

type CellField = number | string | null | Record<string, number>;
const CELL_FIELDS = 9;

function parseCells(text: string | null, { areaCodes, indicatorCodes, periods }: { areaCodes: readonly string[]; indicatorCodes: readonly string[]; periods: readonly string[] }): TableCell[] {
  if (text === null) return [];
  const flat = JSON.parse(text) as CellField[];
  const perArea = indicatorCodes.length * periods.length;
  // Most cells of a grid share a few as_of instants (a rebuild, a save and its ancestors): parse each once.
  const instants = new Map<string, Date>();
  const cells: TableCell[] = new Array(flat.length / CELL_FIELDS);
  for (let at = 0, cell = 0; at < flat.length; at += CELL_FIELDS, cell += 1) {
    const position = flat[at] as number;
    const asOfText = flat[at + 7] as string;
    let asOf = instants.get(asOfText);
    if (asOf === undefined) instants.set(asOfText, (asOf = new Date(asOfText)));
    cells[cell] = {
      areaCode: areaCodes[Math.floor(position / perArea)] ?? '',
      indicatorCode: indicatorCodes[Math.floor(position / periods.length) % indicatorCodes.length] ?? '',
      period: periods[position % periods.length] ?? '',
      value: flat[at + 1] as number | null,
      numerator: flat[at + 2] as number | null,
      denominator: flat[at + 3] as number | null,
      reporting: flat[at + 4] as number,
      exampleReporting: flat[at + 5] as number,
      origin: flat[at + 6] === 1 ? 'observed' : 'aggregated',
      asOf,
      statusCounts: flat[at + 8] as Record<string, number> | null,
    };
  }
  return cells;
}

/** An area of the grid: the one asked for, or one of its children. */
export interface GridArea {
  code: string;
  name: string;
}

/**
 * In one statement: the area asked for (undefined when no area has that code; "Indonesia" for the
 * nation), its live children in code order when `children`, and the area release (area_source
 * applied_at, rewritten by every areas import) that keys the unit counts below.
 */
export async function gridAreas(db: Kysely<Schema>, code: string, children: boolean): Promise<{ area: GridArea | undefined; children: GridArea[]; release: string }> {
  const nation = code === NATION.areaCode;
  const { rows } = await sql<{ release: Date | null; name: string | null; children: Array<[string, string]> | null }>`
    SELECT (SELECT applied_at FROM area_source) AS release,
           ${nation ? sql`'Indonesia'` : sql`(SELECT name FROM area WHERE code = ${code})`} AS name,
           ${children ? sql`(SELECT json_agg(json_build_array(a.code, a.name) ORDER BY a.code) FROM area a
                             WHERE ${nation ? sql`a.level = 1` : sql`a.parent_code = ${code}`} AND a.retired_at IS NULL)` : sql`NULL::json`} AS children`.execute(db);
  const row = rows[0];
  return {
    area: row?.name == null ? undefined : { code, name: row.name },
    children: (row?.children ?? []).map(([childCode, name]) => ({ code: childCode, name })),
    release: row?.release?.toISOString() ?? 'none',
  };
}

/**
 * How many live areas of each level lie in each given area (itself included; all of Indonesia for
 * the nation): the `expected` of coverage. One statement for every area on cold start, each area's
 * counts read by code range; then remembered per database until the area release changes (every
 * areas import rewrites area_source.applied_at; gridAreas reads it), as countUnits does for single reads.
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
