import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ancestorCodes } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { valuesSchema } from '../../common/api/values.ts';
import { comparePeriods, contains, parsePeriod, PERIOD_TYPES } from '../../common/period.ts';
import type { z } from 'zod';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { aggregateOverAreas, preferredSource, type Cell } from './rollup-arithmetic.ts';

type Values = z.infer<typeof valuesSchema>;
const P1 = 'STBM.DS.P1_AKSES_PCT';
const KK = 'STBM.DS.KK_TOTAL';
const SBS = 'STBM.DS.SBS_STATUS';
/** A handful of villages in three kecamatan of Kabupaten Sumbawa Barat. */
const VILLAGES = ['52.07.01.2001', '52.07.01.2002', '52.07.02.1004', '52.07.02.2001', '52.07.02.2009', '52.07.08.2001', '52.07.08.2005'];
const MONTHS = Array.from({ length: 12 }, (_, index) => `2021${String(index + 1).padStart(2, '0')}`);
const PERIODS = [...MONTHS, '2021Q1', '2021Q2', '2021Q3', '2021Q4', '2021S1', '2021S2', '2021'];
const SOURCES = ['routine', 'verification'] as const;
/** Sources an import batch writes: entered ones and example (demo) data, which only the demo loader stores. */
const BATCH_SOURCES = [...SOURCES, 'example'] as const;
type BatchSource = (typeof BATCH_SOURCES)[number];
/** A flow (summed over time) collected per kecamatan: children with diarrhoea treated. */
const FLOW = 'HLT.KAB.DIARE_BALITA_LAYAN_PCT';
const DISTRICTS = ['52.07.01', '52.07.02', '52.07.08'];
/** Months, a quarter, weeks inside a month (W10, W14), a week across Mar/Apr (W13) and the year. */
const FLOW_PERIODS = ['202103', '202104', '2021Q2', '2021W10', '2021W13', '2021W14', '2021'];
type Stored = Map<string, Cell & { period: string; sourceKind: BatchSource }>;

