// `npm run bench`: first-start time (migrations + all 91,599 areas) and area API latency, on PGlite
// and, when a server is reachable, on PostgreSQL; then the national rollup benchmark of issue 5
// (bench/national/, ≈36 M observations; see bench/README.md). Timings live here, never in tests.
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a scratch
// database kembar_bench is created and dropped there. Set BENCH_POSTGRES=0 to skip it.
// BENCH_ONLY=first-start or BENCH_ONLY=national runs one part.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readAreaRelease } from '../src/server/areas/area-source.ts';
import { AreasService } from '../src/server/areas/areas.service.ts';
import { connect, type Database, type DatabaseTarget } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../src/server/paths.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/support/template.ts';
import { systemContext } from '../src/server/auth/actor.ts';
import { ensureReferenceData } from '../src/server/bootstrap.ts';
import { createServices } from '../src/server/services.ts';
import { runNationalBench } from './national/main.ts';

const REQUESTS = 300;
const ROUTES = ['/api/areas/52.07', '/api/areas/32', '/api/areas/52.07.02.2001', '/api/areas?q=taliwang', '/api/areas?q=barat&limit=20'];

interface EngineResult {
  engine: string;
  /** One village value saved (with its rollups) and then read back as the national figure. */
  writeToNational?: { medianMs: number; p95Ms: number; saves: number };
  firstStart: { connectMs: number; migrateMs: number; areasMs: number; totalMs: number };
  reimportMs: number;
  latency: Record<string, { medianMs: number; p95Ms: number }>;
}

async function benchEngine(target: DatabaseTarget): Promise<EngineResult> {
  const t0 = performance.now();
  const database = await connect(target);
  const t1 = performance.now();
  await migrateToLatest(database.db);
  const t2 = performance.now();
  const service = new AreasService(database);
  await service.importRelease(readAreaRelease());
  const t3 = performance.now();
  const reimport = await service.importRelease(readAreaRelease());
  const latency = await measureLatency(database);
  const writeToNational = await measureWriteToNational(database);
  await database.close();
  return {
    engine: target.engine,
    writeToNational,
    firstStart: { connectMs: ms(t1 - t0), migrateMs: ms(t2 - t1), areasMs: ms(t3 - t2), totalMs: ms(t3 - t0) },
    reimportMs: reimport.durationMs,
    latency,
  };
}

/** Sequential requests over real HTTP on loopback, after a warm-up, per route. */
async function measureLatency(database: Database): Promise<EngineResult['latency']> {
  const app = await buildApp({ database, version: PACKAGE_VERSION });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const result: EngineResult['latency'] = {};
  for (const route of ROUTES) {
    for (let i = 0; i < 20; i += 1) await (await fetch(base + route)).arrayBuffer();
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const start = performance.now();
      const response = await fetch(base + route);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${route}: ${response.status}`);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    result[route] = { medianMs: round(samples[Math.floor(samples.length / 2)] ?? 0), p95Ms: round(samples[Math.floor(samples.length * 0.95)] ?? 0) };
  }
  await app.close();
  return result;
}

/**
 * Saves a pillar-1 value for a village (in Taliwang, Sumbawa Barat) through the same service the
 * API uses, then reads the national figure: the time until a write is visible at the top. Small
 * data volume (only these writes exist); the national-scale benchmark is part of issue 5.
 */
async function measureWriteToNational(database: Database): Promise<NonNullable<EngineResult['writeToNational']>> {
  await ensureReferenceData(database, () => undefined);
  const services = createServices(database, 'http://localhost');
  const context = systemContext('cli');
  const samples: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    const start = performance.now();
    await services.observations.save(context, {
      areaCode: '52.07.02.1004',
      period: '202110',
      sourceKind: 'routine',
      values: [{ indicatorCode: 'STBM.DS.P1_AKSES_PCT', numerator: 500 + i, denominator: 1000 }],
    });
    const national = await services.values.values({ indicator: 'STBM.DS.P1_AKSES_PCT', period: '202110', by: 'self' });
    if (national.items[0]?.numerator !== 500 + i) throw new Error('the national figure did not follow the write');
    samples.push(performance.now() - start);
  }
  samples.splice(0, 10); // warm-up
  samples.sort((a, b) => a - b);
  return { medianMs: round(samples[Math.floor(samples.length / 2)] ?? 0), p95Ms: round(samples[Math.floor(samples.length * 0.95)] ?? 0), saves: samples.length };
}

const ms = (value: number) => Math.round(value);
const round = (value: number) => Math.round(value * 100) / 100;

if (process.env.BENCH_ONLY !== 'national') await firstStartBench();
if (process.env.BENCH_ONLY !== 'first-start') await runNationalBench();

async function firstStartBench(): Promise<void> {
  const results: EngineResult[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-bench-'));
  results.push(await benchEngine({ engine: 'pglite', dataDir }));
  fs.rmSync(dataDir, { recursive: true, force: true });

  if (process.env.BENCH_POSTGRES !== '0') {
    const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    try {
      await dropDatabase(serverUrl, 'kembar_bench');
      await adminQuery(serverUrl, 'CREATE DATABASE kembar_bench');
      results.push(await benchEngine({ engine: 'postgres', url: withDatabase(serverUrl, 'kembar_bench') }));
      await dropDatabase(serverUrl, 'kembar_bench');
    } catch (error) {
      console.warn(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  console.log(`Kembar ${PACKAGE_VERSION} on Node ${process.version}, ${os.cpus().length} CPU(s)`);
  for (const result of results) {
    console.log(`\n${result.engine}: first start ${result.firstStart.totalMs} ms (connect ${result.firstStart.connectMs}, migrate ${result.firstStart.migrateMs}, 91,599 areas ${result.firstStart.areasMs}); idempotent re-import ${result.reimportMs} ms`);
    if (result.writeToNational) console.log(`  village write → national figure: median ${result.writeToNational.medianMs} ms  p95 ${result.writeToNational.p95Ms} ms  (${result.writeToNational.saves} saves, incl. rollups)`);
    for (const [route, { medianMs, p95Ms }] of Object.entries(result.latency)) console.log(`  ${route.padEnd(32)} median ${medianMs} ms  p95 ${p95Ms} ms  (${REQUESTS} requests)`);
  }
  const out = path.join(PACKAGE_ROOT, '.tmp', 'bench-results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  console.log(`\nSaved ${path.relative(PACKAGE_ROOT, out)}`);
}
