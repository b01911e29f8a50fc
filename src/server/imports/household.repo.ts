import { sql, type Kysely } from 'kysely';
import type { CopyIn } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import type { HouseholdLines } from './household-lines.ts';

/**
 * The columns of a household's COPY text line, as the reader writes it; the line ends with the
 * household's row in the file (kept for error messages, not stored).
 */
export const HOUSEHOLD_LINE_COLUMNS = [
  'kk_hash', 'village_code', 'rt', 'rw', 'members', 'pillar_1', 'pillar_2', 'pillar_3', 'pillar_4', 'pillar_5', 'visit_status', 'surveyed_on', 'province_code',
] as const;

/** Rows per COPY chunk. */
const COPY_ROWS = 20_000;

/**
 * Stores a file's households for a period, replacing those already stored (same province,
 * period and KK hash). `lines` are the households' COPY text lines (HOUSEHOLD_LINE_COLUMNS, then
 * the row), given in key order, so that the B-tree takes them in key order (random
 * hash order touches a different index page per row: 100k households 5.0 s → 1.9 s on PGlite).
 * - Nothing stored yet for these provinces and period (a first import): one COPY straight into
 *   household_record, no staging table, no join.
 * - Otherwise: COPY into a temporary table, then the households that moved village are listed,
 *   the changed ones updated and the new ones inserted. An unchanged household is not rewritten
 *   (it keeps the import job that wrote it), so importing the same file again writes little.
 * Returns the villages some households were recorded in before (whose figures change too) and
 * whether any household of these provinces and period was stored before.
 */
export async function storeHouseholds(
  trx: Kysely<Schema>,
  copyIn: CopyIn,
  lines: HouseholdLines,
  period: string,
  jobId: string,
): Promise<{ storedBefore: boolean; formerVillages: Array<{ villageCode: string; line: number }> }> {
  const { provinces } = lines;
  if (provinces.length === 0) return { storedBefore: false, formerVillages: [] };
  const before = await sql<{ one: number }>`
    SELECT 1 AS one FROM household_record WHERE province_code = ANY(${provinces}::text[]) AND period = ${period} LIMIT 1`.execute(trx);
  if (before.rows.length === 0) {
    // The row is dropped from each line; period and job are the same for every line.
    await copyIn('household_record', [...HOUSEHOLD_LINE_COLUMNS, 'period', 'import_job_id'], lines.chunks(COPY_ROWS, `\t${period}\t${jobId}\n`));
    return { storedBefore: false, formerVillages: [] };
  }
  await sql`
    CREATE TEMP TABLE household_stage (
      kk_hash text COLLATE "C", village_code text COLLATE "C", rt text, rw text, members integer, pillar_1 text,
      pillar_2 boolean, pillar_3 boolean, pillar_4 boolean, pillar_5 boolean, visit_status text, surveyed_on date,
      province_code text COLLATE "C", line integer
    ) ON COMMIT DROP`.execute(trx);
  await copyIn('household_stage', [...HOUSEHOLD_LINE_COLUMNS, 'line'], lines.chunks(COPY_ROWS, null));
  const moved = await sql<{ village_code: string; line: number }>`
    SELECT DISTINCT ON (h.village_code) h.village_code, s.line
    FROM household_stage s
    JOIN household_record h ON h.province_code = s.province_code AND h.period = ${period} AND h.kk_hash = s.kk_hash
    WHERE h.village_code <> s.village_code
    ORDER BY h.village_code, s.line`.execute(trx);
  await sql`
    UPDATE household_record h
    SET village_code = s.village_code, rt = s.rt, rw = s.rw, members = s.members, pillar_1 = s.pillar_1, pillar_2 = s.pillar_2, pillar_3 = s.pillar_3,
        pillar_4 = s.pillar_4, pillar_5 = s.pillar_5, visit_status = s.visit_status, surveyed_on = s.surveyed_on, import_job_id = ${jobId}::uuid, updated_at = now()
    FROM household_stage s
    WHERE h.province_code = s.province_code AND h.period = ${period} AND h.kk_hash = s.kk_hash
      AND (h.village_code, h.rt, h.rw, h.members, h.pillar_1, h.pillar_2, h.pillar_3, h.pillar_4, h.pillar_5, h.visit_status, h.surveyed_on)
          IS DISTINCT FROM (s.village_code, s.rt, s.rw, s.members, s.pillar_1, s.pillar_2, s.pillar_3, s.pillar_4, s.pillar_5, s.visit_status, s.surveyed_on)`.execute(trx);
  await sql`
    INSERT INTO household_record (province_code, period, kk_hash, village_code, rt, rw, members, pillar_1, pillar_2, pillar_3, pillar_4, pillar_5, visit_status, surveyed_on, import_job_id)
    SELECT s.province_code, ${period}, s.kk_hash, s.village_code, s.rt, s.rw, s.members, s.pillar_1, s.pillar_2, s.pillar_3, s.pillar_4, s.pillar_5, s.visit_status, s.surveyed_on, ${jobId}::uuid
    FROM household_stage s
    WHERE NOT EXISTS (SELECT 1 FROM household_record h WHERE h.province_code = s.province_code AND h.period = ${period} AND h.kk_hash = s.kk_hash)
    ORDER BY s.province_code, s.kk_hash`.execute(trx);
  return { storedBefore: true, formerVillages: moved.rows.map((row) => ({ villageCode: row.village_code, line: row.line })) };
}

/** Pillar tallies of every stored household of these villages in a period. */
export interface StoredTally {
  village_code: string;
  pillar1: number;
  access: number;
  jsp: number;
  jssp: number;
  sharing: number;
  babs: number;
  yes_no: number;
  answered_2: number;
  met_2: number;
  answered_3: number;
  met_3: number;
  answered_4: number;
  met_4: number;
  answered_5: number;
  met_5: number;
}

export async function villageTallies(trx: Kysely<Schema>, villageCodes: readonly string[], period: string): Promise<StoredTally[]> {
  if (villageCodes.length === 0) return [];
  const provinces = [...new Set(villageCodes.map((code) => code.slice(0, 2)))];
  const result = await sql<StoredTally>`
    SELECT village_code,
      count(pillar_1)::int AS pillar1,
      count(*) FILTER (WHERE pillar_1 IN ('JSP', 'JSSP', 'SHARING', 'LAYAK'))::int AS access,
      count(*) FILTER (WHERE pillar_1 = 'JSP')::int AS jsp,
      count(*) FILTER (WHERE pillar_1 = 'JSSP')::int AS jssp,
      count(*) FILTER (WHERE pillar_1 = 'SHARING')::int AS sharing,
      count(*) FILTER (WHERE pillar_1 = 'BABS')::int AS babs,
      count(*) FILTER (WHERE pillar_1 IN ('LAYAK', 'TIDAK_LAYAK'))::int AS yes_no,
      count(pillar_2)::int AS answered_2, count(*) FILTER (WHERE pillar_2)::int AS met_2,
      count(pillar_3)::int AS answered_3, count(*) FILTER (WHERE pillar_3)::int AS met_3,
      count(pillar_4)::int AS answered_4, count(*) FILTER (WHERE pillar_4)::int AS met_4,
      count(pillar_5)::int AS answered_5, count(*) FILTER (WHERE pillar_5)::int AS met_5
    FROM household_record
    WHERE province_code = ANY(${provinces}::text[]) AND period = ${period} AND village_code = ANY(${villageCodes}::text[])
    GROUP BY village_code`.execute(trx);
  return result.rows;
}