describe.each(testEngines())('live rollups on %s', (engine) => {
  let context: TestApp;
  let officer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    officer = await signedInUser(context.app, ['data_officer'], '52.07');
  });
  afterAll(() => context.dispose());

  const save = async (areaCode: string, period: string, sourceKind: string, values: Array<Record<string, unknown>>) => {
    const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode, period, sourceKind, values } });
    expect(response.statusCode, response.body).toBe(200);
  };
  const values = async (query: string) => (await context.app.inject({ method: 'GET', url: `/api/values?${query}` })).json<Values>();

  it('shows a village value in its kecamatan, kabupaten, province and the nation as soon as it is saved', async () => {
    await save('52.07.02.1004', '202110', 'routine', [{ indicatorCode: P1, numerator: 900, denominator: 1000 }]);
    await save('52.07.02.1005', '202110', 'routine', [{ indicatorCode: P1, numerator: 1, denominator: 10 }]);
    const kab = await values(`indicator=${P1}&area=52.07&period=202110&by=children`);
    const taliwang = kab.items.find((item) => item.areaCode === '52.07.02');
    expect(taliwang).toMatchObject({ numerator: 901, denominator: 1010, reporting: 2, expected: 16, origin: 'aggregated' });
    expect(taliwang?.value).toBeCloseTo(0.892, 3);
    expect(taliwang?.coverage).toBeCloseTo(2 / 16);
    for (const area of ['52.07', '52', undefined]) {
      const [row] = (await values(`indicator=${P1}&period=202110${area ? `&area=${area}` : ''}`)).items;
      expect(row, String(area)).toMatchObject({ numerator: 901, denominator: 1010, reporting: 2 });
      expect(row?.asOf).toBeTruthy();
    }
    // October rolls into 2021Q4, 2021S2 and 2021 (a stock: the latest value counts).
    expect((await values(`indicator=${P1}&area=52.07&period=2021`)).items[0]).toMatchObject({ numerator: 901, denominator: 1010 });
    const series = (await context.app.inject({ method: 'GET', url: `/api/values/series?indicator=${P1}&area=52.07.02.1004` })).json<{ items: Array<{ period: string }> }>();
    // Ordered by start date, finer first on the same start.
    expect(series.items.map((item) => item.period)).toEqual(['2021', '2021S2', '202110', '2021Q4']);
  });

  it('keeps every ancestor equal to a from-scratch aggregation after random writes, and the set-based rebuild gives the same cells', async () => {
    const fresh = await createTestApp(engine);
    try {
      const writer = await signedInUser(fresh.app, ['data_officer'], '52.07');
      const put = async (areaCode: string, period: string, sourceKind: string, values: Array<Record<string, unknown>>) => {
        const response = await writer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode, period, sourceKind, values } });
        expect(response.statusCode, response.body).toBe(200);
      };
      const stored: Stored = new Map();
      const remember = (code: string, area: string, period: string, source: BatchSource, cell: Cell) => {
        const key = `${code}|${area}|${period}|${source}`;
        if (cell.value === null && cell.numerator === null && cell.statusValue === null) stored.delete(key);
        else stored.set(key, { ...cell, ...(source === 'example' ? { example: true } : {}), period, sourceKind: source });
      };
      const villageCells = (w: Omit<VillageWrite, 'source'>): Array<[string, Cell]> => {
        const [numerator, denominator] = w.ratio ? [Math.min(...w.ratio), Math.max(...w.ratio)] : [null, null];
        return [
          [KK, { value: w.kk, numerator: null, denominator: null, statusValue: null }],
          [P1, { value: null, numerator, denominator, statusValue: null }],
          [SBS, { value: null, numerator: null, denominator: null, statusValue: w.status }],
        ];
      };

      // Data entry, one village and period at a time.
      for (const w of fc.sample(villageWrite, { numRuns: 40, seed: 2021 })) {
        const cells = villageCells(w);
        await put(w.village, w.period, w.source, cells.map(([indicatorCode, cell]) => ({ indicatorCode, ...cell })));
        for (const [code, cell] of cells) remember(code, w.village, w.period, w.source, cell);
      }
      // A flow per kecamatan over months, quarters, weeks and the year.
      for (const w of fc.sample(flowWrite, { numRuns: 25, seed: 7 })) {
        const [numerator, denominator] = w.ratio ? [Math.min(...w.ratio), Math.max(...w.ratio)] : [null, null];
        await put(w.district, w.period, w.source, [{ indicatorCode: FLOW, numerator, denominator }]);
        remember(FLOW, w.district, w.period, w.source, { value: null, numerator, denominator, statusValue: null });
      }
      // An import: many villages and periods written in one transaction and rolled up in one call,
      // some of them example (demo) data that real entries outrank, and then real entries over examples.
      for (const [runs, seed] of [[30, 99], [20, 5]] as const) {
        const batch = fc.sample(batchVillageWrite, { numRuns: runs, seed });
        await importBatch(fresh.database, fresh.app.services.indicators, batch.flatMap((w) => villageCells(w).map(([code, cell]) => ({ code, area: w.village, period: w.period, source: w.source, cell }))));
        for (const w of batch) for (const [code, cell] of villageCells(w)) remember(code, w.village, w.period, w.source, cell);
      }
      // Example flows per kecamatan, beside the entered ones.
      const flowBatch = fc.sample(exampleFlowWrite, { numRuns: 10, seed: 13 });
      const flowCell = (ratio: [number, number] | null): Cell => ({ value: null, numerator: ratio ? Math.min(...ratio) : null, denominator: ratio ? Math.max(...ratio) : null, statusValue: null });
      await importBatch(fresh.database, fresh.app.services.indicators, flowBatch.map((w) => ({ code: FLOW, area: w.district, period: w.period, source: 'example' as const, cell: flowCell(w.ratio) })));
      for (const w of flowBatch) remember(FLOW, w.district, w.period, 'example', flowCell(w.ratio));

      const catalogue = new Map((await fresh.app.services.indicators.list()).map((indicator) => [indicator.code, indicator]));
      let checked = 0;
      const check = async (code: string, units: readonly string[], periods: readonly string[], reference: (unit: string, period: string) => Cell | null) => {
        const indicator = catalogue.get(code) as Indicator;
        const areas = [...new Set(units.flatMap((unit) => [unit, ...ancestorCodes(unit)])), 'ID'];
        for (const period of periods) {
          for (const area of areas) {
            const unitCells = units.filter((unit) => area === 'ID' || unit === area || unit.startsWith(`${area}.`))
              .map((unit) => reference(unit, period))
              .filter((cell): cell is Cell => cell !== null);
            const expected = aggregateOverAreas(indicator, unitCells);
            const [actual] = (await fresh.app.inject({ method: 'GET', url: `/api/values?indicator=${code}&period=${period}${area === 'ID' ? '' : `&area=${area}`}` })).json<Values>().items;
            const where = `${code} ${area} ${period}`;
            expect(actual?.reporting, where).toBe(expected.reporting);
            // The example flag follows the data: how many reporting units come from example observations.
            expect({ example: actual?.example, exampleReporting: actual?.exampleReporting }, where).toEqual({ example: expected.exampleReporting > 0, exampleReporting: expected.exampleReporting });
            if (expected.reporting > 0) {
              expect({ value: actual?.value, numerator: actual?.numerator, denominator: actual?.denominator, statusCounts: actual?.statusCounts }, where).toEqual({
                value: expected.value,
                numerator: expected.numerator,
                denominator: expected.denominator,
                statusCounts: expected.statusCounts,
              });
            }
            checked += 1;
          }
        }
      };
      for (const code of [KK, P1, SBS]) await check(code, VILLAGES, [...PERIODS, '2021W10', '2021W13'], (village, period) => referenceCell(stored, code, village, period));
      await check(FLOW, DISTRICTS, [...PERIODS, '2021W10', '2021W13', '2021W14'], (district, period) => referenceFlow(stored, district, period));
      expect(checked).toBeGreaterThan(3 * PERIODS.length * VILLAGES.length);
      // The samples exercise the flag: some figures are wholly example, some partly, some real.
      const exampleCounts = await sql<{ whole: number; partly: number; real: number }>`
        SELECT count(*) FILTER (WHERE example_reporting = reporting)::int AS whole, count(*) FILTER (WHERE example_reporting BETWEEN 1 AND reporting - 1)::int AS partly,
               count(*) FILTER (WHERE example_reporting = 0)::int AS real
        FROM indicator_value WHERE reporting > 0`.execute(fresh.database.db);
      expect(exampleCounts.rows[0]?.whole).toBeGreaterThan(0);
      expect(exampleCounts.rows[0]?.partly).toBeGreaterThan(0);
      expect(exampleCounts.rows[0]?.real).toBeGreaterThan(0);

      // The set-based rebuild recomputes exactly the cells the live updates left, derived statuses included.
      const live = await allCells(fresh.database);
      expect(live.length).toBeGreaterThan(500);
      const rebuilt = await fresh.app.services.indicators.rebuildRollups();
      expect(rebuilt.cells).toBe(live.length);
      // Mixed sources and periods: the rebuild corrected the irregular village-years, not only summed months.
      expect(Object.keys(rebuilt.corrected)).toEqual(expect.arrayContaining([KK, P1, SBS]));
      expect(await allCells(fresh.database)).toEqual(live);
    } finally {
      await fresh.dispose();
    }
  }, 300_000); // hundreds of writes and reads; slow on a loaded CI machine, not a timing assertion

  it('rebuilds routine monthly reporting (one source, one period type, villages skipping months) from the monthly sums alone, to the same cells', async () => {
    const fresh = await createTestApp(engine);
    try {
      const stored: Stored = new Map();
      const monthly = fc.sample(fc.record({ village: fc.constantFrom(...VILLAGES), period: fc.constantFrom(...MONTHS), kk: fc.nat(2000), ratio: fc.tuple(fc.nat(1000), fc.nat(1000)), status: fc.constantFrom('TERPICU', 'SBS_TERVERIFIKASI') }), { numRuns: 60, seed: 42 });
      const rows = monthly.flatMap((w) => [
        { code: KK, area: w.village, period: w.period, source: 'routine' as const, cell: { value: w.kk, numerator: null, denominator: null, statusValue: null } },
        { code: P1, area: w.village, period: w.period, source: 'routine' as const, cell: { value: null, numerator: Math.min(...w.ratio), denominator: Math.max(...w.ratio), statusValue: null } },
        { code: SBS, area: w.village, period: w.period, source: 'routine' as const, cell: { value: null, numerator: null, denominator: null, statusValue: w.status } },
      ]);
      await importBatch(fresh.database, fresh.app.services.indicators, rows);
      for (const row of rows) stored.set(`${row.code}|${row.area}|${row.period}|${row.source}`, { ...row.cell, period: row.period, sourceKind: row.source });
      const live = await allCells(fresh.database);
      expect(live.length).toBeGreaterThan(100);
      // One row a month per village: the monthly sums alone give every cell of these three (only
      // statuses the rules derived for whole years, if any, are corrected).
      const { corrected } = await fresh.app.services.indicators.rebuildRollups();
      expect([KK, P1, SBS].filter((code) => code in corrected)).toEqual([]);
      expect(await allCells(fresh.database)).toEqual(live);
      const catalogue = new Map((await fresh.app.services.indicators.list()).map((indicator) => [indicator.code, indicator]));
      for (const code of [KK, P1, SBS]) {
        for (const area of ['52.07.02', '52.07', 'ID']) {
          for (const period of ['202103', '2021Q1', '2021S2', '2021']) {
            const units = VILLAGES.filter((village) => area === 'ID' || village.startsWith(`${area}.`));
            const expected = aggregateOverAreas(catalogue.get(code) as Indicator, units.map((unit) => referenceCell(stored, code, unit, period)).filter((cell): cell is Cell => cell !== null));
            const [actual] = (await fresh.app.inject({ method: 'GET', url: `/api/values?indicator=${code}&period=${period}${area === 'ID' ? '' : `&area=${area}`}` })).json<Values>().items;
            expect({ reporting: actual?.reporting, value: actual?.value, numerator: actual?.numerator, statusCounts: actual?.statusCounts }, `${code} ${area} ${period}`).toEqual({
              reporting: expected.reporting,
              value: expected.reporting > 0 ? expected.value : null,
              numerator: expected.reporting > 0 ? expected.numerator : null,
              statusCounts: expected.reporting > 0 ? expected.statusCounts : null,
            });
          }
        }
      }
    } finally {
      await fresh.dispose();
    }
  }, 300_000);

  it('rebuilds a kecamatan where every village reports from its sums alone, and one with a gap or a second source village by village, to the same cells', async () => {
    const fresh = await createTestApp(engine);
    try {
      // The smallest kecamatan of Sumbawa Barat, every one of its villages (real codes from the area table).
      const { rows: smallest } = await sql<{ district: string }>`
        SELECT left(code, 8) AS district FROM area WHERE level = 4 AND code LIKE '52.07.%' GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`.execute(fresh.database.db);
      const district = smallest[0]?.district ?? '';
      const villages = (await sql<{ code: string }>`SELECT code FROM area WHERE level = 4 AND left(code, 8) = ${district} ORDER BY code`.execute(fresh.database.db)).rows.map((row) => row.code);
      expect(villages.length).toBeGreaterThan(1);
      // Half a year (so the year's latest month is June, not December), every village every month;
      // then P1 with one village skipping June, SBS with a second source in March.
      const half = MONTHS.slice(0, 6);
      const rows = villages.flatMap((village, index) => half.flatMap((period, month) => [
        { code: KK, area: village, period, source: 'routine' as const, cell: { value: 100 + index * 7 + month, numerator: null, denominator: null, statusValue: null } },
        ...(index === 0 && period === '202106' ? [] : [{ code: P1, area: village, period, source: 'routine' as const, cell: { value: null, numerator: 10 + index + month, denominator: 50 + index, statusValue: null } }]),
        { code: SBS, area: village, period, source: 'routine' as const, cell: { value: null, numerator: null, denominator: null, statusValue: month < 3 ? 'TERPICU' : 'SBS_TERVERIFIKASI' } },
        ...(index === 1 && period === '202103' ? [{ code: SBS, area: village, period, source: 'verification' as const, cell: { value: null, numerator: null, denominator: null, statusValue: 'SBS_TERVERIFIKASI' } }] : []),
      ]));
      await importBatch(fresh.database, fresh.app.services.indicators, rows);
      const stored: Stored = new Map(rows.map((row) => [`${row.code}|${row.area}|${row.period}|${row.source}`, { ...row.cell, period: row.period, sourceKind: row.source }]));
      const live = await allCells(fresh.database);
      const rebuilt = await fresh.app.services.indicators.rebuildRollups();
      expect(await allCells(fresh.database)).toEqual(live);
      // KK came from the sums alone; P1 (June skipped) and SBS (two sources in March) were read per village, SBS corrected.
      expect({ kk: rebuilt.perVillage[KK], p1: rebuilt.perVillage[P1], sbs: rebuilt.perVillage[SBS], kkCorrected: rebuilt.corrected[KK], sbsCorrected: rebuilt.corrected[SBS] })
        .toEqual({ kk: undefined, p1: 1, sbs: 1, kkCorrected: undefined, sbsCorrected: 1 });
      const catalogue = new Map((await fresh.app.services.indicators.list()).map((indicator) => [indicator.code, indicator]));
      for (const code of [KK, P1, SBS]) {
        for (const area of [district, '52.07', 'ID']) {
          for (const period of ['202103', '202106', '2021Q1', '2021Q2', '2021S1', '2021']) {
            const expected = aggregateOverAreas(catalogue.get(code) as Indicator, villages.map((unit) => referenceCell(stored, code, unit, period)).filter((cell): cell is Cell => cell !== null));
            const [actual] = (await fresh.app.inject({ method: 'GET', url: `/api/values?indicator=${code}&period=${period}${area === 'ID' ? '' : `&area=${area}`}` })).json<Values>().items;
            expect({ reporting: actual?.reporting, value: actual?.value, numerator: actual?.numerator, statusCounts: actual?.statusCounts }, `${code} ${area} ${period}`).toEqual({
              reporting: expected.reporting,
              value: expected.value,
              numerator: expected.numerator,
              statusCounts: expected.statusCounts,
            });
          }
        }
      }
    } finally {
      await fresh.dispose();
    }
  }, 300_000);
});

