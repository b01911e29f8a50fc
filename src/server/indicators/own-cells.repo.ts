import { sql, type Kysely, type RawBuilder } from 'kysely';
import { parsePeriod, PERIOD_TYPES, rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import type { RollupCell } from './indicator-values.repo.ts';
import { SOURCE_PRECEDENCE } from './rollup-arithmetic.ts';

/**
 * An area's own cells, at the indicator's collection level (a village for village indicators, a
 * kecamatan for kecamatan flows): the preferred source of the exact period, else its finer periods
 * combined over time, exactly as rollup-arithmetic.ts `ownCell` says. They are not stored (ADR
 * 0005: at national scale they would be 57 M rows, more than the observations themselves); every
 * reader computes them here, from the observations, for the areas and periods it shows, and the
 * rollups above them are stored. The same SQL builds the rebuild's cells (rollup-rebuild.repo.ts).
 */

/** One own cell as readers get it: the shape of a stored rollup cell, `reporting` 1, `asOf` when the newest observation behind it was written. */
export type OwnCell = RollupCell & { origin: 'observed' };

/** A row of a period map: an observed period and one period it counts in (itself or a coarser one). */
export interface PeriodMapRow {
  period: string;
  target: string;
  /** 0 daily … 5 yearly, the position in PERIOD_TYPES, of the observed period and of the target. */
  periodType: number;
  targetType: number;
  /** First day as YYYYMMDD: later periods win for stocks. */
  start: number;
}

/** Areas per statement: keeps the IN lists of a national page or import bounded. */
const CHUNK = 2_000;

/**
 * The own cells of the given indicators and areas (all at their collection level) for the given
 * periods, computed from the non-draft observations in one statement per chunk of areas (after one
 * that lists the periods holding data, unless the caller passes them as `observed`); cells
 * without data are absent. The result comes back as one JSON value: PGlite decodes every returned
 * row in JavaScript, JSON.parse reads thousands of cells in a few milliseconds.
 */
export async function ownCellsOf(
  db: Kysely<Schema>,
  query: { indicatorCodes: readonly string[]; areaCodes: readonly string[]; periods: readonly string[]; observed?: readonly string[] },
): Promise<OwnCell[]> {
  if (query.indicatorCodes.length === 0 || query.areaCodes.length === 0 || query.periods.length === 0) return [];
  const years = [...new Set(query.periods.flatMap((period) => yearsOf(period)))];
  const found: OwnCell[] = [];
  for (let start = 0; start < query.areaCodes.length; start += CHUNK) {
    const areas = query.areaCodes.slice(start, start + CHUNK);
    const scope = sql`o.province_code = ANY(${[...new Set(areas.map((code) => code.slice(0, 2)))]}::text[]) AND o.indicator_code = ANY(${[...query.indicatorCodes]}::text[])
        AND o.area_code = ANY(${areas}::text[]) AND left(o.period, 4) = ANY(${years}::text[]) AND o.status <> 'draft'`;
    // The map pairs only the periods that hold data with the targets asked for (a list of every
    // day and week of a year would make the index try each of them).
    const observed = query.observed ?? (await sql<{ period: string }>`SELECT DISTINCT o.period FROM observation o WHERE ${scope}`.execute(db)).rows.map((row) => row.period);
    const map = periodMapFor(observed, query.periods);
    if (map.length === 0) continue;
    const cells = ownCellsSql(sql`SELECT o.* FROM observation o WHERE ${scope}`, periodMapValues(map));
    const { rows } = await sql<{ cells: string }>`
      SELECT coalesce(json_agg(json_build_array(x.indicator_code, x.area_code, x.period, ${ownCellColumns(sql`x`)}, x.as_of)), '[]')::text AS cells
      FROM (${cells}) x JOIN indicator i ON i.code = x.indicator_code`.execute(db);
    const tuples: OwnTuple[] = JSON.parse(rows[0]?.cells ?? '[]');
    for (const [indicatorCode, areaCode, period, value, numerator, denominator, statusCounts, , exampleReporting, asOf] of tuples) {
      found.push({
        indicatorCode,
        areaCode,
        period,
        value: num(value),
        numerator: num(numerator),
        denominator: num(denominator),
        statusCounts,
        reporting: 1,
        exampleReporting,
        origin: 'observed',
        asOf: new Date(asOf),
      });
    }
  }
  return found;
}

/**
 * The periods with data of one area at its collection level (observed periods and every coarser
 * one they roll into), for the series and for "the latest period" of an area.
 */
export async function observedPeriodsOf(db: Kysely<Schema>, indicatorCode: string, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('observation')
    .select('period')
    .distinct()
    .where('province_code', '=', areaCode.slice(0, 2))
    .where('indicator_code', '=', indicatorCode)
    .where('area_code', '=', areaCode)
    .where('status', '<>', 'draft')
    .execute();
  return rows.map((row) => row.period);
}

/**
 * Rows (province_code, indicator_code, area_code, period, v, n, d, s, e, as_of): the own cells of the
 * given observations (any row source with observation's columns) for the targets of a period map
 * (rows of period, target, period_type, target_type, start). Stocks ('last' over time): the exact
 * period's preferred source, else the latest contained period (coarsest on the same first day),
 * preferred source first, picked by one max() over a fixed-width text key in a hash aggregate.
 * Flows ('sum'): the exact period's preferred source, else the sum over the finest kind of
 * contained period, each its preferred source. `e` is 1 when the cell holds example data.
 */
export function ownCellsSql(observations: RawBuilder<unknown>, periodMap: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    WITH o AS (SELECT o.*, i.time_aggregation FROM (${observations}) o JOIN indicator i ON i.code = o.indicator_code),
         m AS (${periodMap}),
         stock AS (
           SELECT o.province_code, o.indicator_code, o.area_code, m.target AS period, max(o.updated_at) AS as_of,
                  max((CASE WHEN m.period = m.target THEN '1' ELSE '0' END) || m.start::text || m.period_type::text || ${PRECEDENCE} || ${PAYLOAD} COLLATE "C") AS best
           FROM o JOIN m ON m.period = o.period
           WHERE o.time_aggregation = 'last'
           GROUP BY o.province_code, o.indicator_code, o.area_code, m.target),
         preferred AS (
           SELECT o.province_code, o.indicator_code, o.area_code, o.period, max(o.updated_at) AS as_of, max(${PRECEDENCE} || ${PAYLOAD} COLLATE "C") AS best
           FROM o WHERE o.time_aggregation = 'sum'
           GROUP BY o.province_code, o.indicator_code, o.area_code, o.period),
         p AS (
           SELECT p.province_code, p.indicator_code, p.area_code, m.target, m.period = m.target AS exact, m.period_type, p.as_of, ${unpack(sql`p.best`, 1)}
           FROM preferred p JOIN m ON m.period = p.period),
         g AS (
           SELECT province_code, indicator_code, area_code, target, bool_or(exact) AS has_exact, min(period_type) FILTER (WHERE NOT exact) AS finest
           FROM p GROUP BY 1, 2, 3, 4),
         flow AS (
           SELECT p.province_code, p.indicator_code, p.area_code, p.target AS period,
                  CASE WHEN g.has_exact THEN max(p.v) WHEN bool_or(p.n IS NOT NULL) THEN NULL ELSE sum(coalesce(p.v, 0)) END AS v,
                  CASE WHEN g.has_exact THEN max(p.n) WHEN bool_or(p.n IS NOT NULL) THEN sum(coalesce(p.n, 0)) END AS n,
                  CASE WHEN g.has_exact THEN max(p.d) WHEN bool_or(p.n IS NOT NULL) THEN sum(coalesce(p.d, 0)) END AS d,
                  CASE WHEN g.has_exact THEN max(p.s) END AS s,
                  max(p.e) AS e, max(p.as_of) AS as_of
           FROM p JOIN g USING (province_code, indicator_code, area_code, target)
           WHERE (g.has_exact AND p.exact) OR (NOT g.has_exact AND p.period_type = g.finest)
           GROUP BY p.province_code, p.indicator_code, p.area_code, p.target, g.has_exact)
    SELECT province_code, indicator_code, area_code, period, ${unpack(sql`best`, 11)}, as_of FROM stock
    UNION ALL
    SELECT province_code, indicator_code, area_code, period, v, n, d, s, e, as_of FROM flow`;
}

/**
 * An own cell's stored numbers from a row `x` of ownCellsSql joined with its indicator `i`: value,
 * numerator, denominator, status_counts, reporting (1), example_reporting, by the indicator's
 * aggregation over areas, so they combine upwards like any rollup cell (a ratio's value is n ÷ d,
 * a status counts 1 for its status).
 */
export function ownCellColumns(x: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    CASE i.area_aggregation WHEN 'sum' THEN coalesce(${x}.v, 0) WHEN 'ratio' THEN ${ratio(sql`coalesce(${x}.n, 0)`, sql`coalesce(${x}.d, 0)`)}
      WHEN 'count_status' THEN CASE WHEN ${x}.s IS NOT NULL AND ${x}.s = i.status_values[cardinality(i.status_values)] THEN 1 ELSE 0 END END,
    CASE WHEN i.area_aggregation = 'ratio' THEN coalesce(${x}.n, 0) END,
    CASE WHEN i.area_aggregation = 'ratio' THEN coalesce(${x}.d, 0) END,
    CASE WHEN i.area_aggregation = 'count_status' THEN ${ZERO_COUNTS} || CASE WHEN ${x}.s IS NULL THEN '{}' ELSE jsonb_build_object(${x}.s, 1) END END,
    1, coalesce(${x}.e, 0)`;
}

/** Every status of the indicator `i` at 0, so a count lists the statuses nobody reached too. */
export const ZERO_COUNTS = sql`coalesce((SELECT jsonb_object_agg(status, 0) FROM unnest(i.status_values) AS status), '{}')`;

/** numerator ÷ denominator to 30 decimals (read back as the same double as JavaScript's division), null when dividing by 0. */
export function ratio(numerator: RawBuilder<unknown>, denominator: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`CASE WHEN ${denominator} = 0 THEN NULL ELSE round(${numerator}, 30) / ${denominator} END`;
}

/** A period map as a VALUES-like row source (unnest of arrays), for ownCellsSql. */
export function periodMapValues(rows: readonly PeriodMapRow[]): RawBuilder<unknown> {
  return sql`
    SELECT * FROM unnest(${rows.map((row) => row.period)}::text[], ${rows.map((row) => row.target)}::text[], ${rows.map((row) => row.periodType)}::int[],
                         ${rows.map((row) => row.targetType)}::int[], ${rows.map((row) => row.start)}::int[])
      AS m(period, target, period_type, target_type, start)`;
}

/** A period map row for an observed period and one target it counts in. */
export function periodMapRow(period: string, target: string): PeriodMapRow {
  const parsed = parsePeriod(period);
  return {
    period,
    target,
    periodType: PERIOD_TYPES.indexOf(parsed.type),
    targetType: PERIOD_TYPES.indexOf(parsePeriod(target).type),
    start: Number(parsed.start.replaceAll('-', '')),
  };
}

/** Each observed period paired with every asked target it counts in (itself, or a coarser period holding it). */
export function periodMapFor(observed: readonly string[], targets: readonly string[]): PeriodMapRow[] {
  const asked = new Set(targets);
  return observed.flatMap((period) => [period, ...rollupTargets(period)].filter((target) => asked.has(target)).map((target) => periodMapRow(period, target)));
}

/** The years whose period codes can lie inside a period (a week coded 2025W01 may start in 2024, but then lies in no 2024 period). */
function yearsOf(period: string): string[] {
  const { start, end } = parsePeriod(period);
  const years: string[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) years.push(String(year));
  return years;
}

type OwnTuple = [string, string, string, number | string | null, number | string | null, number | string | null, Record<string, number> | null, number, number, string];

/**
 * An observation's numbers as text after a fixed-width key: value, numerator, denominator, status
 * and 1 when it is example data (0 otherwise), separated by \x01 (empty for none), so one max()
 * carries the whole winning row.
 */
const PAYLOAD = sql`chr(1) || coalesce(o.value::text, '') || chr(1) || coalesce(o.numerator::text, '') || chr(1) || coalesce(o.denominator::text, '') || chr(1) || coalesce(o.status_value, '')
  || chr(1) || CASE WHEN o.source_kind = 'example' OR o.from_example THEN '1' ELSE '0' END`;

/** One digit per source kind, higher for the preferred one (SOURCE_PRECEDENCE, verified first). */
const PRECEDENCE = sql.raw(`(CASE o.source_kind ${SOURCE_PRECEDENCE.map((kind, index) => `WHEN '${kind}' THEN '${SOURCE_PRECEDENCE.length - index}'`).join(' ')} ELSE '0' END)`);

/** Columns v, n, d, s, e from a packed `best` text whose key is `keyWidth` characters long. */
function unpack(best: RawBuilder<unknown>, keyWidth: number): RawBuilder<unknown> {
  const part = (index: number) => sql`nullif(split_part(substr(${best}, ${keyWidth + 2}), chr(1), ${index}), '')`;
  return sql`${part(1)}::numeric AS v, ${part(2)}::numeric AS n, ${part(3)}::numeric AS d, ${part(4)} AS s, ${part(5)}::int AS e`;
}

function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
