import { sql, type Kysely } from 'kysely';
import type { CopyIn } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';

/** The household columns a file's rows are staged with (COPY text, one line per household). */
export const HOUSEHOLD_STAGE_COLUMNS = [
  'kk_hash', 'village_code', 'rt', 'rw', 'members', 'pillar_1', 'pillar_2', 'pillar_3', 'pillar_4', 'pillar_5', 'visit_status', 'surveyed_on', 'line',
] as const;

/**
 * Stores a file's households for a period, replacing those already stored (same province,
 * period and KK hash): COPY into a temporary table, then one delete and one ordered insert. Returns how many were
 * stored and the villages some of them were recorded in before (whose figures change too).
 */
export async function upsertHouseholds(
  trx: Kysely<Schema>,
  copyIn: CopyIn,
  chunks: Iterable<string>,
  period: string,
  jobId: string,
): Promise<{ households: number; formerVillages: Array<{ villageCode: string; line: number }> }> {
  await sql`
    CREATE TEMP TABLE household_stage (
      kk_hash text COLLATE "C", village_code text COLLATE "C", rt text, rw text, members integer, pillar_1 text,
      pillar_2 boolean, pillar_3 boolean, pillar_4 boolean, pillar_5 boolean, visit_status text, surveyed_on date, line integer
    ) ON COMMIT DROP`.execute(trx);
  await copyIn('household_stage', HOUSEHOLD_STAGE_COLUMNS, chunks);
  const moved = await sql<{ village_code: string; line: number }>`
    SELECT DISTINCT ON (h.village_code) h.village_code, s.line
    FROM household_stage s
    JOIN household_record h ON h.province_code = left(s.village_code, 2) AND h.period = ${period} AND h.kk_hash = s.kk_hash
    WHERE h.village_code <> s.village_code
    ORDER BY h.village_code, s.line`.execute(trx);
  // Replacing = one joined DELETE of the file's stored households, then every row INSERTed in key
  // order: ordered B-tree inserts took 100k new households from 5.0 s to 1.9 s on PGlite (random
  // hash order touches a different index page per row); no per-row ON CONFLICT probe.
  await sql`
    DELETE FROM household_record h USING household_stage s
    WHERE h.province_code = left(s.village_code, 2) AND h.period = ${period} AND h.kk_hash = s.kk_hash`.execute(trx);
  const stored = await sql`
    INSERT INTO household_record (province_code, period, kk_hash, village_code, rt, rw, members, pillar_1, pillar_2, pillar_3, pillar_4, pillar_5, visit_status, surveyed_on, import_job_id)
    SELECT left(village_code, 2), ${period}, kk_hash, village_code, rt, rw, members, pillar_1, pillar_2, pillar_3, pillar_4, pillar_5, visit_status, surveyed_on, ${jobId}::uuid
    FROM household_stage
    ORDER BY left(village_code, 2), kk_hash`.execute(trx);
  return { households: Number(stored.numAffectedRows ?? 0), formerVillages: moved.rows.map((row) => ({ villageCode: row.village_code, line: row.line })) };
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
