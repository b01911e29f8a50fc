// The national benchmark of issue 5 on one engine: load ≈36 M synthetic observations, rebuild every
// rollup, then time a village write until it shows in the national figure and the dashboard reads,
// through the same services the HTTP API calls, against a plain GROUP BY over the raw observations.
import { tableRows } from '../../src/common/api/values-table.ts';
import { systemContext } from '../../src/server/auth/actor.ts';
import { ensureReferenceData } from '../../src/server/bootstrap.ts';
import { connect, type DatabaseTarget } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { createServices } from '../../src/server/services.ts';
import { rawNationalByProvince, rawRegencyByDistrict, rawVillageSeries } from './baseline.ts';
import { householdImportRate } from './household.ts';
import { loadObservations, type Scale } from './load.ts';
import { VILLAGE_INDICATORS } from './synthetic.ts';

export interface Timing {
  medianMs: number;
  runs: number;
}

export interface NationalResult {
  engine: string;
  scale: Scale & { rows: number; villagesLoaded: number };
  load: { copyMs: number; indexMs: number; rowsPerSecond: number };
  rebuild: { ms: number; cells: number };
  /** The rebuild again after the household import: survey rows beside the routine ones (irregular village-years). */
  rebuildMixed: { ms: number; cells: number; corrected: number };
  writeToNational: Timing;
  /** A village's SBS verification changes: its derived status is re-derived and counted up to the nation. */
  statusWriteToNational: Timing;
  queries: Record<'nationalByProvince' | 'regencyByDistrict' | 'villageSeries', { service: Timing; raw: Timing; rows: number; what: string }>;
  /** The same dashboard grids through one GET /api/values/table call each (DashboardService). */
  tables: Record<'nationalByProvince' | 'regencyByDistrict', { service: Timing; rows: number; what: string }>;
  household: string;
}

