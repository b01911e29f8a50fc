import { areaLevel, isAreaCode, type AreaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { TABLE_INDICATORS_MAX, TABLE_PERIODS_MAX, type ValuesTable, type ValuesTableQuery, type ValuesTableRow } from '../../common/api/values-table.ts';
import { isPeriodCode, parsePeriod, periodsBetween } from '../../common/period.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { cellPlace } from './cell-reads.repo.ts';
import { gridAreas, tableCells, unitCounts, type GridArea, type TableCell } from './dashboard.repo.ts';
import { NATION } from './indicator-values.repo.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { ownCellsOf } from './own-cells.repo.ts';
import { valueRow } from './value-row.ts';

/** The level of the units an indicator's coverage counts (as in ValuesService); none for households. */
const UNIT_LEVEL: Partial<Record<Indicator['collectionLevel'], AreaLevel>> = { village: 4, district: 3, regency: 2, province: 1 };

/**
 * The dashboard read: many indicators × many periods for an area or each of its children in one
 * request, answering exactly what one GET /api/values per (indicator, period) would, but with the
 * cells read in one statement and coverage counts in (at most) one more.
 */
export class DashboardService {
  constructor(
    private readonly database: Database,
    private readonly indicators: IndicatorsService,
  ) {}

  async table(query: ValuesTableQuery): Promise<ValuesTable> {
    const periods = periodsOf(query);
    const code = query.area ?? NATION.areaCode;
    if (code !== NATION.areaCode && !isAreaCode(code)) throw new InvalidRequestError(`"${code}" is not an area code: use the Kemendagri form, e.g. 52.07 or 52.07.02.2001`);
    const village = code !== NATION.areaCode && areaLevel(code) === 4;
    const { db } = this.database;
    // The indicators and the areas are independent reads (in parallel on PostgreSQL); their errors are reported in that order.
    const [indicatorsRead, areasRead] = await Promise.allSettled([this.indicatorsOf(query.indicators), gridAreas(db, code, query.by === 'children' && !village)]);
    if (indicatorsRead.status === 'rejected') throw indicatorsRead.reason;
    if (areasRead.status === 'rejected') throw areasRead.reason;
    const indicators = indicatorsRead.value;
    const { area, children, release } = areasRead.value;
    if (!area) throw new NotFoundError(`No area has the code ${code}`);
    if (query.by === 'children' && village) throw new InvalidRequestError(`by: ${code} is a village and has no children; use by=self`);
    const targets = query.by === 'self' ? [area] : children;
    const codes = targets.map((target) => target.code);
    const levels = [...new Set(indicators.flatMap((indicator) => UNIT_LEVEL[indicator.collectionLevel] ?? []))];
    // Cells at an indicator's collection level are not stored: computed from the observations (own-cells.repo.ts).
    const own = indicators.filter((indicator) => codes.length > 0 && cellPlace(indicator, codes[0] ?? '') === 'own').map((indicator) => indicator.code);
    const [stored, ownCells, expectedOf] = await Promise.all([
      tableCells(db, { areaCodes: codes, indicatorCodes: indicators.map((indicator) => indicator.code), periods }),
      ownCellsOf(db, { indicatorCodes: own, areaCodes: codes, periods }),
      unitCounts(db, release, codes, levels),
    ]);
    const cells: TableCell[] = ownCells.length === 0 ? stored : [...stored, ...ownCells];
    // The grid in answer order (areas, then indicators, then periods); each cell placed by position.
    const indicatorCodes = indicators.map((indicator) => indicator.code);
    const areaIndex = indexOf(codes);
    const indicatorIndex = indexOf(indicatorCodes);
    const periodIndex = indexOf(periods);
    const grid: Array<TableCell | undefined> = new Array(codes.length * indicators.length * periods.length);
    for (const cell of cells) {
      const position = ((areaIndex.get(cell.areaCode) ?? 0) * indicators.length + (indicatorIndex.get(cell.indicatorCode) ?? 0)) * periods.length + (periodIndex.get(cell.period) ?? 0);
      grid[position] = cell;
    }
    const instants = new Map<number, string>();
    const items: ValuesTableRow[] = new Array(grid.length);
    let position = 0;
    for (const target of targets) {
      for (const indicator of indicators) {
        const unitLevel = UNIT_LEVEL[indicator.collectionLevel];
        const expected = unitLevel === undefined ? 0 : expectedOf(target.code, unitLevel);
        for (const period of periods) {
          items[position] = rowOf(indicator.code, target, period, grid[position], expected, instants);
          position += 1;
        }
      }
    }
    return { area, by: query.by, indicators: indicators.map((indicator) => indicator.code), periods, items };
  }

  /** The indicators named, in the order given (repeats dropped); 404 naming the first unknown code. */
  private async indicatorsOf(list: string): Promise<Indicator[]> {
    const codes = splitList(list);
    if (codes.length === 0) throw new InvalidRequestError('indicators: name at least one indicator code');
    if (codes.length > TABLE_INDICATORS_MAX) throw new InvalidRequestError(`indicators: ${codes.length} codes asked, at most ${TABLE_INDICATORS_MAX} per call`);
    const found = new Map((await this.indicators.listByCodes(codes)).map((indicator) => [indicator.code, indicator]));
    return codes.map((code) => {
      const indicator = found.get(code);
      if (!indicator) throw new NotFoundError(`indicators: no indicator has the code ${code}`);
      return indicator;
    });
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

function splitList(list: string): string[] {
  return [...new Set(list.split(',').map((code) => code.trim()).filter((code) => code !== ''))];
}

/** Each code's position in its list. */
function indexOf(codes: readonly string[]): Map<string, number> {
  return new Map(codes.map((code, index) => [code, index]));
}

/** `instants` remembers the ISO text of each as_of met: a grid's cells share a few. */
function rowOf(indicator: string, area: GridArea, period: string, cell: TableCell | undefined, expected: number, instants: Map<number, string>): ValuesTableRow {
  return { indicator, ...valueRow(area, period, cell, expected, (instant) => isoOf(instant, instants)) };
}

function isoOf(instant: Date, instants: Map<number, string>): string {
  const time = instant.getTime();
  let iso = instants.get(time);
  if (iso === undefined) instants.set(time, (iso = instant.toISOString()));
  return iso;
}
