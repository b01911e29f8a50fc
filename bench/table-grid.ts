// The dashboard grid of issue 5 on its own, without the national load: GET /api/values/table for
// 12 indicators × 12 months, the nation by province (5,472 cells) and Kabupaten Bogor (32.01) by
// kecamatan, through DashboardService.table and through the whole HTTP call (fastify inject), on
// PGlite and (when reachable) PostgreSQL. The rollup cells are synthetic rows written straight into
// indicator_value (aggregated, as a rebuild leaves them) for every province and kab/kota, the
// kecamatan and desa of 32.01 and the nation, 36 months plus their quarters and years, so the index
// holds as many periods per area as the national bench.
// Run: npx tsx bench/table-grid.ts. TABLE_BENCH_DIR (default a new temp folder, removed afterwards),
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; BENCH_POSTGRES=0 skips),
// TABLE_BENCH_DATABASE (the scratch database there, default kembar_bench_table_grid),
// BENCH_RUNS (default 7). Timings only; dashboard.test.ts checks the answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { tableRows } from '../src/common/api/values-table.ts';
import { buildApp } from '../src/server/app.ts';
import { ensureReferenceData } from '../src/server/bootstrap.ts';
import { connect, type Database, type DatabaseTarget } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/support/template.ts';
import { monthCodes, VILLAGE_INDICATORS } from './national/synthetic.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REGENCY = '32.01';
const MONTHS = monthCodes(36);
const PERIODS = [...MONTHS, ...[2022, 2023, 2024].flatMap((year) => [`${year}Q1`, `${year}Q2`, `${year}Q3`, `${year}Q4`, `${year}`])];

async function fillCells(database: Database): Promise<number> {
  await sql`TRUNCATE indicator_value`.execute(database.db);
  // One row per (area, indicator, period): ratios with numerator and denominator, statuses with
  // counts, the rest plain values; a few cells partly example data.
  const { rows } = await sql<{ count: number }>`
    WITH areas AS (
      SELECT code FROM area WHERE retired_at IS NULL AND (level <= 2 OR code LIKE ${`${REGENCY}.%`})
      UNION ALL SELECT 'ID'),
    ins AS (
      INSERT INTO indicator_value (province_code, indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin, as_of)
      SELECT CASE WHEN a.code = 'ID' THEN '00' ELSE left(a.code, 2) END, i.code, a.code, p.period,
             CASE WHEN i.code LIKE '%\_STATUS' THEN NULL WHEN i.code LIKE '%\_PCT' THEN n.num / n.den ELSE n.num END,
             CASE WHEN i.code LIKE '%\_PCT' THEN n.num END,
             CASE WHEN i.code LIKE '%\_PCT' THEN n.den END,
             CASE WHEN i.code LIKE '%\_STATUS' THEN jsonb_build_object('BELUM_PICU', n.r % 7, 'TERPICU', n.r % 5, 'DEKLARASI_SBS', n.r % 3, 'SBS_TERVERIFIKASI', 1) END,
             n.r, CASE WHEN n.r % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN length(a.code) = 13 THEN 'observed' ELSE 'aggregated' END,
             timestamptz '2025-01-01' + make_interval(secs => n.r * 37)
      FROM areas a CROSS JOIN unnest(${[...VILLAGE_INDICATORS]}::text[]) AS i(code) CROSS JOIN unnest(${PERIODS}::text[]) AS p(period)
      CROSS JOIN LATERAL (SELECT (abs(hashtext(a.code || i.code || p.period)) % 900 + 100)::numeric AS num,
                                 (abs(hashtext(p.period || a.code)) % 900 + 1000)::numeric AS den,
                                 CASE WHEN length(a.code) = 13 THEN 1 ELSE abs(hashtext(i.code || a.code)) % 400 + 1 END AS r) AS n
      RETURNING 1)
    SELECT count(*) AS count FROM ins`.execute(database.db);
  await sql`ANALYZE indicator_value`.execute(database.db);
  return rows[0]?.count ?? 0;
}

