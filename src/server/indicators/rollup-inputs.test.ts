import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, PERIOD_TYPES, periodsBetween, weeksInYear } from '../../common/period.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { systemContext } from '../auth/actor.ts';
import { periodMapFor } from './own-cells.repo.ts';
import { periodDays, periodMapOf } from './rollup-inputs.repo.ts';

const P1 = 'STBM.DS.P1_AKSES_PCT';

describe.each(testEngines())('live rollup inputs on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
  });
  afterAll(() => context.dispose());

  it('reads the days of every form of period code in SQL exactly as common/period.ts does', async () => {
    const codes = [
      ...periodsBetween('daily', '2019-12-25', '2021-01-10'),
      ...periodsBetween('daily', '2024-02-26', '2024-03-02'),
      ...[2019, 2020, 2021, 2025, 2026, 2027].flatMap((year) => Array.from({ length: weeksInYear(year) }, (_, index) => `${year}W${index + 1}`)),
      '2021W01',
      '2026W09',
      ...(['monthly', 'quarterly', 'sixmonthly', 'yearly'] as const).flatMap((type) => periodsBetween(type, '2019-01-01', '2027-12-31')),
    ];
    const { rows } = await sql<{ code: string; period_type: number; first_day: string; last_day: string }>`
      SELECT c.code, d.period_type, d.first_day::text AS first_day, d.last_day::text AS last_day
      FROM unnest(${codes}::text[]) AS c(code) CROSS JOIN LATERAL (${periodDays(sql`c.code`)}) d`.execute(context.database.db);
    expect(rows.map(({ code, period_type, first_day, last_day }) => ({ code, type: PERIOD_TYPES[period_type], start: first_day, end: last_day }))).toEqual(
      codes.map((code) => {
        const { type, start, end } = parsePeriod(code);
        return { code, type, start, end };
      }),
    );
  });

  it('pairs observed periods with the targets holding them as the period map of own-cells.repo.ts does', async () => {
    const observed = ['20210330', '20210401', '2021W13', '2021W14', '2021W52', '2020W53', '2021W1', '202103', '202104', '2021Q1', '2021Q2', '2021S1', '2021', '2022W1'];
    const targets = ['202103', '202104', '2021Q1', '2021Q2', '2021S1', '2021S2', '2021', '2021W13', '20210330'];
    const { rows } = await sql<{ period: string; target: string; period_type: number; target_type: number; start: number }>`
      SELECT * FROM (${periodMapOf(sql`SELECT * FROM unnest(${observed}::text[]) AS x(period)`, targets)}) m`.execute(context.database.db);
    const key = (row: { period: string; target: string }) => `${row.period}|${row.target}`;
    const expected = periodMapFor(observed, targets).map((row) => ({ period: row.period, target: row.target, period_type: row.periodType, target_type: row.targetType, start: row.start }));
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('loses no update when writers of villages under the same kecamatan, kabupaten and province save at the same time', async () => {
    const services = context.app.services;
    // Villages of two kecamatan of Sumbawa Barat, one of Lombok Barat (52.01) and one of Aceh (11): every level is shared by some.
    const villages = ['52.07.02.1004', '52.07.02.2001', '52.07.02.2009', '52.07.01.2001', '52.07.01.2002', '52.01.01.1001', '11.01.01.2001'];
    const written = new Map<string, number>();
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(
        villages.map(async (village, index) => {
          const numerator = 10 * round + index;
          await services.observations.save(systemContext('cli'), { areaCode: village, period: '202103', sourceKind: 'routine', values: [{ indicatorCode: P1, numerator, denominator: 100 }] });
          written.set(village, numerator);
        }),
      );
    }
    const total = [...written.values()].reduce((sum, value) => sum + value, 0);
    for (const period of ['202103', '2021Q1', '2021']) {
      const [nation] = (await services.values.values({ indicator: P1, period, by: 'self' })).items;
      expect(nation, period).toMatchObject({ numerator: total, denominator: 100 * villages.length, reporting: villages.length });
    }
    const [ksb] = (await services.values.values({ indicator: P1, area: '52.07', period: '202103', by: 'self' })).items;
    expect(ksb?.numerator).toBe(['52.07.02.1004', '52.07.02.2001', '52.07.02.2009', '52.07.01.2001', '52.07.01.2002'].reduce((sum, village) => sum + (written.get(village) ?? 0), 0));
    // Every stored cell is what a rebuild from the observations makes of them.
    const cells = async () =>
      (await sql<Record<string, unknown>>`SELECT indicator_code, area_code, period, numerator::text, denominator::text, reporting FROM indicator_value ORDER BY 1, 2, 3`.execute(context.database.db)).rows;
    const live = await cells();
    await services.indicators.rebuildRollups();
    expect(await cells()).toEqual(live);
  });
});
