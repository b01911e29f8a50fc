// Loading the synthetic national observations with COPY, as fast as the engine allows.
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/connect.ts';
import { flowChunk, monthCodes, OBSERVATION_COLUMNS, sampleVillages, villageChunks } from './synthetic.ts';

export interface Scale {
  villages: number;
  months: number;
}

export interface LoadResult {
  villages: string[];
  months: string[];
  rows: number;
  copyMs: number;
  indexMs: number;
}

/** Real codes from the area table: villages (sampled by whole kecamatan when reduced), kecamatan and kab/kota. */
export async function chooseAreas(database: Database, scale: Scale) {
  const codes = async (level: number) => (await sql<{ code: string }>`SELECT code FROM area WHERE level = ${level} AND retired_at IS NULL ORDER BY code`.execute(database.db)).rows.map((row) => row.code);
  const villages = sampleVillages(await codes(4), scale.villages);
  const inSample = new Set(villages.map((code) => code.slice(0, 8)));
  const districts = (await codes(3)).filter((code) => inSample.has(code));
  const regencies = [...new Set(districts.map((code) => code.slice(0, 5)))];
  return { villages, districts, regencies, months: monthCodes(scale.months) };
}

/**
 * COPY in one transaction, month by month. Synthetic rows, not user writes: the row triggers (the
 * audit trail and the foreign-key checks; every code comes from the area and indicator tables) are
 * off for this session, and the two observation indexes are dropped before and rebuilt after the
 * load, as a bulk load into PostgreSQL is done. Both count in the load time.
 */
export async function loadObservations(database: Database, scale: Scale): Promise<LoadResult> {
  const { villages, districts, regencies, months } = await chooseAreas(database, scale);
  const rowsPerChunk = database.engine === 'pglite' ? 200_000 : 50_000;
  let copyMs = 0;
  let indexMs = 0;
  await database.bulkTransaction(async (trx, copyIn) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
    await sql`ALTER TABLE observation DROP CONSTRAINT observation_pkey`.execute(trx);
    await sql`DROP INDEX observation_area_period_idx`.execute(trx);
    const copyStart = performance.now();
    await copyIn('observation', OBSERVATION_COLUMNS, villageChunks(villages, months, rowsPerChunk));
    await copyIn('observation', OBSERVATION_COLUMNS, [flowChunk(districts, regencies, months)]);
    copyMs = performance.now() - copyStart;
    const indexStart = performance.now();
    await sql`ALTER TABLE observation ADD CONSTRAINT observation_pkey PRIMARY KEY (province_code, indicator_code, area_code, period, source_kind)`.execute(trx);
    await sql`CREATE INDEX observation_area_period_idx ON observation (area_code, period)`.execute(trx);
    indexMs = performance.now() - indexStart;
  });
  const indexStart = performance.now();
  await sql`ANALYZE observation`.execute(database.db);
  indexMs += performance.now() - indexStart;
  const rows = villages.length * 12 * months.length + districts.length * new Set(months.map((month) => month.slice(0, 4))).size + regencies.length * months.length;
  return { villages, months, rows, copyMs, indexMs };
}