/**
 * Median wall time and median CPU time (this process plus the PostgreSQL backends serving
 * `database`, read from /proc on Linux) of RUNS calls after two warm-ups. On a machine shared with
 * other work the CPU time moves much less than the wall time.
 */
async function timed(work: () => Promise<unknown>, database: string | undefined): Promise<{ wallMs: number; cpuMs: number | null }> {
  await work();
  await work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const cpuBefore = cpuNanos(database);
    const start = performance.now();
    await work();
    walls.push(performance.now() - start);
    const cpuAfter = cpuNanos(database);
    if (cpuBefore !== null && cpuAfter !== null) cpus.push((cpuAfter - cpuBefore) / 1e6);
  }
  return { wallMs: median(walls), cpuMs: cpus.length === RUNS ? median(cpus) : null };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

/** CPU nanoseconds used so far by this process and the server processes of `database`; null without /proc. */
function cpuNanos(database: string | undefined): number | null {
  const own = process.cpuUsage();
  let total = (own.user + own.system) * 1000;
  if (database === undefined) return total;
  if (!fs.existsSync('/proc/self/schedstat')) return null;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (command.startsWith('postgres: ') && command.includes(` ${database} `)) total += Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function benchEngine(target: DatabaseTarget): Promise<void> {
  const database = await connect(target);
  try {
    await migrateToLatest(database.db);
    await ensureReferenceData(database, () => undefined);
    const cells = await fillCells(database);
    // The service call, and the whole HTTP call users make (routing, query validation, serialising the answer).
    const app = await buildApp({ database, version: 'bench' });
    try {
      const grid = { indicators: VILLAGE_INDICATORS.join(','), periods: MONTHS.slice(-12).join(','), by: 'children' as const };
      const url = `/api/values/table?indicators=${grid.indicators}&periods=${grid.periods}&by=children`;
      const http = async (path: string) => {
        const response = await app.inject({ method: 'GET', url: path });
        if (response.statusCode !== 200) throw new Error(response.body);
        return response.body.length;
      };
      const cases = [
        ['nation by province', () => app.services.dashboard.table(grid), () => http(url)],
        [`${REGENCY} by kecamatan`, () => app.services.dashboard.table({ ...grid, area: REGENCY }), () => http(`${url}&area=${REGENCY}`)],
      ] as const;
      const serverDatabase = target.engine === 'postgres' ? new URL(target.url).pathname.slice(1) : undefined;
      for (const [what, service, call] of cases) {
        const rows = tableRows(await service()).length;
        const bytes = await call();
        for (const [how, work] of [['service', service], ['HTTP', call]] as const) {
          const { wallMs, cpuMs } = await timed(work, serverDatabase);
          console.log(`${target.engine}: ${what}, 12 indicators × 12 months, ${how}: median ${wallMs} ms of ${RUNS}${cpuMs === null ? '' : `, CPU ${cpuMs} ms`} (${rows} cells, ${bytes.toLocaleString('en')} bytes; ${cells} cells stored)`);
        }
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

// TABLE_BENCH_KEEP=1 keeps the PGlite folder (TABLE_BENCH_DIR) and the PostgreSQL database for the next run.
const keep = process.env.TABLE_BENCH_KEEP === '1';
const dataDir = process.env.TABLE_BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-table-grid-'));
try {
  await benchEngine({ engine: 'pglite', dataDir });
} finally {
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.BENCH_POSTGRES !== '0') {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = process.env.TABLE_BENCH_DATABASE ?? 'kembar_bench_table_grid';
  if (!keep) await dropDatabase(serverUrl, name);
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`).catch((error: unknown) => {
    if (!keep) throw error; // kept from the last run
  });
  try {
    await benchEngine({ engine: 'postgres', url: withDatabase(serverUrl, name) });
  } finally {
    if (!keep) await dropDatabase(serverUrl, name);
  }
}
