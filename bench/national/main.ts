// Runs the national benchmark on PGlite and, when DATABASE_URL (or BENCH_DATABASE_URL) is set, on
// that PostgreSQL server in a scratch database, then prints the table and saves it.
// Scale: BENCH_VILLAGES (default 83762, all) and BENCH_MONTHS (default 36); BENCH_RUNS (default 7);
// BENCH_HOUSEHOLD_ROWS (default 1,000,000, in proportion when BENCH_VILLAGES is smaller).
// PGlite data folder: BENCH_DATA_DIR (default a new folder in the temp dir), removed afterwards
// unless BENCH_KEEP=1. Needs about 0.5 KB of disk per observation (≈18 GB at full scale, PGlite;
// measured 1.6 GB for 3.45 M observations with their rollups).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminQuery, dropDatabase, withDatabase } from '../../test/support/template.ts';
import { benchNational, type NationalResult } from './national.ts';
import { reportTable, saveReport } from './report.ts';

const FULL = { villages: 83_762, months: 36 };
const BYTES_PER_OBSERVATION = 500;

export async function runNationalBench(): Promise<void> {
  const villages = positive('BENCH_VILLAGES', FULL.villages);
  // 1,000,000 household rows at full scale, in proportion when reduced (at least 10,000).
  const households = positive('BENCH_HOUSEHOLD_ROWS', Math.max(10_000, Math.round((Math.min(villages, FULL.villages) / FULL.villages) * 1_000_000)));
  const scale = { villages, months: positive('BENCH_MONTHS', FULL.months), households };
  const log = (message: string) => console.log(`[national ${new Date().toISOString().slice(11, 19)}] ${message}`);
  const results: NationalResult[] = [];

  const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-bench-national-'));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  warnAboutDisk(dataDir, scale.villages * 12 * scale.months, log);
  try {
    results.push(await benchNational({ engine: 'pglite', dataDir }, scale, log));
  } finally {
    if (process.env.BENCH_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const serverUrl = process.env.DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const name = 'kembar_bench_national';
    await dropDatabase(serverUrl, name);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    try {
      results.push(await benchNational({ engine: 'postgres', url: withDatabase(serverUrl, name) }, scale, log));
    } finally {
      if (process.env.BENCH_KEEP !== '1') await dropDatabase(serverUrl, name);
    }
  } else {
    log('PostgreSQL skipped: set DATABASE_URL to a server to include it (a scratch database kembar_bench_national is created and dropped there)');
  }

  console.log(`\n${reportTable(results)}\n`);
  for (const file of saveReport(results)) console.log(`Saved ${file}`);
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${raw}`);
  return value;
}

function warnAboutDisk(folder: string, observations: number, log: (message: string) => void): void {
  const stats = fs.statfsSync(folder);
  const free = stats.bavail * stats.bsize;
  const needed = observations * BYTES_PER_OBSERVATION;
  const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
  log(`disk: about ${gb(needed)} needed in ${folder}, ${gb(free)} free`);
  if (free < needed) throw new Error(`Not enough disk in ${folder}: about ${gb(needed)} needed, ${gb(free)} free; set BENCH_VILLAGES or BENCH_DATA_DIR`);
}
