// The baseline: the same dashboard questions answered by a plain GROUP BY over the raw observations
// (no rollup table, no source precedence, no time rollups), as the database benchmark in
// research/db-bench.md asked them.
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/connect.ts';

export async function rawNationalByProvince(database: Database, indicatorCode: string, period: string): Promise<number> {
  const { rows } = await sql`
    SELECT a.code, a.name, t.num, t.den, t.num / nullif(t.den, 0) AS ratio
    FROM (SELECT province_code, sum(numerator) AS num, sum(denominator) AS den
          FROM observation WHERE indicator_code = ${indicatorCode} AND period = ${period} AND length(area_code) = 13
          GROUP BY province_code) t
    JOIN area a ON a.code = t.province_code ORDER BY a.code`.execute(database.db);
  return rows.length;
}

export async function rawRegencyByDistrict(database: Database, regency: string, indicatorCodes: readonly string[], periods: readonly string[]): Promise<number> {
  const { rows } = await sql`
    SELECT t.district, a.name, t.indicator_code, t.period, t.num / nullif(t.den, 0) AS ratio, t.total
    FROM (SELECT left(area_code, 8) AS district, indicator_code, period, sum(numerator) AS num, sum(denominator) AS den, sum(value) AS total
          FROM observation
          WHERE area_code >= ${`${regency}.`} AND area_code < ${`${regency}/`} AND length(area_code) = 13
            AND indicator_code = ANY(${[...indicatorCodes]}::text[]) AND period = ANY(${[...periods]}::text[])
          GROUP BY 1, 2, 3) t
    JOIN area a ON a.code = t.district ORDER BY 1, 3, 4`.execute(database.db);
  return rows.length;
}

export async function rawVillageSeries(database: Database, village: string): Promise<number> {
  const { rows } = await sql`
    SELECT indicator_code, period, source_kind, value, numerator, denominator, status_value
    FROM observation WHERE province_code = ${village.slice(0, 2)} AND area_code = ${village} ORDER BY indicator_code, period`.execute(database.db);
  return rows.length;
}
