import { sql, type Kysely, type RawBuilder } from 'kysely';
import { rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { ownCellsSql, periodMapRow, periodMapValues, ratio, ZERO_COUNTS } from './own-cells.repo.ts';

/**
 * The rebuild's path for village stocks, the bulk of the data (routine monthly reporting). The
 * rebuild reads the observations ONCE, one province at a time, in one hash aggregate per
 * (indicator, kecamatan, period, status): the kecamatan's sums, and which source kinds it saw.
 * A village's value for a month is its row of that month, and for a quarter, half-year or year T
 * its row of the latest month it reported in T, when its rows are *regular*: one per month, no
 * other source kind for the same month, no quarter, year, week or day. So where a kecamatan's
 * data for a year is regular (one source kind a month, months only) and *complete* (for each T,
 * every village of the kecamatan has a row in the latest month any of them reported in T), its
 * cells come from the sums alone: a month, the month's row; T, the row of that latest month.
 * Everywhere else (a village that did not report that month, a survey beside routine data, a
 * yearly or weekly figure) the kecamatan-year's observations are read again by primary key, per
 * village-year: a count and a bit mask of the months reported. A village that skipped the latest
 * month adds its own latest row; an *irregular* village-year (more rows than months reported) is
 * corrected: what the sums counted for it is subtracted and its real own cells
 * (own-cells.repo.ts, source precedence and all) are added. Kab/kota and province cells are sums
 * of kecamatan rows. rollups.test.ts checks this path against live updates, with mixed sources
 * and periods and villages skipping months.
 */

/** Creates the pass's temporary table (dropped at commit). */
export async function createMonthlyPassTables(db: Kysely<Schema>): Promise<void> {
  await sql`
    CREATE TEMPORARY TABLE rollup_month (province_code text, indicator_code text, area_code text, period text, status_value text,
                                         v numeric, n numeric, d numeric, c bigint, e bigint, kinds int) ON COMMIT DROP`.execute(db);
}

/** The one pass over a province's non-draft observations (see above). */
export async function monthlyPass(db: Kysely<Schema>, provinceCode: string): Promise<void> {
  await sql`
    INSERT INTO rollup_month
    SELECT ${provinceCode}, o.indicator_code, left(o.area_code, 8), o.period, o.status_value,
           -- sum() skips nulls (a row holds a value or a ratio, never both): cheaper than adding zeros.
           coalesce(sum(o.value), 0), coalesce(sum(o.numerator), 0), coalesce(sum(o.denominator), 0),
           count(*), count(*) FILTER (WHERE o.source_kind = 'example' OR o.from_example), bit_or(${KIND_BIT})
    FROM observation o
    WHERE o.province_code = ${provinceCode} AND o.status <> 'draft'
    GROUP BY o.indicator_code, left(o.area_code, 8), o.period, o.status_value`.execute(db);
}

/** Every period the pass saw (of any indicator). */
export async function passPeriods(db: Kysely<Schema>): Promise<string[]> {
  const { rows } = await sql<{ period: string }>`SELECT DISTINCT period FROM rollup_month`.execute(db);
  return rows.map((row) => row.period);
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
 * Stores the kecamatan, kab/kota and province cells of the village stocks, every period, from the
 * pass's tables: per-status sums level by level in a temporary table (kecamatan months as the pass
 * left them, kecamatan coarser periods, the irregular village-years' corrections, then each
 * kab/kota from its kecamatan and each province from its kab/kota), then one fold into cells.
 * Returns how many cells it stored, and per indicator how many village-years it corrected and how
 * many kecamatan-years it read per village.
 */
export async function insertMonthlyCells(db: Kysely<Schema>, stocks: readonly string[], coarse: readonly CoarseTarget[]): Promise<{ cells: number; corrected: Record<string, number>; perVillage: Record<string, number> }> {
  if (stocks.length === 0) return { cells: 0, corrected: {}, perVillage: {} };
  const indicators = sql`${[...stocks]}::text[]`;
  await sql`
    CREATE TEMPORARY TABLE rollup_level ON COMMIT DROP AS
    SELECT province_code, indicator_code, area_code, period, status_value, v, n, d, c, e FROM rollup_month o
    WHERE indicator_code = ANY(${indicators}) AND length(area_code) = 8 AND ${MONTHLY}`.execute(db);
  await sql`CREATE TEMPORARY TABLE rollup_coarse ON COMMIT DROP AS SELECT * FROM ${coarseRows(coarse)}`.execute(db);
  await findLatestMonths(db, stocks);
  await readVillageYears(db);
  const { rows: detail } = await sql<{ indicator_code: string; count: number }>`SELECT indicator_code, count(*)::int AS count FROM rollup_detail GROUP BY 1 ORDER BY 1`.execute(db);
  const perVillage = Object.fromEntries(detail.map((row) => [row.indicator_code, row.count]));
  const base = sql`
    SELECT m.province_code, m.indicator_code, m.area_code, l.target AS period, m.status_value, m.v, m.n, m.d, m.c, m.e
    FROM rollup_month m
    JOIN rollup_latest l ON l.province_code = m.province_code AND l.indicator_code = m.indicator_code AND l.area_code = m.area_code AND l.month = m.period`;
  // Complete: the latest month's rows are the period's, one per status already.
  await sql`INSERT INTO rollup_level ${base} WHERE l.complete`.execute(db);
  await sql`
    INSERT INTO rollup_level
    WITH late AS (
           SELECT y.province_code, y.indicator_code, left(y.area_code, 8) AS area_code, l.target AS period, o.status_value,
                  coalesce(o.value, 0) AS v, coalesce(o.numerator, 0) AS n, coalesce(o.denominator, 0) AS d, 1::bigint AS c,
                  CASE WHEN o.source_kind = 'example' OR o.from_example THEN 1 ELSE 0 END::bigint AS e
           FROM rollup_village_year y
           JOIN rollup_latest l ON l.province_code = y.province_code AND l.indicator_code = y.indicator_code AND l.area_code = left(y.area_code, 8) AND l.year = y.year
           CROSS JOIN LATERAL (
             SELECT * FROM observation o
             WHERE o.province_code = y.province_code AND o.indicator_code = y.indicator_code AND o.area_code = y.area_code
               AND o.period = ${latestMonth(sql`y.mask & l.bits`)} AND o.status <> 'draft'
             OFFSET 0) o
           WHERE NOT l.complete AND y.mask & l.bits <> 0 AND y.mask & l.month_bit = 0)
    SELECT province_code, indicator_code, area_code, period, status_value, sum(v), sum(n), sum(d), sum(c), sum(e)
    FROM (${base} WHERE NOT l.complete UNION ALL SELECT * FROM late) x GROUP BY 1, 2, 3, 4, 5`.execute(db);
  const corrected = await correctIrregular(db, stocks);
  // Kab/kota rows from the kecamatan rows, province rows from the kab/kota rows, each in its own
  // table (the province step then reads only the kab/kota rows).
  await sql`
    CREATE TEMPORARY TABLE rollup_regency ON COMMIT DROP AS
    SELECT province_code, indicator_code, left(area_code, 5) AS area_code, period, status_value, sum(v) AS v, sum(n) AS n, sum(d) AS d, sum(c) AS c, sum(e) AS e
    FROM rollup_level GROUP BY 1, 2, 3, 4, 5`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE rollup_province ON COMMIT DROP AS
    SELECT province_code, indicator_code, left(area_code, 2) AS area_code, period, status_value, sum(v) AS v, sum(n) AS n, sum(d) AS d, sum(c) AS c, sum(e) AS e
    FROM rollup_regency GROUP BY 1, 2, 3, 4, 5`.execute(db);
  const levels = sql`(SELECT * FROM rollup_level UNION ALL SELECT * FROM rollup_regency UNION ALL SELECT * FROM rollup_province)`;
  // Every row of the levels is now one (cell, status): a cell of a plain indicator is one row,
  // stored as it is; a status indicator's statuses are gathered into its counts.
  const statusIndicators = sql`${await statusIndicatorsOf(db, stocks)}::text[]`;
  const result = await sql`
    INSERT INTO indicator_value (province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin, as_of)
    WITH g AS (
      SELECT province_code, indicator_code, area_code, period, v, n, d, c, e, NULL::jsonb AS counts
      FROM ${levels} l WHERE NOT (indicator_code = ANY(${statusIndicators}))
      UNION ALL
      SELECT province_code, indicator_code, area_code, period, sum(v), sum(n), sum(d), sum(c), sum(e), jsonb_object_agg(status_value, c) FILTER (WHERE status_value IS NOT NULL)
      FROM ${levels} l WHERE indicator_code = ANY(${statusIndicators}) GROUP BY 1, 2, 3, 4)
    SELECT g.province_code, g.indicator_code, g.area_code, g.period,
           CASE i.area_aggregation WHEN 'sum' THEN g.v WHEN 'ratio' THEN ${ratio(sql`g.n`, sql`g.d`)}
             WHEN 'count_status' THEN coalesce((g.counts ->> i.status_values[cardinality(i.status_values)])::numeric, 0) END,
           CASE WHEN i.area_aggregation = 'ratio' THEN g.n END,
           CASE WHEN i.area_aggregation = 'ratio' THEN g.d END,
           CASE WHEN i.area_aggregation = 'count_status' THEN ${ZERO_COUNTS} || coalesce(g.counts, '{}') END,
           g.c::int, g.e::int, 'aggregated', now()
    FROM g JOIN indicator i ON i.code = g.indicator_code`.execute(db);
  return { cells: Number(result.numAffectedRows ?? 0), corrected, perVillage };
}

/**
 * `rollup_latest`: for each kecamatan, stock and coarser period T with data in a month, the latest
 * month any of its villages reported in T (`month`, `month_bit`), and `complete` when every village
 * of the kecamatan has a row that month and the kecamatan-year is regular (one source kind a
 * month, months only, all at villages). `rollup_detail`: the kecamatan-years to read per village:
 * not complete for some T, or with rows that are not months.
 */
async function findLatestMonths(db: Kysely<Schema>, stocks: readonly string[]): Promise<void> {
  await sql`
    -- Rows of a stock at a kab/kota or province are in no kecamatan: the rebuild ignores them, as readers do.
    CREATE TEMPORARY TABLE rollup_kecamatan_month ON COMMIT DROP AS
    SELECT province_code, indicator_code, area_code, period, sum(c) AS c, bit_or(kinds) AS kinds
    FROM rollup_month WHERE indicator_code = ANY(${[...stocks]}::text[]) AND length(area_code) = 8 GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE rollup_latest ON COMMIT DROP AS
    WITH years AS (
           SELECT province_code, indicator_code, area_code, left(period, 4) AS year,
                  bit_or(CASE WHEN ${MONTHLY} THEN 1 << (substr(o.period, 5, 2)::int - 1) END) AS mask,
                  bool_and(${MONTHLY} AND length(area_code) = 8 AND kinds & (kinds - 1) = 0 AND kinds < ${sql.lit(OFF_VILLAGE)}) AS regular
           FROM rollup_kecamatan_month o GROUP BY 1, 2, 3, 4),
         villages AS (SELECT left(code, 8) AS area_code, count(*) AS villages FROM area WHERE level = 4 GROUP BY 1),
         -- Materialized: the join below then hashes on the month itself (else the planner joins every
         -- month of the kecamatan first and tests the expression on each pair).
         latest AS MATERIALIZED (
           SELECT y.province_code, y.indicator_code, y.area_code, y.year, t.target, t.bits, y.regular,
                  ${latestMonth(sql`y.mask & t.bits`)} AS month, 1 << (length(ltrim((y.mask & t.bits)::bit(12)::text, '0')) - 1) AS month_bit
           FROM years y JOIN rollup_coarse t ON t.year = y.year WHERE y.mask & t.bits <> 0)
    SELECT l.*, l.regular AND k.c = coalesce(v.villages, 0) AS complete
    FROM latest l
    JOIN rollup_kecamatan_month k ON k.province_code = l.province_code AND k.indicator_code = l.indicator_code AND k.area_code = l.area_code AND k.period = l.month
    LEFT JOIN villages v ON v.area_code = l.area_code`.execute(db);
  await sql`
    CREATE TEMPORARY TABLE rollup_detail ON COMMIT DROP AS
    SELECT province_code, indicator_code, area_code, year FROM rollup_latest WHERE NOT complete
    UNION
    SELECT province_code, indicator_code, area_code, left(period, 4) FROM rollup_kecamatan_month o WHERE NOT (${MONTHLY})`.execute(db);
}

/** `rollup_village_year`: per village-year of the kecamatan-years in `rollup_detail`, its row count and month mask, read by primary key. */
async function readVillageYears(db: Kysely<Schema>): Promise<void> {
  await sql`
    CREATE TEMPORARY TABLE rollup_village_year ON COMMIT DROP AS
    SELECT k.province_code, k.indicator_code, o.area_code, k.year, count(*) AS c,
           bit_or(CASE WHEN ${MONTHLY} THEN 1 << (substr(o.period, 5, 2)::int - 1) END) AS mask
    FROM rollup_detail k
    CROSS JOIN LATERAL (
      SELECT o.area_code, o.period FROM observation o
      WHERE o.province_code = k.province_code AND o.indicator_code = k.indicator_code
        AND o.area_code >= k.area_code AND o.area_code < k.area_code || '/' AND left(o.period, 4) = k.year AND o.status <> 'draft'
      OFFSET 0) o
    GROUP BY k.province_code, k.indicator_code, o.area_code, k.year`.execute(db);
}

/**
 * The irregular village-years (more rows than months reported: another source kind for a month, or
 * a period that is not a month; or rows of a stock away from a village): subtracts from their
 * kecamatan's rows what the sums counted for them (each month's rows; for a coarser period, the
 * rows of the latest month reported in it) and adds their own cells for every period, computed by
 * own-cells.repo.ts from their observations. Returns how many village-years it corrected, per indicator.
 */
async function correctIrregular(db: Kysely<Schema>, stocks: readonly string[]): Promise<Record<string, number>> {
  await sql`
    CREATE TEMPORARY TABLE rollup_irregular ON COMMIT DROP AS
    SELECT * FROM rollup_village_year
    WHERE indicator_code = ANY(${[...stocks]}::text[]) AND (c <> bit_count(coalesce(mask, 0)::bit(12)) OR length(area_code) <> 13)`.execute(db);
  const { rows } = await sql<{ indicator_code: string; count: number }>`SELECT indicator_code, count(*)::int AS count FROM rollup_irregular GROUP BY 1 ORDER BY 1`.execute(db);
  const corrected = Object.fromEntries(rows.map((row) => [row.indicator_code, row.count]));
  if (rows.length === 0) return corrected;
  await sql`
    CREATE TEMPORARY TABLE rollup_irregular_row ON COMMIT DROP AS
    SELECT o.* FROM rollup_irregular y
    CROSS JOIN LATERAL (
      SELECT * FROM observation o
      WHERE o.province_code = y.province_code AND o.indicator_code = y.indicator_code AND o.area_code = y.area_code AND left(o.period, 4) = y.year AND o.status <> 'draft'
      OFFSET 0) o`.execute(db);
  await sql`ANALYZE rollup_irregular_row`.execute(db);
  const periods = (await sql<{ period: string }>`SELECT DISTINCT period FROM rollup_irregular_row`.execute(db)).rows.map((row) => row.period);
  const counted = (sign: string) => sql.raw(`${sign}coalesce(o.value, 0), ${sign}coalesce(o.numerator, 0), ${sign}coalesce(o.denominator, 0), ${sign}1, ${sign}(CASE WHEN o.source_kind = 'example' OR o.from_example THEN 1 ELSE 0 END)`);
  const own = ownCellsSql(sql`SELECT * FROM rollup_irregular_row WHERE length(area_code) = 13`, periodMapValues(periods.flatMap((period) => [period, ...rollupTargets(period)].map((target) => periodMapRow(period, target)))));
  await sql`
    CREATE TEMPORARY TABLE rollup_fix ON COMMIT DROP AS
    SELECT province_code, indicator_code, area_code, period, status_value, sum(v) AS v, sum(n) AS n, sum(d) AS d, sum(c) AS c, sum(e) AS e
    FROM (
      SELECT o.province_code, o.indicator_code, left(o.area_code, 8) AS area_code, o.period, o.status_value, ${counted('-')}
      FROM rollup_irregular_row o WHERE length(o.area_code) >= 8 AND ${MONTHLY}
      UNION ALL
      SELECT o.province_code, o.indicator_code, left(o.area_code, 8), t.target, o.status_value, ${counted('-')}
      FROM rollup_irregular y JOIN rollup_coarse t ON t.year = y.year AND y.mask & t.bits <> 0
      JOIN rollup_irregular_row o ON o.province_code = y.province_code AND o.indicator_code = y.indicator_code AND o.area_code = y.area_code AND o.period = ${latestMonth(sql`y.mask & t.bits`)}
      UNION ALL
      SELECT x.province_code, x.indicator_code, left(x.area_code, 8), x.period, x.s, coalesce(x.v, 0), coalesce(x.n, 0), coalesce(x.d, 0), 1, coalesce(x.e, 0)
      FROM (${own}) x) f(province_code, indicator_code, area_code, period, status_value, v, n, d, c, e)
    GROUP BY 1, 2, 3, 4, 5`.execute(db);
  // Only the kecamatan rows of the corrected (indicator, kecamatan) pairs are summed again with
  // the corrections, so every row stays one (cell, status); statuses corrected to nothing go.
  await sql`
    WITH touched AS (SELECT DISTINCT province_code, indicator_code, area_code FROM rollup_fix),
         moved AS (
           DELETE FROM rollup_level l USING touched t
           WHERE l.province_code = t.province_code AND l.indicator_code = t.indicator_code AND l.area_code = t.area_code
           RETURNING l.province_code, l.indicator_code, l.area_code, l.period, l.status_value, l.v, l.n, l.d, l.c, l.e)
    INSERT INTO rollup_level
    SELECT province_code, indicator_code, area_code, period, status_value, sum(v), sum(n), sum(d), sum(c), sum(e)
    FROM (SELECT * FROM moved UNION ALL SELECT * FROM rollup_fix) x
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(c) <> 0`.execute(db);
  return corrected;
}

/** Those of the given indicators that count villages by status. */
async function statusIndicatorsOf(db: Kysely<Schema>, codes: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`SELECT code FROM indicator WHERE code = ANY(${[...codes]}::text[]) AND area_aggregation = 'count_status'`.execute(db);
  return rows.map((row) => row.code);
}

/** The coarse targets as a row source (year, target, last_month, last_bit, bits). */
function coarseRows(coarse: readonly CoarseTarget[]): RawBuilder<unknown> {
  return sql`
    unnest(${coarse.map((row) => row.year)}::text[], ${coarse.map((row) => row.target)}::text[], ${coarse.map((row) => row.lastMonth)}::text[],
           ${coarse.map((row) => row.lastBit)}::int[], ${coarse.map((row) => row.bits)}::int[]) AS t(year, target, last_month, last_bit, bits)`;
}

/** `o.period` is a month (YYYYMM; quarters and half-years have a letter there). */
const MONTHLY = sql`length(o.period) = 6 AND substr(o.period, 5, 1) < 'A'`;

/** The month (YYYYMM) of the highest bit of a month mask of year `y.year`: the latest month in it. */
function latestMonth(mask: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`y.year || lpad(length(ltrim((${mask})::bit(12)::text, '0'))::text, 2, '0')`;
}

/** One bit per source kind (the column's check allows these), and one for a row away from a village. */
const OFF_VILLAGE = 64;
const KIND_BIT = sql.raw(`CASE WHEN length(o.area_code) <> 13 THEN ${OFF_VILLAGE} ELSE (CASE o.source_kind ${['routine', 'import', 'survey', 'verification', 'derived', 'example']
  .map((kind, index) => `WHEN '${kind}' THEN ${1 << index}`).join(' ')} ELSE 128 END) END`);

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