interface VillageWrite {
  village: string;
  period: string;
  source: (typeof SOURCES)[number];
  kk: number | null;
  ratio: [number, number] | null;
  status: string | null;
}

const villageWrite: fc.Arbitrary<VillageWrite> = fc.record({
  village: fc.constantFrom(...VILLAGES),
  period: fc.constantFrom(...MONTHS, '2021Q2', '2021'),
  source: fc.constantFrom(...SOURCES),
  kk: fc.option(fc.nat(2000), { nil: null, freq: 4 }),
  ratio: fc.option(fc.tuple(fc.nat(1000), fc.nat(1000)), { nil: null, freq: 4 }),
  status: fc.option(fc.constantFrom('TERPICU', 'SBS_TERVERIFIKASI'), { nil: null, freq: 4 }),
});

/** A village write of an import batch, example (demo) data included. */
const batchVillageWrite: fc.Arbitrary<Omit<VillageWrite, 'source'> & { source: BatchSource }> = fc.record({
  village: fc.constantFrom(...VILLAGES),
  // Weeks too (2021W13 straddles March and April): a week makes a village-year irregular for the rebuild.
  period: fc.constantFrom(...MONTHS, '2021Q2', '2021', '2021W10', '2021W13'),
  source: fc.constantFrom(...BATCH_SOURCES),
  kk: fc.option(fc.nat(2000), { nil: null, freq: 4 }),
  ratio: fc.option(fc.tuple(fc.nat(1000), fc.nat(1000)), { nil: null, freq: 4 }),
  status: fc.option(fc.constantFrom('TERPICU', 'SBS_TERVERIFIKASI'), { nil: null, freq: 4 }),
});

