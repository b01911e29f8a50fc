import ExcelJS from 'exceljs';
import { VILLAGE_PAGE_LIMIT_MAX, type ValueRow } from '../../common/api/values.ts';
import type { ValuesService } from '../indicators/values.service.ts';

/**
 * `kembar export`: an indicator's values for an area (itself, each child, or every village under
 * it) as the tidy table of research §6 — one row per area with value, numerator, denominator,
 * coverage and as-of — in CSV or as a workbook. Reads the live rollups through ValuesService.
 */
export interface ExportQuery {
  indicator: string;
  area?: string;
  period?: string;
  by: 'self' | 'children' | 'villages';
}

const COLUMNS = ['indicator_code', 'kode_wilayah', 'nama_wilayah', 'period', 'value', 'numerator', 'denominator', 'reporting', 'expected', 'coverage', 'origin', 'as_of', 'example'] as const;

export async function exportRows(values: ValuesService, query: ExportQuery): Promise<{ period: string; rows: Array<Array<string | number | boolean | null>> }> {
  const base = { indicator: query.indicator, area: query.area, period: query.period, by: query.by };
  const first = await values.values({ ...base, limit: VILLAGE_PAGE_LIMIT_MAX, offset: 0 });
  const items: ValueRow[] = [...first.items];
  // Villages come a page at a time; the rest of the pages for the same period.
  for (let offset = items.length; first.page && offset < first.page.total; offset += VILLAGE_PAGE_LIMIT_MAX) {
    items.push(...(await values.values({ ...base, period: first.period, limit: VILLAGE_PAGE_LIMIT_MAX, offset })).items);
  }
  const rows = items.map((item) => [
    first.indicator, item.areaCode, item.areaName, item.period, item.value, item.numerator, item.denominator,
    item.reporting, item.expected, item.coverage, item.origin, item.asOf, item.example ?? false,
  ]);
  return { period: first.period, rows };
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const field = (value: string | number | boolean | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [COLUMNS.join(','), ...rows.map((row) => row.map(field).join(','))].join('\n') + '\n';
}

export async function toXlsx(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kembar';
  const sheet = workbook.addWorksheet('Nilai');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([...COLUMNS]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
