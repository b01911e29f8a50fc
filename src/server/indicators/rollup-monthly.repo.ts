import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { ratio, ZERO_COUNTS } from './own-cells.repo.ts';

/**
 * The rebuild's path for routine monthly reporting, the bulk of the data: village stocks whose
 * observations hold one source kind, monthly periods only, at villages only ("simple"). Each
 * village then has at most one row a month, and its value for a quarter, half-year or year is its
 * row of the latest month it reported in that period. The rebuild reads the observations ONCE,
 * one province at a time, with three grouping sets in one hash aggregate:
 *   - per (indicator, kecamatan, month, status): the kecamatan's monthly sums, the bulk of it;
 *   - per (indicator, village, year): a bit mask of the months the village reported;
 *   - per (indicator, period, source kind, at a village?): what the data holds, to tell which
 *     indicators are simple (the others take the general path, rollup-rebuild.repo.ts).
 * A coarser period T of a kecamatan is then its row for T's last month, plus, for each village
 * that did not report in that month but did earlier in T (the mask says which month), that
 * village's latest row (read by primary key; none when reporting is complete). Kab/kota and
 * province cells are sums of kecamatan rows. rollups.test.ts checks this path against live updates.
 */

/** Creates the pass's temporary tables (dropped at commit). */
export async function createMonthlyPassTables(db: Kysely<Schema>): Promise<void> {
  await sql`CREATE TEMPORARY TABLE rollup_shape (province_code text, indicator_code text, period text, source_kind text, at_village boolean) ON COMMIT DROP`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE rollup_month (province_code text, indicator_code text, area_code text, period text, status_value text,
                                         v numeric, n numeric, d numeric, c bigint, e bigint) ON COMMIT DROP`.execute(db);
  await sql`CREATE TEMPORARY TABLE rollup_village_year (province_code text, indicator_code text, area_code text, year text, mask int) ON COMMIT DROP`.execute(db);
}

/** The one pass over a province's non-draft observations (see above). */
export async function monthlyPass(db: Kysely<Schema>, provinceCode: string): Promise<void> {
  await sql`
    WITH g AS (
      SELECT o.indicator_code, left(o.area_code, 8) AS district, o.period, o.status_value, o.area_code, left(o.period, 4) AS year,
             o.source_kind, length(o.area_code) = 13 AS at_village,
             grouping(o.area_code, o.source_kind) AS grouping_set,
             sum(coalesce(o.value, 0)) AS v, sum(coalesce(o.numerator, 0)) AS n, sum(coalesce(o.denominator, 0)) AS d,
             count(*) AS c, count(*) FILTER (WHERE o.source_kind = 'example' OR o.from_example) AS e,
             bit_or(CASE WHEN length(o.period) = 6 AND substr(o.period, 5, 1) < 'A' THEN 1 << (substr(o.period, 5, 2)::int - 1) END) AS mask
      FROM observation o
      WHERE o.province_code = ${provinceCode} AND o.status <> 'draft'
      GROUP BY GROUPING SETS ((o.indicator_code, left(o.area_code, 8), o.period, o.status_value),
                              (o.indicator_code, o.area_code, left(o.period, 4)),
                              (o.indicator_code, o.period, o.source_kind, length(o.area_code) = 13))),
    months AS (INSERT INTO rollup_month SELECT ${provinceCode}, indicator_code, district, period, status_value, v, n, d, c, e FROM g WHERE grouping_set = 3),
    villages AS (INSERT INTO rollup_village_year SELECT ${provinceCode}, indicator_code, area_code, year, mask FROM g WHERE grouping_set = 1)
    INSERT INTO rollup_shape SELECT ${provinceCode}, indicator_code, period, source_kind, at_village FROM g WHERE grouping_set = 2`.execute(db);
}

/** What the pass found: each (province, indicator, period, source kind, at a village?) with data. */
export async function monthlyPassShape(db: Kysely<Schema>): Promise<Array<{ provinceCode: string; indicatorCode: string; period: string; sourceKind: string; atVillage: boolean }>> {
  const { rows } = await sql<{ province_code: string; indicator_code: string; period: string; source_kind: string; at_village: boolean }>`SELECT * FROM rollup_shape`.execute(db);
  return rows.map((row) => ({ provinceCode: row.province_code, indicatorCode: row.indicator_code, period: row.period, sourceKind: row.source_kind, atVillage: row.at_village }));
}

/** A quarter, half-year or year and its months as bits of a village's year mask (bit 0 = January). */
export interface CoarseTarget {
  year: string;
  target: string;
  lastMonth: string;
  lastBit: number;
  bits: number;
}

/**
 * Stores the kecamatan, kab/kota and province cells of the simple indicators, every month and
 * every coarser target, from the pass's tables: per-status sums level by level in a temporary
 * table (kecamatan months as the pass left them, kecamatan coarser periods, then each kab/kota
 * from its kecamatan and each province from its kab/kota), then one fold into cells. Returns how
 * many cells it stored.
 */
export async function insertMonthlyCells(db: Kysely<Schema>, simple: readonly string[], coarse: readonly CoarseTarget[]): Promise<number> {
  if (simple.length === 0) return 0;
  const indicators = sql`${[...simple]}::text[]`;
  await sql`
    CREATE TEMPORARY TABLE rollup_level ON COMMIT DROP AS
    SELECT province_code, indicator_code, area_code, period, status_value, v, n, d, c, e FROM rollup_month WHERE indicator_code = ANY(${indicators})`.execute(db);
  await sql`
    INSERT INTO rollup_level
    WITH t AS (
           SELECT * FROM unnest(${coarse.map((row) => row.year)}::text[], ${coarse.map((row) => row.target)}::text[], ${coarse.map((row) => row.lastMonth)}::text[],
                                ${coarse.map((row) => row.lastBit)}::int[], ${coarse.map((row) => row.bits)}::int[]) AS t(year, target, last_month, last_bit, bits)),
         late AS (
           SELECT y.province_code, y.indicator_code, left(y.area_code, 8) AS area_code, t.target AS period, o.status_value,
                  coalesce(o.value, 0) AS v, coalesce(o.numerator, 0) AS n, coalesce(o.denominator, 0) AS d, 1::bigint AS c,
                  CASE WHEN o.source_kind = 'example' OR o.from_example THEN 1 ELSE 0 END::bigint AS e
           FROM rollup_village_year y JOIN t ON t.year = y.year
           CROSS JOIN LATERAL (
             SELECT * FROM observation o
             WHERE o.province_code = y.province_code AND o.indicator_code = y.indicator_code AND o.area_code = y.area_code
               AND o.period = y.year || lpad(length(ltrim((y.mask & t.bits)::bit(12)::text, '0'))::text, 2, '0') AND o.status <> 'draft'
             OFFSET 0) o
           WHERE y.indicator_code = ANY(${indicators}) AND y.mask & t.last_bit = 0 AND y.mask & t.bits <> 0),
         base AS (
           SELECT m.province_code, m.indicator_code, m.area_code, t.target AS period, m.status_value, m.v, m.n, m.d, m.c, m.e
           FROM rollup_month m JOIN t ON t.last_month = m.period WHERE m.indicator_code = ANY(${indicators}))
    SELECT province_code, indicator_code, area_code, period, status_value, sum(v), sum(n), sum(d), sum(c), sum(e)
    FROM (SELECT * FROM base UNION ALL SELECT * FROM late) x GROUP BY 1, 2, 3, 4, 5`.execute(db);
  for (const length of [5, 2]) {
    await sql`
      INSERT INTO rollup_level
      SELECT province_code, indicator_code, left(area_code, ${length}), period, status_value, sum(v), sum(n), sum(d), sum(c), sum(e)
      FROM rollup_level WHERE length(area_code) = ${length === 5 ? 8 : 5} GROUP BY 1, 2, 3, 4, 5`.execute(db);
  }
  const result = await sql`
    INSERT INTO indicator_value (province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin, as_of)
    SELECT g.province_code, g.indicator_code, g.area_code, g.period,
           CASE i.area_aggregation WHEN 'sum' THEN sum(g.v) WHEN 'ratio' THEN ${ratio(sql`sum(g.n)`, sql`sum(g.d)`)}
             WHEN 'count_status' THEN coalesce(sum(g.c) FILTER (WHERE g.status_value = i.status_values[cardinality(i.status_values)]), 0) END,
           CASE WHEN i.area_aggregation = 'ratio' THEN sum(g.n) END,
           CASE WHEN i.area_aggregation = 'ratio' THEN sum(g.d) END,
           CASE WHEN i.area_aggregation = 'count_status' THEN ${ZERO_COUNTS} || coalesce(jsonb_object_agg(g.status_value, g.c) FILTER (WHERE g.status_value IS NOT NULL), '{}') END,
           sum(g.c)::int, sum(g.e)::int, 'aggregated', now()
    FROM rollup_level g JOIN indicator i ON i.code = g.indicator_code
    GROUP BY g.province_code, g.indicator_code, g.area_code, g.period, i.area_aggregation, i.status_values`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The quarters, half-years and years of the given years, with their last month and month bits. */
export function coarseTargets(years: readonly string[]): CoarseTarget[] {
  const span = (year: string, target: string, first: number, last: number): CoarseTarget => {
    let bits = 0;
    for (let month = first; month <= last; month += 1) bits |= 1 << (month - 1);
    return { year, target, lastMonth: `${year}${String(last).padStart(2, '0')}`, lastBit: 1 << (last - 1), bits };
  };
  return [...new Set(years)].flatMap((year) => [
    span(year, `${year}Q1`, 1, 3),
    span(year, `${year}Q2`, 4, 6),
    span(year, `${year}Q3`, 7, 9),
    span(year, `${year}Q4`, 10, 12),
    span(year, `${year}S1`, 1, 6),
    span(year, `${year}S2`, 7, 12),
    span(year, year, 1, 12),
  ]);
}