const exampleFlowWrite = fc.record({
  district: fc.constantFrom(...DISTRICTS),
  period: fc.constantFrom(...FLOW_PERIODS),
  ratio: fc.option(fc.tuple(fc.nat(300), fc.nat(300)), { nil: null, freq: 5 }),
});

const flowWrite = fc.record({
  district: fc.constantFrom(...DISTRICTS),
  period: fc.constantFrom(...FLOW_PERIODS),
  source: fc.constantFrom(...SOURCES),
  ratio: fc.option(fc.tuple(fc.nat(300), fc.nat(300)), { nil: null, freq: 5 }),
});

/** Writes the cells the way an import (or the demo loader) does: one transaction, one rollUp call for all of them. */
async function importBatch(database: Database, service: IndicatorsService, rows: Array<{ code: string; area: string; period: string; source: BatchSource; cell: Cell }>) {
  const known = new Map((await service.listByCodes([KK, P1, SBS, FLOW])).map((indicator) => [indicator.code, indicator]));
  await inActorTransaction(database.db, systemContext('cli'), async (trx) => {
    for (const { code, area, period, source, cell } of rows) {
      const key = sql`province_code = ${area.slice(0, 2)} AND indicator_code = ${code} AND area_code = ${area} AND period = ${period} AND source_kind = ${source}`;
      await sql`DELETE FROM observation WHERE ${key}`.execute(trx);
      if (cell.value === null && cell.numerator === null && cell.statusValue === null) continue;
      await sql`INSERT INTO observation (province_code, indicator_code, area_code, period, source_kind, value, numerator, denominator, status_value)
                VALUES (${area.slice(0, 2)}, ${code}, ${area}, ${period}, ${source}, ${cell.value}, ${cell.numerator}, ${cell.denominator}, ${cell.statusValue})`.execute(trx);
    }
    const cells = [...new Map(rows.map(({ code, area, period }) => [`${code}|${area}|${period}`, { indicatorCode: code, areaCode: area, period }])).values()];
    expect(await service.rollUp(trx, known, cells)).toBeGreaterThan(cells.length);
  });
}

