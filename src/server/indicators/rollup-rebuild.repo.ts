import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { COLLECTION_DEPTH, SOURCE_PRECEDENCE } from './rollup-arithmetic.ts';

/**
 * The SQL of the set-based rebuild (rollup-engine.ts `rebuildAllRollups` runs it): every rollup cell
 * recomputed from the observations with a handful of INSERT … SELECT … GROUP BY statements, level by
 * level, instead of a few queries per cell. The arithmetic is that of rollup-arithmetic.ts, written
 * in SQL; rollups.test.ts checks both give the same cells.
 */

/** A row of the period map: an observed period, one period it counts in (itself or a coarser one) and how. */
export interface PeriodMapRow {
  period: string;
  target: string;
  /** 0 daily … 5 yearly, the position in PERIOD_TYPES, of the observed period and of the target. */
  periodType: number;
  targetType: number;
  /** First day as YYYYMMDD: later periods win for stocks. */
  start: number;
}

export async function clearAllCells(db: Kysely<Schema>): Promise<void> {
  await sql`TRUNCATE indicator_value`.execute(db);
}

/**
 * For the rest of the rebuild transaction: memory for the big hash aggregations (the default, 4 MB,
 * spills to disk), and hash joins and hash aggregates only. The planner cannot estimate the joins
 * of observations with a fresh temporary table well and otherwise picks nested loops and sorts
 * that take minutes where a hash takes seconds.
 */
export async function prepareBulkAggregation(db: Kysely<Schema>): Promise<void> {
  await sql`SET LOCAL work_mem = '256MB'`.execute(db);
  await sql`SET LOCAL enable_nestloop = off`.execute(db);
  await sql`SET LOCAL enable_sort = off`.execute(db);
}

/**
 * Drops indicator_value's primary key and indexes for the bulk inserts of a rebuild (keeping each
 * of them current row by row costs several times the insert itself) and returns the statements
 * that recreate them exactly as they were, read from the catalogue, not repeated here.
 */
export async function dropCellIndexes(db: Kysely<Schema>): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string; constraintName: string | null }>`
    SELECT quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition, quote_ident(k.conname) AS "constraintName"
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype = 'p'
    WHERE i.indrelid = 'indicator_value'::regclass`.execute(db);
  const restore: string[] = [];
  for (const row of rows) {
    await sql.raw(row.constraintName ? `ALTER TABLE indicator_value DROP CONSTRAINT ${row.constraintName}` : `DROP INDEX ${row.name}`).execute(db);
    restore.push(row.definition);
    if (row.constraintName) restore.push(`ALTER TABLE indicator_value ADD CONSTRAINT ${row.constraintName} PRIMARY KEY USING INDEX ${row.name}`);
  }
  return restore;
}

export async function restoreCellIndexes(db: Kysely<Schema>, statements: readonly string[]): Promise<void> {
  await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(db);
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql`ANALYZE indicator_value`.execute(db);
}

export async function observedPeriods(db: Kysely<Schema>): Promise<string[]> {
  const { rows } = await sql<{ period: string }>`SELECT DISTINCT period FROM observation WHERE status <> 'draft'`.execute(db);
  return rows.map((row) => row.period);
}

/** A temporary table `rollup_period_map` for this transaction. */
export async function createPeriodMap(db: Kysely<Schema>, rows: readonly PeriodMapRow[]): Promise<void> {
  await sql`
    CREATE TEMPORARY TABLE rollup_period_map ON COMMIT DROP AS
    SELECT * FROM unnest(${rows.map((row) => row.period)}::text[], ${rows.map((row) => row.target)}::text[], ${rows.map((row) => row.periodType)}::int[],
                         ${rows.map((row) => row.targetType)}::int[], ${rows.map((row) => row.start)}::int[])
      AS m(period, target, period_type, target_type, start)`.execute(db);
  await sql`ANALYZE rollup_period_map`.execute(db);
}

/**
 * Cells at the collection level of stocks ('last' over time), for targets of one period type: per
 * (indicator, area, target) the exact period's preferred source if observed, else the latest
 * contained period (coarsest on the same first day), preferred source first. One max() over a
 * fixed-width text key picks that row in a hash aggregate, with no sort.
 */
export async function insertStockCells(db: Kysely<Schema>, targetType: number): Promise<number> {
  const cells = sql`
    SELECT o.province_code, o.indicator_code, o.area_code, m.target AS period,
           max((CASE WHEN m.period = m.target THEN '1' ELSE '0' END) || m.start::text || m.period_type::text || ${precedence} || ${payload} COLLATE "C") AS best
    FROM observation o
    JOIN rollup_period_map m ON m.period = o.period AND m.target_type = ${targetType}
    JOIN indicator i ON i.code = o.indicator_code
    WHERE o.status <> 'draft' AND i.time_aggregation = 'last'
    GROUP BY o.province_code, o.indicator_code, o.area_code, m.target`;
  return insertOwnCells(db, sql`SELECT province_code, indicator_code, area_code, period, ${unpack(sql`best`, 11)} FROM (${cells}) b`);
}

