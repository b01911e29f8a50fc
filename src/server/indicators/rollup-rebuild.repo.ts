import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { ownCellColumns, ownCellsSql, ratio, ZERO_COUNTS as zeroCounts, type PeriodMapRow } from './own-cells.repo.ts';
import { COLLECTION_DEPTH } from './rollup-arithmetic.ts';

/**
 * The SQL of the set-based rebuild (rollup-rebuild.ts `rebuildAllRollups` runs it): every rollup cell
 * recomputed from the observations with INSERT … SELECT … GROUP BY statements, level by level,
 * instead of a few queries per cell. The arithmetic is that of rollup-arithmetic.ts, written in
 * SQL; rollups.test.ts checks both give the same cells. Own cells (the collection level) are not
 * stored (own-cells.repo.ts): the first level above them is computed straight from the observations.
 */

export async function clearAllCells(db: Kysely<Schema>): Promise<void> {
  await sql`TRUNCATE indicator_value`.execute(db);
}

/**
 * For the rest of the rebuild transaction: JIT, memory for the big hash aggregations (the default, 4 MB,
 * spills to disk), and hash joins and hash aggregates only. The planner cannot estimate the joins
 * of observations with a fresh temporary table well and otherwise picks nested loops and sorts
 * that take minutes where a hash takes seconds.
 */
export async function prepareBulkAggregation(db: Kysely<Schema>): Promise<void> {
  await sql`SET LOCAL work_mem = '256MB'`.execute(db);
  await sql`SET LOCAL enable_nestloop = off`.execute(db);
  await sql`SET LOCAL enable_sort = off`.execute(db);
  // The app's PostgreSQL connections run without JIT (connect.ts: short live statements); the
  // rebuild's passes over millions of rows gain from it (149.8 s without, 130.8 s with, at 36 M
  // observations on PostgreSQL 15). PGlite has no JIT provider, so there it changes nothing.
  await sql`SET LOCAL jit = on`.execute(db);
}

/** The codes of the village stocks ('last' over time, collected per village or household). */
export async function villageStocks(db: Kysely<Schema>): Promise<Set<string>> {
  const { rows } = await sql<{ code: string }>`SELECT code FROM indicator WHERE time_aggregation = 'last' AND collection_level IN ('village', 'household')`.execute(db);
  return new Set(rows.map((row) => row.code));
}

/** Every province code, retired ones too (old data may lie under them). */
export async function provinceCodes(db: Kysely<Schema>): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`SELECT code FROM area WHERE level = 1 ORDER BY code`.execute(db);
  return rows.map((row) => row.code);
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
 * The own cells of the given indicators (not village stocks: flows, kecamatan or kab/kota
 * indicators, few rows) into the temporary table `rollup_own_cell` (the shape of indicator_value);
 * the parent levels read them beside the stored cells. Their observations are found through the
 * primary key (province, indicator), not by reading every observation.
 */
export async function createOwnCells(db: Kysely<Schema>, provinces: readonly string[], indicators: readonly string[]): Promise<number> {
  const observations = sql`SELECT * FROM observation WHERE province_code = ANY(${[...provinces]}::text[]) AND indicator_code = ANY(${[...indicators]}::text[]) AND status <> 'draft'`;
  const cells = ownCellsSql(observations, sql`SELECT * FROM rollup_period_map`);
  const result = await sql`
    CREATE TEMPORARY TABLE rollup_own_cell (province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting) ON COMMIT DROP AS
    SELECT x.province_code, x.indicator_code, x.area_code, x.period, ${ownCellColumns(sql`x`)}
    FROM (${cells}) x JOIN indicator i ON i.code = x.indicator_code
    WHERE length(x.area_code) = ${collectionLength}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Every catalogue indicator but the given ones. */
export async function otherIndicators(db: Kysely<Schema>, except: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`SELECT code FROM indicator WHERE NOT (code = ANY(${[...except]}::text[])) ORDER BY code`.execute(db);
  return rows.map((row) => row.code);
}

/**
 * One level up: each area's cells combine its children's (areas whose code is `childLength` long;
 * provinces for the nation) where the area lies above the indicator's collection level, except
 * for the indicators given (the monthly path stored theirs already).
 */
export async function insertParentCells(db: Kysely<Schema>, childLength: 13 | 8 | 5 | 2, except: readonly string[]): Promise<number> {
  const parent = childLength === 2 ? sql`'ID'` : sql.raw(`left(c.area_code, ${PARENT_LENGTH[childLength]})`);
  const parentDepth = { 13: 3, 8: 2, 5: 1, 2: 0 }[childLength];
  const children = sql`
    SELECT ${parent} AS area_code, c.indicator_code, c.period, c.value, c.numerator, c.denominator, c.status_counts, c.reporting, c.example_reporting
    FROM (SELECT ${CELL_COLUMNS} FROM indicator_value UNION ALL SELECT ${CELL_COLUMNS} FROM rollup_own_cell) c JOIN indicator i ON i.code = c.indicator_code
    WHERE length(c.area_code) = ${childLength} AND c.reporting > 0 AND ${parentDepth} < ${collectionDepth} AND NOT (c.indicator_code = ANY(${[...except]}::text[]))`;
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

/** The code length of areas at the indicator's collection level (0 for the nation: it has no observations). */
const collectionLength = sql.raw(
  `(CASE i.collection_level ${Object.entries(COLLECTION_DEPTH).map(([level, depth]) => `WHEN '${level}' THEN ${[0, 2, 5, 8, 13][depth] ?? 0}`).join(' ')} END)`,
);
const collectionDepth = sql.raw(`(CASE i.collection_level ${Object.entries(COLLECTION_DEPTH).map(([level, depth]) => `WHEN '${level}' THEN ${depth}`).join(' ')} END)`);

const PARENT_LENGTH = { 13: 8, 8: 5, 5: 2 } as const;

/** The columns the parent levels read, of stored cells and of the rebuild's own cells alike. */
const CELL_COLUMNS = sql.raw('area_code, indicator_code, period, value, numerator, denominator, status_counts, reporting, example_reporting');