/** Every stored rollup cell, comparable across runs (no as_of; numbers as JavaScript reads them). */
async function allCells(database: Database) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT indicator_code, area_code, period, value, numerator, denominator, status_counts, reporting, example_reporting, origin
    FROM indicator_value ORDER BY indicator_code, area_code, period`.execute(database.db);
  return rows.map((row) => ({ ...row, value: asNumber(row.value), numerator: asNumber(row.numerator), denominator: asNumber(row.denominator) }));
}

function asNumber(value: unknown): number | null {
  return value === null ? null : Number(value);
}

/**
 * A kecamatan's flow for a period, straight from what was written: the preferred source of the exact
 * period, else the sum over the finest kind of contained period (each its preferred source).
 */
function referenceFlow(stored: Stored, district: string, period: string): Cell | null {
  const mine = [...stored.entries()].filter(([key]) => key.startsWith(`${FLOW}|${district}|`)).map(([, cell]) => cell);
  const exact = preferredSource(mine.filter((cell) => cell.period === period));
  if (exact) return exact;
  const inside = [...new Set(mine.filter((cell) => contains(period, cell.period)).map((cell) => cell.period))];
  if (inside.length === 0) return null;
  const rank = (code: string) => PERIOD_TYPES.indexOf(parsePeriod(code).type);
  const finest = Math.min(...inside.map(rank));
  const chosen = inside.filter((code) => rank(code) === finest).map((code) => preferredSource(mine.filter((cell) => cell.period === code)) as Cell);
  const total = (pick: (cell: Cell) => number | null) => chosen.reduce((sum, cell) => sum + (pick(cell) ?? 0), 0);
  const example = chosen.some((cell) => cell.example === true);
  return { value: null, numerator: total((cell) => cell.numerator), denominator: total((cell) => cell.denominator), statusValue: null, ...(example ? { example } : {}) };
}

/**
 * The village's value for a period, straight from what was written: the preferred source of the
 * exact period, else the latest contained period's preferred source (all three indicators are stocks).
 */
function referenceCell(stored: Stored, code: string, village: string, period: string): Cell | null {
  const mine = [...stored.entries()].filter(([key]) => key.startsWith(`${code}|${village}|`)).map(([, cell]) => cell);
  const exact = preferredSource(mine.filter((cell) => cell.period === period));
  if (exact) return exact;
  const inside = mine.filter((cell) => cell.period !== period && contains(period, cell.period));
  const latestPeriod = [...new Set(inside.map((cell) => cell.period))].sort(comparePeriods).at(-1);
  return latestPeriod ? preferredSource(inside.filter((cell) => cell.period === latestPeriod)) : null;
}