/**
 * Cells at the collection level of flows ('sum' over time), all targets at once (flows are few):
 * the exact period's preferred source if observed, else the sum of the finest kind of contained
 * period, each period's preferred source.
 */
export async function insertFlowCells(db: Kysely<Schema>): Promise<number> {
  const preferred = sql`
    SELECT o.province_code, o.indicator_code, o.area_code, o.period, max(${precedence} || ${payload} COLLATE "C") AS best
    FROM observation o JOIN indicator i ON i.code = o.indicator_code
    WHERE o.status <> 'draft' AND i.time_aggregation = 'sum'
    GROUP BY o.province_code, o.indicator_code, o.area_code, o.period`;
  const cells = sql`
    WITH p AS (SELECT p.province_code, p.indicator_code, p.area_code, m.target, m.period = m.target AS exact, m.period_type, ${unpack(sql`p.best`, 1)}
               FROM (${preferred}) p JOIN rollup_period_map m ON m.period = p.period),
         g AS (SELECT province_code, indicator_code, area_code, target, bool_or(exact) AS has_exact, min(period_type) FILTER (WHERE NOT exact) AS finest
               FROM p GROUP BY 1, 2, 3, 4)
    SELECT p.province_code, p.indicator_code, p.area_code, p.target AS period,
           CASE WHEN g.has_exact THEN max(p.v) WHEN bool_or(p.n IS NOT NULL) THEN NULL ELSE sum(coalesce(p.v, 0)) END AS v,
           CASE WHEN g.has_exact THEN max(p.n) WHEN bool_or(p.n IS NOT NULL) THEN sum(coalesce(p.n, 0)) END AS n,
           CASE WHEN g.has_exact THEN max(p.d) WHEN bool_or(p.n IS NOT NULL) THEN sum(coalesce(p.d, 0)) END AS d,
           CASE WHEN g.has_exact THEN max(p.s) END AS s,
           max(p.e) AS e
    FROM p JOIN g USING (province_code, indicator_code, area_code, target)
    WHERE (g.has_exact AND p.exact) OR (NOT g.has_exact AND p.period_type = g.finest)
    GROUP BY p.province_code, p.indicator_code, p.area_code, p.target, g.has_exact`;
  return insertOwnCells(db, cells);
}

/**
 * One level up: each area's cells combine its children's (areas whose code is `childLength` long;
 * provinces for the nation) where the area lies above the indicator's collection level.
 */
