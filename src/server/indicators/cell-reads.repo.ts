import { sql, type Kysely } from 'kysely';
import { areaLevel, descendantRange } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { NATION, provinceOf, type RollupCell } from './indicator-values.repo.ts';
import { observedPeriodsOf, ownCellsOf, type OwnCell } from './own-cells.repo.ts';
import { COLLECTION_DEPTH } from './rollup-arithmetic.ts';

/**
 * Reading an indicator's cells for any area, the one place that knows where they live: above the
 * indicator's collection level they are stored rollups (indicator_value), at the collection level
 * they are computed from the observations (own-cells.repo.ts), below it there are none.
 */

/** A cell as readers get it, stored or computed (its indicator is the one asked for). */
export type ReadCell = Omit<RollupCell, 'indicatorCode'>;

type Where = 'stored' | 'own' | 'none';

/** Where the cells of an area live for an indicator. */
export function cellPlace(indicator: Pick<Indicator, 'collectionLevel'>, areaCode: string): Where {
  const depth = areaCode === NATION.areaCode ? 0 : areaLevel(areaCode);
  const collection = COLLECTION_DEPTH[indicator.collectionLevel];
  return depth < collection ? 'stored' : depth === collection ? 'own' : 'none';
}

/** The cells with data of one indicator and period for the given areas. */
export async function readCells(db: Kysely<Schema>, indicator: Indicator, period: string, areaCodes: readonly string[]): Promise<ReadCell[]> {
  const stored = areaCodes.filter((code) => cellPlace(indicator, code) === 'stored');
  const own = areaCodes.filter((code) => cellPlace(indicator, code) === 'own');
  // One primary-key lookup per area: province and area as separate IN lists would make the index
  // try every province × area pair (38 × 38 for the nation's provinces).
  const storedRows =
    stored.length === 0
      ? []
      : (
          await sql<StoredRow>`
            SELECT v.* FROM unnest(${stored.map(provinceOf)}::text[], ${stored}::text[]) AS t(province_code, area_code)
            JOIN LATERAL (SELECT * FROM indicator_value v
                          WHERE v.province_code = t.province_code AND v.indicator_code = ${indicator.code} AND v.area_code = t.area_code
                            AND v.period = ${period} AND v.reporting > 0 OFFSET 0) AS v ON true`.execute(db)
        ).rows;
  return [...storedRows.map(fromStored), ...(await ownCellsOf(db, { indicatorCodes: [indicator.code], areaCodes: own, periods: [period] })).map(fromOwn)];
}

/** What one series read finds: the indicator and the area (undefined when unknown), the area release, and the area's cells. */
export interface SeriesRead {
  indicator: Pick<Indicator, 'code' | 'collectionLevel'> | undefined;
  area: { code: string; name: string } | undefined;
  /** area_source.applied_at as ISO text ('none' before any areas import): keys the cached unit counts (dashboard.repo.ts). */
  release: string;
  cells: ReadCell[];
}

/**
 * Every period with data of one area's cells for an indicator, with what the series call needs to
 * answer around them, in as few statements as the place of the cells allows: ONE statement reads
 * the indicator, the area's name, the area release, the area's stored cells and the periods it has
 * observations in (each an index lookup, so reading the one the place does not use costs little);
 * cells at the collection level then take one more statement (ownCellsOf), whose period map pairs
 * the observed periods with the periods they roll into (the calendar of weeks lives in period.ts).
 * The result comes back as one JSON value: PGlite decodes every returned row in JavaScript.
 */
export async function readAreaSeries(db: Kysely<Schema>, indicatorCode: string, areaCode: string): Promise<SeriesRead> {
  const nation = areaCode === NATION.areaCode;
  const { rows } = await sql<{ read: string }>`
    SELECT json_build_array(
      (SELECT json_build_array(i.code, i.collection_level) FROM indicator i WHERE i.code = ${indicatorCode}),
      ${nation ? sql`'Indonesia'` : sql`(SELECT a.name FROM area a WHERE a.code = ${areaCode})`},
      (SELECT s.applied_at::text FROM area_source s),
      (SELECT json_agg(json_build_array(v.period, v.value, v.numerator, v.denominator, v.status_counts, v.reporting, v.example_reporting, v.origin, v.as_of::text))
       FROM indicator_value v
       WHERE v.province_code = ${provinceOf(areaCode)} AND v.indicator_code = ${indicatorCode} AND v.area_code = ${areaCode} AND v.reporting > 0),
      (SELECT json_agg(DISTINCT o.period) FROM observation o
       WHERE o.province_code = ${areaCode.slice(0, 2)} AND o.indicator_code = ${indicatorCode} AND o.area_code = ${areaCode} AND o.status <> 'draft')
    )::text AS read`.execute(db);
  const [indicatorRow, name, release, stored, observed] = JSON.parse(rows[0]?.read ?? '[]') as [
    [string, Indicator['collectionLevel']] | null,
    string | null,
    string | null,
    StoredTuple[] | null,
    string[] | null,
  ];
  const indicator = indicatorRow === null ? undefined : { code: indicatorRow[0], collectionLevel: indicatorRow[1] };
  const area = name === null ? undefined : { code: areaCode, name };
  const read = { indicator, area, release: release === null ? 'none' : new Date(release).toISOString() };
  if (!indicator || !area) return { ...read, cells: [] };
  switch (cellPlace(indicator, areaCode)) {
    case 'stored':
      return { ...read, cells: (stored ?? []).map(fromStoredTuple(areaCode)) };
    case 'own': {
      const periods = [...new Set((observed ?? []).flatMap((period) => [period, ...rollupTargets(period)]))];
      return { ...read, cells: (await ownCellsOf(db, { indicatorCodes: [indicator.code], areaCodes: [areaCode], periods, observed: observed ?? [] })).map(fromOwn) };
    }
    case 'none':
      return { ...read, cells: [] };
  }
}

