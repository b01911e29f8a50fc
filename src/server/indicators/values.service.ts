import type { z } from 'zod';
import { areaLevel, isAreaCode, type AreaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { seriesSchema, ValueRow, ValuesQuery, valuesSchema } from '../../common/api/values.ts';
import { comparePeriods, isPeriodCode, parsePeriod } from '../../common/period.ts';
import type { AreasService } from '../areas/areas.service.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { readAreaSeries, readCells, readPeriodsWithData, readVillagePage, type ReadCell } from './cell-reads.repo.ts';
import { unitCounts } from './dashboard.repo.ts';
import { countUnits, NATION } from './indicator-values.repo.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { valueRow } from './value-row.ts';

const UNIT_LEVEL: Partial<Record<Indicator['collectionLevel'], AreaLevel>> = { village: 4, district: 3, regency: 2, province: 1 };

/** Collection levels whose values live at villages (household records are counted per village). */
const VILLAGE_LEVELS: ReadonlyArray<Indicator['collectionLevel']> = ['village', 'household'];

/** Reading rollups: an area's value (or its children's), with coverage and "as of", and time series. */
export class ValuesService {
  constructor(
    private readonly database: Database,
    private readonly areas: AreasService,
    private readonly indicators: IndicatorsService,
  ) {}

  async values(query: Pick<ValuesQuery, 'indicator' | 'area' | 'period' | 'by'> & Partial<Pick<ValuesQuery, 'limit' | 'offset'>>): Promise<z.infer<typeof valuesSchema>> {
    if (query.period !== undefined && !isPeriodCode(query.period)) throw new InvalidRequestError(`period: "${query.period}" is not a period`);
    const indicator = await this.indicators.get(query.indicator);
    const areaCode = query.area ?? NATION.areaCode;
    const period = query.period ?? (await this.latestPeriod(indicator, areaCode));
    if (query.by === 'villages') return this.villages(indicator, areaCode, period, { limit: query.limit ?? 100, offset: query.offset ?? 0 });
    const targets = query.by === 'self' ? [await this.areaRef(areaCode)] : await this.childRefs(areaCode);
    const cells = new Map((await readCells(this.database.db, indicator, period, targets.map((area) => area.code))).map((cell) => [cell.areaCode, cell]));
    const items = await Promise.all(targets.map((area) => this.row(indicator, area, period, cells.get(area.code))));
    return { indicator: indicator.code, period, items };
  }

  /**
   * The period to show when none is asked for: the one with data for the area that ends last, the
   * coarsest of those ending together (the year 2024 rather than December 2024).
   */
  private async latestPeriod(indicator: Indicator, areaCode: string): Promise<string> {
    if (areaCode !== NATION.areaCode) await this.areas.getArea(areaCode); // 404 for an unknown area first
    const periods = await readPeriodsWithData(this.database.db, indicator, areaCode);
    const latest = periods.sort((a, b) => parsePeriod(a).end.localeCompare(parsePeriod(b).end) || comparePeriods(b, a)).at(-1);
    if (!latest) throw new NotFoundError(`${indicator.code} has no value for ${areaCode} in any period yet; name a period to see which areas reported`);
    return latest;
  }

  /**
   * One row per village under the area, a page at a time (a province has thousands), straight from
   * the rollup cells: villages without a value are listed too, with reporting 0.
   */
  private async villages(indicator: Indicator, areaCode: string, period: string, page: { limit: number; offset: number }): Promise<z.infer<typeof valuesSchema>> {
    if (!VILLAGE_LEVELS.includes(indicator.collectionLevel)) {
      throw new InvalidRequestError(`by: ${indicator.code} is collected at ${indicator.collectionLevel} level, so villages have no value of it; use by=self or by=children`);
    }
    const area = await this.areaRef(areaCode);
    if (area.code !== NATION.areaCode && areaLevel(area.code) === 4) throw new InvalidRequestError(`by: ${area.code} is a village; use by=self`);
    const [rows, total] = await Promise.all([
      readVillagePage(this.database.db, indicator, { areaCode: area.code, period, ...page }),
      countUnits(this.database.db, area.code, 4),
    ]);
    const expected = indicator.collectionLevel === 'village' ? 1 : 0;
    const items = rows.map(({ code, name, cell }): ValueRow => valueRow({ code, name }, period, cell, expected));
    return { indicator: indicator.code, period, items, page: { total, ...page } };
  }

  /**
   * Every period with data of an indicator for an area, oldest first. The indicator, the area and its
   * cells come from one read (two statements for cells computed at the collection level, see
   * readAreaSeries); coverage is the same for every row, counted once (cached per area release).
   */
  async series(query: { indicator: string; area?: string | undefined }): Promise<z.infer<typeof seriesSchema>> {
    const code = query.area ?? NATION.areaCode;
    const { db } = this.database;
    // An unknown indicator is reported before a malformed or unknown area, as the separate reads did.
    const read = await readAreaSeries(db, query.indicator, code);
    if (!read.indicator) throw new NotFoundError(`No indicator has the code ${query.indicator}`);
    if (code !== NATION.areaCode && !isAreaCode(code)) throw new InvalidRequestError(`"${code}" is not an area code: use the Kemendagri form, e.g. 52.07 or 52.07.02.2001`);
    if (!read.area) throw new NotFoundError(`No area has the code ${code}`);
    const { indicator, area } = read;
    const unitLevel = UNIT_LEVEL[indicator.collectionLevel];
    const expected = unitLevel === undefined ? 0 : (await unitCounts(db, read.release, [area.code], [unitLevel]))(area.code, unitLevel);
    const cells = read.cells.sort((a, b) => comparePeriods(a.period, b.period));
    return { indicator: indicator.code, areaCode: area.code, items: cells.map((cell) => valueRow(area, cell.period, cell, expected)) };
  }

  private async row(indicator: Indicator, area: { code: string; name: string }, period: string, cell: ReadCell | undefined): Promise<ValueRow> {
    const unitLevel = UNIT_LEVEL[indicator.collectionLevel];
    const expected = unitLevel === undefined ? 0 : await countUnits(this.database.db, area.code, unitLevel);
    return valueRow(area, period, cell, expected);
  }

  private async areaRef(code: string): Promise<{ code: string; name: string }> {
    if (code === NATION.areaCode) return { code, name: 'Indonesia' };
    const area = await this.areas.getArea(code);
    return { code: area.code, name: area.name };
  }

  private async childRefs(code: string): Promise<Array<{ code: string; name: string }>> {
    if (code === NATION.areaCode) return (await this.areas.search({ level: 1, limit: 100 })).items;
    if (areaLevel(code) === 4) throw new InvalidRequestError(`by: ${code} is a village and has no children; use by=self`);
    return (await this.areas.getArea(code)).children;
  }
}