export async function insertParentCells(db: Kysely<Schema>, childLength: 13 | 8 | 5 | 2): Promise<number> {
  const parent = childLength === 2 ? sql`'ID'` : sql.raw(`left(c.area_code, ${PARENT_LENGTH[childLength]})`);
  const parentDepth = { 13: 3, 8: 2, 5: 1, 2: 0 }[childLength];
  const children = sql`
    SELECT ${parent} AS area_code, c.indicator_code, c.period, c.value, c.numerator, c.denominator, c.status_counts, c.reporting, c.example_reporting
    FROM indicator_value c JOIN indicator i ON i.code = c.indicator_code
    WHERE length(c.area_code) = ${childLength} AND c.reporting > 0 AND ${parentDepth} < ${collectionDepth}`;
  const result = await sql`
    INSERT INTO indicator_value (province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin, as_of)
    WITH c AS (${children}),
         sums AS (SELECT area_code, indicator_code, period, sum(coalesce(value, 0)) AS v, sum(coalesce(numerator, 0)) AS n,
                         sum(coalesce(denominator, 0)) AS d, sum(reporting)::int AS reporting, sum(example_reporting)::int AS example_reporting
                  FROM c GROUP BY 1, 2, 3),
         counts AS (SELECT area_code, indicator_code, period, jsonb_object_agg(status, total) AS counts
                    FROM (SELECT c.area_code, c.indicator_code, c.period, e.key AS status, sum(e.value::numeric) AS total
                          FROM c CROSS JOIN LATERAL jsonb_each_text(c.status_counts) e GROUP BY 1, 2, 3, 4) t
                    GROUP BY 1, 2, 3)
    SELECT CASE WHEN s.area_code = 'ID' THEN '00' ELSE left(s.area_code, 2) END, s.indicator_code, s.area_code, s.period,
           CASE i.area_aggregation WHEN 'sum' THEN s.v WHEN 'ratio' THEN ${ratio(sql`s.n`, sql`s.d`)}
             WHEN 'count_status' THEN coalesce((coalesce(k.counts, '{}') ->> i.status_values[cardinality(i.status_values)])::numeric, 0) END,
           CASE WHEN i.area_aggregation = 'ratio' THEN s.n END,
           CASE WHEN i.area_aggregation = 'ratio' THEN s.d END,
           CASE WHEN i.area_aggregation = 'count_status' THEN ${zeroCounts} || coalesce(k.counts, '{}') END,
           s.reporting, s.example_reporting, 'aggregated', now()
    FROM sums s JOIN indicator i ON i.code = s.indicator_code
    LEFT JOIN counts k ON k.area_code = s.area_code AND k.indicator_code = s.indicator_code AND k.period = s.period`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Inserts collection-level cells from rows (province_code, indicator_code, area_code, period, v, n,
 * d, s, e): one area's own cell; e is 1 when it comes from example data. Observations of areas at another level than the indicator's are left
 * out here, after grouping (they are rare, and a filter before the join spoils the estimates).
 */
async function insertOwnCells(db: Kysely<Schema>, cells: RawBuilder<unknown>): Promise<number> {
  const result = await sql`
    INSERT INTO indicator_value (province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin, as_of)
    SELECT x.province_code, x.indicator_code, x.area_code, x.period,
           CASE i.area_aggregation WHEN 'sum' THEN coalesce(x.v, 0) WHEN 'ratio' THEN ${ratio(sql`coalesce(x.n, 0)`, sql`coalesce(x.d, 0)`)}
             WHEN 'count_status' THEN CASE WHEN x.s IS NOT NULL AND x.s = i.status_values[cardinality(i.status_values)] THEN 1 ELSE 0 END END,
           CASE WHEN i.area_aggregation = 'ratio' THEN coalesce(x.n, 0) END,
           CASE WHEN i.area_aggregation = 'ratio' THEN coalesce(x.d, 0) END,
           CASE WHEN i.area_aggregation = 'count_status' THEN ${zeroCounts} || CASE WHEN x.s IS NULL THEN '{}' ELSE jsonb_build_object(x.s, 1) END END,
           1, coalesce(x.e, 0), 'observed', now()
    FROM (${cells}) x JOIN indicator i ON i.code = x.indicator_code
    WHERE length(x.area_code) = ${collectionLength}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * An observation's numbers as text after a fixed-width key: value, numerator, denominator, status
 * and 1 when it is example data (0 otherwise), separated by \x01 (empty for none), so one max()
 * carries the whole winning row.
 */
const payload = sql`chr(1) || coalesce(o.value::text, '') || chr(1) || coalesce(o.numerator::text, '') || chr(1) || coalesce(o.denominator::text, '') || chr(1) || coalesce(o.status_value, '')
  || chr(1) || CASE WHEN o.source_kind = 'example' OR o.from_example THEN '1' ELSE '0' END`;

/** Columns v, n, d, s, e from a packed `best` text whose key is `keyWidth` characters long. */
function unpack(best: RawBuilder<unknown>, keyWidth: number): RawBuilder<unknown> {
  const part = (index: number) => sql`nullif(split_part(substr(${best}, ${keyWidth + 2}), chr(1), ${index}), '')`;
  return sql`${part(1)}::numeric AS v, ${part(2)}::numeric AS n, ${part(3)}::numeric AS d, ${part(4)} AS s, ${part(5)}::int AS e`;
}

/** One digit per source kind, higher for the preferred one (SOURCE_PRECEDENCE, verified first). */
const precedence = sql.raw(`(CASE o.source_kind ${SOURCE_PRECEDENCE.map((kind, index) => `WHEN '${kind}' THEN '${SOURCE_PRECEDENCE.length - index}'`).join(' ')} ELSE '0' END)`);

/** The code length of areas at the indicator's collection level (0 for the nation: it has no observations). */
const collectionLength = sql.raw(
  `(CASE i.collection_level ${Object.entries(COLLECTION_DEPTH).map(([level, depth]) => `WHEN '${level}' THEN ${[0, 2, 5, 8, 13][depth] ?? 0}`).join(' ')} END)`,
);
const collectionDepth = sql.raw(`(CASE i.collection_level ${Object.entries(COLLECTION_DEPTH).map(([level, depth]) => `WHEN '${level}' THEN ${depth}`).join(' ')} END)`);

const PARENT_LENGTH = { 13: 8, 8: 5, 5: 2 } as const;

/** Every status of the indicator at 0, so a count lists the statuses nobody reached too. */
const zeroCounts = sql`coalesce((SELECT jsonb_object_agg(status, 0) FROM unnest(i.status_values) AS status), '{}')`;

/** numerator ÷ denominator to 30 decimals (read back as the same double as JavaScript's division), null when dividing by 0. */
function ratio(numerator: RawBuilder<unknown>, denominator: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`CASE WHEN ${denominator} = 0 THEN NULL ELSE round(${numerator}, 30) / ${denominator} END`;
}