const P1 = 'STBM.DS.P1_AKSES_PCT';
const SBS = 'STBM.DS.SBS_STATUS';
const KK_BABS = 'STBM.DS.KK_BABS';
const ODF_SHARE = 'STBM.DS.DESA_SBS_PCT';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export async function benchNational(target: DatabaseTarget, scale: Scale & { households: number }, log: (message: string) => void): Promise<NationalResult> {
  const database = await connect(target);
  try {
    await migrateToLatest(database.db);
    await ensureReferenceData(database, () => undefined);
    log(`${target.engine}: loading ${scale.villages.toLocaleString('en')} villages × 12 indicators × ${scale.months} months`);
    const loaded = await loadObservations(database, scale);
    log(`${target.engine}: ${loaded.rows.toLocaleString('en')} observations in ${seconds(loaded.copyMs + loaded.indexMs)} (COPY ${seconds(loaded.copyMs)}, indexes ${seconds(loaded.indexMs)})`);
    const services = createServices(database, 'http://localhost');
    const rebuilt = await services.indicators.rebuildRollups();
    log(`${target.engine}: rebuilt ${rebuilt.cells.toLocaleString('en')} rollup cells in ${seconds(rebuilt.durationMs)} (irregular village-years corrected: ${Object.values(rebuilt.corrected).reduce((sum, count) => sum + count, 0).toLocaleString('en')})`);

    const lastMonth = loaded.months.at(-1) ?? '';
    const months = loaded.months.slice(-12);
    const village = loaded.villages.find((code) => code.startsWith('52.07.')) ?? loaded.villages[0] ?? '';
    const regency = busiestRegency(loaded.villages);

    // A village's pillar-1 figure changes; the national figure must move by exactly the change.
    const national = async () => (await services.values.values({ indicator: P1, period: lastMonth, by: 'self' })).items[0]?.numerator ?? 0;
    const villageNow = (await services.values.values({ indicator: P1, area: village, period: lastMonth, by: 'self' })).items[0];
    const base = (await national()) - (villageNow?.numerator ?? 0);
    const denominator = villageNow?.denominator ?? 1000;
    const writeToNational = await timed(RUNS + 3, async (run) => {
      const numerator = (run * 7) % (denominator + 1);
      await services.observations.save(systemContext('cli'), { areaCode: village, period: lastMonth, sourceKind: 'routine', values: [{ indicatorCode: P1, numerator, denominator }] });
      if ((await national()) !== base + numerator) throw new Error('the national figure did not follow the village write');
    });
    log(`${target.engine}: village write → national figure, median ${writeToNational.medianMs} ms`);

    // The same village's SBS status goes from declared to verified and back (no KK left practising
    // open defecation, so verified means SBS): the rules re-derive its status, which is counted up
    // in the same transaction; the nation's count of SBS villages must follow by exactly one.
    const odfNational = async () => (await services.values.values({ indicator: ODF_SHARE, period: lastMonth, by: 'self' })).items[0]?.numerator ?? 0;
    let odfBase = 0;
    const statusWriteToNational = await timed(10, async (run) => {
      const verified = run % 2 === 0;
      const values = [{ indicatorCode: SBS, statusValue: verified ? 'SBS_TERVERIFIKASI' : 'DEKLARASI_SBS' }, { indicatorCode: KK_BABS, value: 0 }];
      await services.observations.save(systemContext('cli'), { areaCode: village, period: lastMonth, sourceKind: 'routine', values });
      const now = await odfNational();
      if (run === 0) odfBase = now - 1;
      else if (now !== odfBase + (verified ? 1 : 0)) throw new Error('the national count of SBS villages did not follow the village status');
    });
    log(`${target.engine}: village status change → national count of SBS villages, median ${statusWriteToNational.medianMs} ms`);

    const byProvince = await services.values.values({ indicator: P1, period: lastMonth, by: 'children' });
    const byDistrict = async () => {
      let rows = 0;
      for (const indicator of VILLAGE_INDICATORS) {
        for (const month of months) rows += (await services.values.values({ indicator, area: regency, period: month, by: 'children' })).items.length;
      }
      return rows;
    };
    const seriesRows = async () => {
      let rows = 0;
      for (const indicator of VILLAGE_INDICATORS) rows += (await services.values.series({ indicator, area: village })).items.length;
      return rows;
    };
    const queries: NationalResult['queries'] = {
      nationalByProvince: {
        what: `${P1}, ${lastMonth}, 38 provinces`,
        rows: byProvince.items.length,
        service: await timed(RUNS, () => services.values.values({ indicator: P1, period: lastMonth, by: 'children' })),
        raw: await timed(RUNS, () => rawNationalByProvince(database, P1, lastMonth)),
      },
      regencyByDistrict: {
        what: `${regency} by kecamatan, 12 indicators × 12 months (144 service calls)`,
        rows: await byDistrict(),
        service: await timed(RUNS, byDistrict),
        raw: await timed(RUNS, () => rawRegencyByDistrict(database, regency, VILLAGE_INDICATORS, months)),
      },
      villageSeries: {
        what: `${village}, all periods of 12 indicators (12 service calls)`,
        rows: await seriesRows(),
        service: await timed(RUNS, seriesRows),
        raw: await timed(RUNS, () => rawVillageSeries(database, village)),
      },
    };
    // The dashboard's grids, 12 indicators × 12 months, each in one table call.
    const grid = { indicators: VILLAGE_INDICATORS.join(','), periods: months.join(','), by: 'children' as const };
    const nationGrid = () => services.dashboard.table(grid);
    const regencyGrid = () => services.dashboard.table({ ...grid, area: regency });
    const tables: NationalResult['tables'] = {
      nationalByProvince: { what: `the nation by province, 12 indicators × ${months.length} months (1 table call)`, rows: tableRows(await nationGrid()).length, service: await timed(RUNS, nationGrid) },
      regencyByDistrict: { what: `${regency} by kecamatan, 12 indicators × ${months.length} months (1 table call)`, rows: tableRows(await regencyGrid()).length, service: await timed(RUNS, regencyGrid) },
    };
    log(`${target.engine}: table calls, nation by province ${tables.nationalByProvince.service.medianMs} ms, ${regency} by kecamatan ${tables.regencyByDistrict.service.medianMs} ms (12 indicators × ${months.length} months)`);
    const household = await householdImportRate(database, scale.households, log);
    const rebuiltMixed = await services.indicators.rebuildRollups();
    const corrected = Object.values(rebuiltMixed.corrected).reduce((sum, count) => sum + count, 0);
    log(`${target.engine}: rebuilt again after the household import in ${seconds(rebuiltMixed.durationMs)} (${corrected.toLocaleString('en')} irregular village-years corrected)`);
    return {
      engine: target.engine,
      scale: { villages: scale.villages, months: scale.months, rows: loaded.rows, villagesLoaded: loaded.villages.length },
      load: { copyMs: Math.round(loaded.copyMs), indexMs: Math.round(loaded.indexMs), rowsPerSecond: Math.round(loaded.rows / ((loaded.copyMs + loaded.indexMs) / 1000)) },
      rebuild: { ms: rebuilt.durationMs, cells: rebuilt.cells },
      rebuildMixed: { ms: rebuiltMixed.durationMs, cells: rebuiltMixed.cells, corrected },
      writeToNational,
      statusWriteToNational,
      queries,
      tables,
      household,
    };
  } finally {
    await database.close();
  }
}

/** Runs `work` `runs` times after one warm-up and reports the median. */
async function timed(runs: number, work: (run: number) => Promise<unknown>): Promise<Timing> {
  await work(0);
  const samples: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const start = performance.now();
    await work(run);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: Math.round((samples[Math.floor(samples.length / 2)] ?? 0) * 10) / 10, runs };
}

/** Kabupaten Bogor (32.01, the research's query) when loaded, else the kab/kota with most villages loaded. */
function busiestRegency(villages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const village of villages) counts.set(village.slice(0, 5), (counts.get(village.slice(0, 5)) ?? 0) + 1);
  if (counts.has('32.01')) return '32.01';
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '32.01';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
