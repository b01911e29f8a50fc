import { areaLevel, isAreaCode, type AreaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { TABLE_INDICATORS_MAX, TABLE_PERIODS_MAX, type ValuesTable, type ValuesTableQuery, type ValuesTableSeries } from '../../common/api/values-table.ts';
import { isPeriodCode, parsePeriod, periodsBetween } from '../../common/period.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { cellPlace } from './cell-reads.repo.ts';
import { CELL, readGrid, unitCounts, type CellField } from './dashboard.repo.ts';
import { NATION, type RollupCell } from './indicator-values.repo.ts';
import { ownCellsOf } from './own-cells.repo.ts';

/** The level of the units an indicator's coverage counts (as in ValuesService); none for households. */
const UNIT_LEVEL: Partial<Record<Indicator['collectionLevel'], AreaLevel>> = { village: 4, district: 3, regency: 2, province: 1 };

/**
 * The dashboard read: many indicators × many periods for an area or each of its children in one
 * request, answering exactly what one GET /api/values per (indicator, period) would, but with the
 * indicators, areas and stored cells read in one statement (readGrid), cells at the collection
 * level computed in one more when the grid has any, and coverage counts in (at most) one more.
 */
export class DashboardService {
  constructor(private readonly database: Database) {}

  async table(query: ValuesTableQuery): Promise<ValuesTable> {
    const periods = periodsOf(query);
    const code = query.area ?? NATION.areaCode;
    if (code !== NATION.areaCode && !isAreaCode(code)) throw new InvalidRequestError(`"${code}" is not an area code: use the Kemendagri form, e.g. 52.07 or 52.07.02.2001`);
    const village = code !== NATION.areaCode && areaLevel(code) === 4;
    const indicatorCodes = indicatorList(query.indicators);
    const { db } = this.database;
    const read = await readGrid(db, { code, children: query.by === 'children' && !village, indicatorCodes, periods });
    // Errors in the order a reader fixes them: the indicators, then the area, then how to list it.
    const found = new Map(read.indicators.map((indicator) => [indicator.code, indicator]));
    const indicators = indicatorCodes.map((indicatorCode) => {
      const indicator = found.get(indicatorCode);
      if (!indicator) throw new NotFoundError(`indicators: no indicator has the code ${indicatorCode}`);
      return indicator;
    });
    const { area, targets, release, cells: stored } = read;
    if (!area) throw new NotFoundError(`No area has the code ${code}`);
    if (query.by === 'children' && village) throw new InvalidRequestError(`by: ${code} is a village and has no children; use by=self`);
    const codes = targets.map((target) => target.code);
    const levels = [...new Set(indicators.flatMap((indicator) => UNIT_LEVEL[indicator.collectionLevel] ?? []))];
    // Cells at an indicator's collection level are not stored: computed from the observations (own-cells.repo.ts).
    const own = indicators.filter((indicator) => codes.length > 0 && cellPlace(indicator, codes[0] ?? '') === 'own').map((indicator) => indicator.code);
    const [ownCells, expectedOf] = await Promise.all([ownCellsOf(db, { indicatorCodes: own, areaCodes: codes, periods }), unitCounts(db, release, codes, levels)]);
    // The grid in answer order: a series per (area, indicator), each entry of its arrays a period.
    // Cells are placed by position (stored cells carry theirs; own cells are looked up), the
    // empty entries already answer "no data".
    const series: ValuesTableSeries[] = [];
    for (const target of targets) {
      for (const indicator of indicators) {
        const unitLevel = UNIT_LEVEL[indicator.collectionLevel];
        series.push(emptySeries(target.code, indicator.code, unitLevel === undefined ? 0 : expectedOf(target.code, unitLevel), periods.length));
      }
    }
    const isoOf = isoCache();
    const count = periods.length;
    for (let at = 0; at < stored.length; at += CELL.size) placeStored(series, count, stored, at, isoOf);
    if (ownCells.length > 0) {
      const areaIndex = indexOf(codes);
      const indicatorIndex = indexOf(indicators.map((indicator) => indicator.code));
      const periodIndex = indexOf(periods);
      for (const cell of ownCells) {
        const entry = series[(areaIndex.get(cell.areaCode) ?? 0) * indicators.length + (indicatorIndex.get(cell.indicatorCode) ?? 0)];
        if (entry) place(entry, periodIndex.get(cell.period) ?? 0, { ...cell, asOf: isoOf(cell.asOf) });
      }
    }
    return { area, by: query.by, indicators: indicators.map((indicator) => indicator.code), periods, areas: targets, series };
  }
}

/** The periods asked for: a list, or a range from…to of one period type; 400 naming a bad code. */
function periodsOf(query: Pick<ValuesTableQuery, 'periods' | 'from' | 'to' | 'periodType'>): string[] {
  if (query.periods !== undefined) {
    if (query.from !== undefined || query.to !== undefined) throw new InvalidRequestError('periods: give either periods or from and to, not both');
    const codes = splitList(query.periods);
    if (codes.length === 0) throw new InvalidRequestError('periods: name at least one period code');
    if (codes.length > TABLE_PERIODS_MAX) throw new InvalidRequestError(`periods: ${codes.length} periods asked, at most ${TABLE_PERIODS_MAX} per call`);
    const bad = codes.find((code) => !isPeriodCode(code));
    if (bad !== undefined) throw new InvalidRequestError(`periods: "${bad}" is not a period code (e.g. 2021, 2021S2, 2021Q3, 202110, 2021W43 or 20211026)`);
    return codes;
  }
  if (query.from === undefined || query.to === undefined) throw new InvalidRequestError('periods: give periods=P1,P2,… or both from and to');
  for (const [field, code] of [['from', query.from], ['to', query.to]] as const) {
    if (!isPeriodCode(code)) throw new InvalidRequestError(`${field}: "${code}" is not a period code`);
  }
  const from = parsePeriod(query.from);
  const to = parsePeriod(query.to);
  if (query.periodType === undefined && from.type !== to.type) throw new InvalidRequestError(`to: ${to.code} is ${to.type} but from ${from.code} is ${from.type}; use the same type or give periodType`);
  const type = query.periodType ?? from.type;
  if (to.end < from.start) throw new InvalidRequestError(`to: ${to.code} ends before ${from.code} starts`);
  // A day range of years would be thousands of periods: check the size before listing them.
  const days = (Date.parse(to.end) - Date.parse(from.start)) / 86_400_000;
  const periods = days > 400 * TABLE_PERIODS_MAX ? [] : periodsBetween(type, from.start, to.end);
  if (periods.length === 0 || periods.length > TABLE_PERIODS_MAX) throw new InvalidRequestError(`from: ${from.code} to ${to.code} spans more than ${TABLE_PERIODS_MAX} ${type} periods, the most per call`);
  return periods;
}

/** The indicator codes named, in the order given (repeats dropped); 400 for none or too many. */
function indicatorList(list: string): string[] {
  const codes = splitList(list);
  if (codes.length === 0) throw new InvalidRequestError('indicators: name at least one indicator code');
  if (codes.length > TABLE_INDICATORS_MAX) throw new InvalidRequestError(`indicators: ${codes.length} codes asked, at most ${TABLE_INDICATORS_MAX} per call`);
  return codes;
}

function splitList(list: string): string[] {
  return [...new Set(list.split(',').map((code) => code.trim()).filter((code) => code !== ''))];
}

/** Each code's position in its list. */
function indexOf(codes: readonly string[]): Map<string, number> {
  return new Map(codes.map((code, index) => [code, index]));
}

/** A series with every period empty: no data, as GET /api/values answers an area without a cell. */
function emptySeries(areaCode: string, indicator: string, expected: number, periods: number): ValuesTableSeries {
  const nulls = () => new Array<null>(periods).fill(null);
  return {
    areaCode,
    indicator,
    expected,
    value: nulls(),
    numerator: nulls(),
    denominator: nulls(),
    statusCounts: nulls(),
    reporting: new Array<number>(periods).fill(0),
    coverage: expected > 0 ? new Array<number>(periods).fill(0) : nulls(),
    origin: nulls(),
    asOf: nulls(),
    example: new Array<boolean>(periods).fill(false),
    exampleReporting: new Array<number>(periods).fill(0),
  };
}

/** A cell's figures in entry `at` of its series, with coverage against the series' expected units (as valueRow computes it). */
function place(
  series: ValuesTableSeries,
  at: number,
  cell: Pick<RollupCell, 'value' | 'numerator' | 'denominator' | 'statusCounts' | 'reporting' | 'exampleReporting' | 'origin'> & { asOf: string },
): void {
  series.value[at] = cell.value;
  series.numerator[at] = cell.numerator;
  series.denominator[at] = cell.denominator;
  series.statusCounts[at] = cell.statusCounts;
  series.reporting[at] = cell.reporting;
  series.coverage[at] = series.expected > 0 ? cell.reporting / series.expected : null;
  series.origin[at] = cell.origin;
  series.asOf[at] = cell.asOf;
  series.example[at] = cell.exampleReporting > 0;
  series.exampleReporting[at] = cell.exampleReporting;
}

/**
 * The stored cell at `at` of readGrid's flat cells in its series (by its position), as place()
 * does for a cell object: written straight into the arrays, as a grid is thousands of cells.
 */
function placeStored(series: readonly ValuesTableSeries[], periods: number, stored: readonly CellField[], at: number, isoOf: (instant: string) => string): void {
  const position = stored[at + CELL.position] as number;
  const entry = series[Math.floor(position / periods)];
  if (!entry) return;
  const k = position % periods;
  const reporting = stored[at + CELL.reporting] as number;
  const exampleObserved = stored[at + CELL.exampleObserved] as number;
  entry.value[k] = stored[at + CELL.value] as number | null;
  entry.numerator[k] = stored[at + CELL.numerator] as number | null;
  entry.denominator[k] = stored[at + CELL.denominator] as number | null;
  entry.statusCounts[k] = stored[at + CELL.statusCounts] as Record<string, number> | null;
  entry.reporting[k] = reporting;
  entry.coverage[k] = entry.expected > 0 ? reporting / entry.expected : null;
  entry.origin[k] = (exampleObserved & 1) === 1 ? 'observed' : 'aggregated';
  entry.asOf[k] = isoOf(stored[at + CELL.asOf] as string);
  entry.example[k] = exampleObserved > 1;
  entry.exampleReporting[k] = exampleObserved >> 1;
}

/**
 * as_of as ISO text, from the database's text or a Date; a grid's cells share a few instants (a
 * rebuild, a save and its ancestors), so each is converted once.
 */
function isoCache(): (instant: string | Date) => string {
  const known = new Map<string | number, string>();
  return (instant) => {
    const key = typeof instant === 'string' ? instant : instant.getTime();
    let iso = known.get(key);
    if (iso === undefined) known.set(key, (iso = (typeof instant === 'string' ? new Date(instant) : instant).toISOString()));
    return iso;
  };
}