/** period, value, numerator, denominator, status_counts, reporting, example_reporting, origin, as_of (text in the session's ISO DateStyle). */
type StoredTuple = [string, number | null, number | null, number | null, Record<string, number> | null, number, number, 'observed' | 'aggregated', string];

function fromStoredTuple(areaCode: string): (tuple: StoredTuple) => ReadCell {
  return ([period, value, numerator, denominator, statusCounts, reporting, exampleReporting, origin, asOf]) => ({
    areaCode,
    period,
    value,
    numerator,
    denominator,
    statusCounts,
    reporting,
    exampleReporting,
    origin,
    asOf: new Date(asOf),
  });
}

/** The periods for which an area has a value of the indicator. */
export async function readPeriodsWithData(db: Kysely<Schema>, indicator: Indicator, areaCode: string): Promise<string[]> {
  switch (cellPlace(indicator, areaCode)) {
    case 'stored': {
      const rows = await db
        .selectFrom('indicator_value')
        .select('period')
        .where('province_code', '=', provinceOf(areaCode))
        .where('indicator_code', '=', indicator.code)
        .where('area_code', '=', areaCode)
        .where('reporting', '>', 0)
        .execute();
      return rows.map((row) => row.period);
    }
    case 'own':
      return ownPeriods(db, indicator, areaCode);
    case 'none':
      return [];
  }
}

/**
 * One page of the villages under an area (all of Indonesia for the nation), ordered by code, each
 * with its cell of one indicator and period when it has one. Reads the `area` reference table by
 * code range, then the page's own cells, so a page costs the same in a kecamatan and in the whole
 * country. For village indicators only (the caller checks).
 */
export async function readVillagePage(
  db: Kysely<Schema>,
  indicator: Indicator,
  query: { areaCode: string; period: string; limit: number; offset: number },
): Promise<Array<{ code: string; name: string; cell: ReadCell | undefined }>> {
  let villages = db.selectFrom('area').select(['code', 'name']).where('level', '=', 4).where('retired_at', 'is', null);
  if (query.areaCode !== NATION.areaCode) {
    const range = descendantRange(query.areaCode);
    villages = villages.where('code', '>=', range.low).where('code', '<', range.high);
  }
  const page = await villages.orderBy('code').limit(query.limit).offset(query.offset).execute();
  const cells = new Map((await readCells(db, indicator, query.period, page.map((village) => village.code))).map((cell) => [cell.areaCode, cell]));
  return page.map((village) => ({ ...village, cell: cells.get(village.code) }));
}

/** An area's observed periods and every coarser period they roll into. */
async function ownPeriods(db: Kysely<Schema>, indicator: Indicator, areaCode: string): Promise<string[]> {
  const observed = await observedPeriodsOf(db, indicator.code, areaCode);
  return [...new Set(observed.flatMap((period) => [period, ...rollupTargets(period)]))];
}

type StoredRow = { area_code: string; period: string; value: string | null; numerator: string | null; denominator: string | null; status_counts: Record<string, number> | null; reporting: number; example_reporting: number; origin: 'observed' | 'aggregated'; as_of: Date };

function fromStored(row: StoredRow): ReadCell {
  return {
    areaCode: row.area_code,
    period: row.period,
    value: num(row.value),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    statusCounts: row.status_counts,
    reporting: row.reporting,
    exampleReporting: row.example_reporting,
    origin: row.origin,
    asOf: row.as_of,
  };
}

function fromOwn(cell: OwnCell): ReadCell {
  const { areaCode, period, value, numerator, denominator, statusCounts, reporting, exampleReporting, origin, asOf } = cell;
  return { areaCode, period, value, numerator, denominator, statusCounts, reporting, exampleReporting, origin, asOf };
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}
