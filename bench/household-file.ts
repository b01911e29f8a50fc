// Household (KK) survey import benchmark: generates a household CSV in the reference
// implementation's columns (research §3.1) for the villages of one province, EXAMPLE DATA only
// (family-card numbers use the non-existent kecamatan code 99), and times `kembar import` of it
// through the same import service as the API: parse, hash, check, store the households, aggregate
// them into village observations and update the live rollups, all in one transaction.
//
// Standalone: `npx tsx bench/household-file.ts [rows]` (default 100000) on a fresh PGlite folder
// (BENCH_DATA_DIR, default /tmp/imports-bench-<pid>, removed afterwards), or on PostgreSQL when
// BENCH_DATABASE_URL is set. The national benchmark calls benchHouseholdImport() on its database.
import fs from 'node:fs';
import { readAreaRelease } from '../src/server/areas/area-source.ts';
import { systemContext } from '../src/server/auth/actor.ts';
import { ensureReferenceData } from '../src/server/bootstrap.ts';
import { connect, type Database } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createServices } from '../src/server/services.ts';

export interface HouseholdBenchResult {
  rows: number;
  villages: number;
  bytes: number;
  generateSeconds: number;
  importSeconds: number;
  rowsPerSecond: number;
  status: string;
}

/** The current villages of a province (Kemendagri codes from idn-area-data). */
export function villagesOfProvince(province: string): string[] {
  return readAreaRelease().areas.filter((area) => area.code.length === 13 && area.code.startsWith(`${province}.`)).map((area) => area.code);
}

/** A household survey CSV of `rows` households spread over `villages`, deterministic (seeded). */
export function householdCsv(rows: number, villages: readonly string[], seed = 1): Buffer {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const lines: string[] = ['No KK,Nama Kepala Keluarga,Kode Desa,RT,RW,Jumlah Jiwa,Pilar 1,Pilar 2,Pilar 3,Pilar 4,Pilar 5,Status,Petugas,Tanggal'];
  const categories = ['JSP', 'JSP', 'JSP', 'JSSP', 'SHARING', 'BABS'];
  const answer = (share: number) => (random() < share ? 'layak' : 'tidak layak');
  for (let index = 0; index < rows; index += 1) {
    const village = villages[index % villages.length] ?? '';
    const kk = `${village.slice(0, 2)}${village.slice(3, 5)}99${String(index).padStart(10, '0')}`;
    const day = String(1 + (index % 28)).padStart(2, '0');
    lines.push(`${kk},Contoh ${index},${village},${1 + (index % 12)},${1 + (index % 5)},${2 + (index % 6)},${categories[Math.floor(random() * 6)]},${answer(0.85)},${answer(0.9)},${answer(0.7)},${answer(0.65)},selesai,Petugas Contoh,${day}/08/2024`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Imports a generated household file of `rows` rows into `database` (migrated, with areas and catalogue) and times it. */
export async function benchHouseholdImport(database: Database, options: { rows: number; province?: string }, log: (message: string) => void = () => undefined): Promise<HouseholdBenchResult> {
  const villages = villagesOfProvince(options.province ?? '52');
  const generated = performance.now();
  const bytes = householdCsv(options.rows, villages);
  const generateSeconds = (performance.now() - generated) / 1000;
  log(`household file: ${options.rows} rows over ${villages.length} villages, ${(bytes.length / 1e6).toFixed(1)} MB, generated in ${generateSeconds.toFixed(1)} s`);
  const services = createServices(database, 'http://localhost');
  const started = performance.now();
  let lastLog = started;
  const job = await services.imports.run(systemContext('cli'), { bytes, fileName: 'bench-households.csv' }, { format: 'household', dryRun: false }, (processed, total) => {
    if (performance.now() - lastLog < 5_000) return;
    lastLog = performance.now();
    log(`  ${processed}/${total} rows read`);
  });
  const importSeconds = (performance.now() - started) / 1000;
  if (job.status !== 'succeeded') log(`household import failed: ${JSON.stringify(job.errors.slice(0, 3))}`);
  return { rows: options.rows, villages: villages.length, bytes: bytes.length, generateSeconds, importSeconds, rowsPerSecond: options.rows / importSeconds, status: job.status };
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const log = (message: string) => console.log(`[household ${new Date().toISOString().slice(11, 19)}] ${message}`);
  const url = process.env.BENCH_DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR ?? `/tmp/imports-bench-${process.pid}`;
  const database = await connect(url ? { engine: 'postgres', url } : { engine: 'pglite', dataDir });
  try {
    await migrateToLatest(database.db);
    await ensureReferenceData(database, (message) => log(message));
    for (const run of [1, 2]) {
      const result = await benchHouseholdImport(database, { rows }, log);
      // The second run replaces the same households: the re-import path.
      log(`run ${run} (${run === 1 ? 'new households' : 'same households again'}): ${result.status}, ${result.importSeconds.toFixed(1)} s, ${Math.round(result.rowsPerSecond)} rows/s on ${database.engine}`);
    }
  } finally {
    await database.close();
    if (!url && !process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) await main();
