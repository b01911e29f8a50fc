import ExcelJS from 'exceljs';
import { INDICATOR_GROUPS, type Indicator } from '../../common/api/indicators.ts';
import type { TemplateQuery } from '../../common/api/imports.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import { listVillagesOf, areaName } from './template.repo.ts';
import { columnsFor, DATA_SHEET, FIRST_DATA_ROW, HEADER_ROW, headerText, META_SHEET, metaRows, type TemplateColumn } from './template-layout.ts';

/** Indicator sets a template can be made for: `stbm` (the village STBM recap) or any catalogue group. */
const SETS: Record<string, readonly Indicator['group'][]> = { stbm: ['stbm_village'] };
const MAX_VILLAGES = 20_000;

/**
 * Generates the Excel template for an area, period and indicator set: villages as rows,
 * indicators as columns, Excel data validation in every input cell (whole numbers for counts,
 * non-negative numbers, status lists), and a very hidden sheet naming area, period and columns.
 */
export class TemplateService {
  constructor(
    private readonly database: Database,
    private readonly indicators: IndicatorsService,
  ) {}

  /** The village-level indicators of a set that people enter (derived ones are computed, never entered). */
  async indicatorsOf(set: string): Promise<Indicator[]> {
    const groups = SETS[set] ?? INDICATOR_GROUPS.filter((group) => group === set);
    if (groups.length === 0) throw new InvalidRequestError(`set: "${set}" is not an indicator set; use stbm or one of ${INDICATOR_GROUPS.join(', ')}`);
    const all = (await Promise.all(groups.map((group) => this.indicators.list({ group, level: 'village' })))).flat();
    const entered = all.filter((indicator) => !indicator.source.startsWith('Derived'));
    if (entered.length === 0) throw new InvalidRequestError(`set: "${set}" has no indicators entered per village`);
    return entered;
  }

  async generate(query: TemplateQuery): Promise<{ fileName: string; bytes: Buffer }> {
    const name = await areaName(this.database.db, query.area);
    if (!name) throw new NotFoundError(`No area has the code ${query.area}`);
    const villages = await listVillagesOf(this.database.db, query.area);
    if (villages.length === 0) throw new InvalidRequestError(`area: ${query.area} has no villages`);
    if (villages.length > MAX_VILLAGES) throw new InvalidRequestError(`area: ${query.area} has ${villages.length} villages; make a template per kab/kota (at most ${MAX_VILLAGES})`);
    const indicators = await this.indicatorsOf(query.set);
    const columns = columnsFor(indicators);
    const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));

    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Kembar';
    workbook.created = new Date();
    const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }] });
    const lastColumn = columns.at(-1)?.column ?? 3;
    sheet.getCell(1, 1).value = `Templat data ${query.set.toUpperCase()} — ${name} (${query.area}) — periode ${query.period}`;
    sheet.mergeCells(1, 1, 1, Math.min(lastColumn, 12));
    sheet.getCell(1, 1).font = { bold: true, size: 13 };
    sheet.getCell(2, 1).value = 'Isi satu baris per desa/kelurahan. Jangan mengubah kolom Kode Desa, judul kolom, atau urutan kolom. Sel kosong berarti tidak ada data.';
    sheet.mergeCells(2, 1, 2, Math.min(lastColumn, 12));
    const header = sheet.getRow(HEADER_ROW);
    header.values = ['Kode Desa', 'Nama Desa/Kelurahan', 'Kecamatan', ...columns.map((column) => headerText(indicatorOf(byCode, column), column.part))];
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.height = 60;
    for (const column of columns) sheet.getCell(HEADER_ROW, column.column).note = hint(indicatorOf(byCode, column), column);
    sheet.getColumn(1).width = 16;
    sheet.getColumn(2).width = 26;
    sheet.getColumn(3).width = 20;
    for (const column of columns) sheet.getColumn(column.column).width = 18;

    for (const [index, village] of villages.entries()) {
      const rowNumber = FIRST_DATA_ROW + index;
      const row = sheet.getRow(rowNumber);
      row.values = [village.code, village.name, village.districtName ?? ''];
      for (const column of columns) sheet.getCell(rowNumber, column.column).dataValidation = validation(indicatorOf(byCode, column), column);
    }

    const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
    for (const row of metaRows({ area: query.area, period: query.period, set: query.set, columns })) meta.addRow(row);

    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `templat-${query.set}-${query.area}-${query.period}.xlsx`, bytes };
  }
}

function indicatorOf(byCode: ReadonlyMap<string, Indicator>, column: TemplateColumn): Indicator {
  const indicator = byCode.get(column.indicatorCode);
  if (!indicator) throw new Error(`template column for unknown indicator ${column.indicatorCode}`);
  return indicator;
}

/** Whole numbers for counts of households or villages; any non-negative number otherwise. */
export function isWholeNumberUnit(indicator: Indicator): boolean {
  return ['households', 'villages', 'KK'].includes(indicator.unit);
}

function validation(indicator: Indicator, column: TemplateColumn): ExcelJS.DataValidation {
  if (column.part === 'status') {
    return { type: 'list', allowBlank: true, formulae: [`"${(indicator.statusValues ?? []).join(',')}"`], showErrorMessage: true, errorTitle: 'Nilai tidak valid', error: `Pilih salah satu: ${(indicator.statusValues ?? []).join(', ')}` };
  }
  const whole = column.part === 'value' && isWholeNumberUnit(indicator);
  return {
    type: whole ? 'whole' : 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: 'Angka tidak valid',
    error: whole ? 'Isi bilangan bulat, 0 atau lebih.' : 'Isi angka, 0 atau lebih.',
  };
}

function hint(indicator: Indicator, column: TemplateColumn): string {
  switch (column.part) {
    case 'numerator':
      return `Pembilang: ${indicator.numerator ?? ''}`;
    case 'denominator':
      return `Penyebut: ${indicator.denominator ?? ''}`;
    case 'status':
      return `Pilih: ${(indicator.statusValues ?? []).join(', ')}`;
    case 'value':
      return `${indicator.definition.slice(0, 200)} (${indicator.unit})`;
  }
}
