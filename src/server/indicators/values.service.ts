import type { z } from 'zod';
import { areaLevel, type AreaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { seriesSchema, ValueRow, valuesSchema } from '../../common/api/values.ts';
import { comparePeriods, isPeriodCode } from '../../common/period.ts';
import type { AreasService } from '../areas/areas.service.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError } from '../errors.ts';
import { cellsFor, countUnits, NATION, seriesFor } from './indicator-values.repo.ts';
import type { IndicatorsService } from './indicators.service.ts';

const UNIT_LEVEL: Partial<Record<Indicator['collectionLevel'], AreaLevel>> = { village: 4, district: 3, regency: 2, province: 1 };

type CellRow = Awaited<ReturnType<typeof cellsFor>>[number];

/** Reading rollups: an area's value (or its children's), with coverage and "as of", and time series. */
export class ValuesService {
  constructor(
    private readonly database: Database,
    private readonly areas: AreasService,
    private readonly indicators: IndicatorsService,
  ) {}

  async values(query: { indicator: string; area?: string | undefined; period: string; by: 'self' | 'children' }): Promise<z.infer<typeof valuesSchema>> {
    if (!isPeriodCode(query.period)) throw new InvalidRequestError(`period: "${query.period}" is not a period`);
    const indicator = await this.indicators.get(query.indicator);
    const areaCode = query.area ?? NATION.areaCode;
    const targets = query.by === 'self' ? [await this.areaRef(areaCode)] : await this.childRefs(areaCode);
    const cells = new Map((await cellsFor(this.database.db, indicator.code, query.period, targets.map((area) => area.code))).map((cell) => [cell.area_code, cell]));
    const items = await Promise.all(targets.map((area) => this.row(indicator, area, query.period, cells.get(area.code))));
    return { indicator: indicator.code, period: query.period, items };
  }

  async series(query: { indicator: string; area?: string | undefined }): Promise<z.infer<typeof seriesSchema>> {
    const indicator = await this.indicators.get(query.indicator);
    const area = await this.areaRef(query.area ?? NATION.areaCode);
    const cells = (await seriesFor(this.database.db, indicator.code, area.code)).sort((a, b) => comparePeriods(a.period, b.period));
    return { indicator: indicator.code, areaCode: area.code, items: await Promise.all(cells.map((cell) => this.row(indicator, area, cell.period, cell))) };
  }

  private async row(indicator: Indicator, area: { code: string; name: string }, period: string, cell: CellRow | undefined): Promise<ValueRow> {
    const unitLevel = UNIT_LEVEL[indicator.collectionLevel];
    const expected = unitLevel === undefined ? 0 : await countUnits(this.database.db, area.code, unitLevel);
    const reporting = cell?.reporting ?? 0;
    return {
      areaCode: area.code,
      areaName: area.name,
      period,
      value: num(cell?.value ?? null),
      numerator: num(cell?.numerator ?? null),
      denominator: num(cell?.denominator ?? null),
      statusCounts: cell?.status_counts ?? null,
      reporting,
      expected,
      coverage: expected > 0 ? reporting / expected : null,
      origin: cell?.origin ?? null,
      asOf: cell?.as_of.toISOString() ?? null,
    };
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

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}
