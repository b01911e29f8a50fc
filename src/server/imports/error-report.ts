import ExcelJS from 'exceljs';
import type { ImportError } from '../../common/api/imports.ts';

/**
 * The downloadable error report of an import: every problem with its row, column and message,
 * as CSV (UTF-8 with a byte-order mark, so Excel shows Indonesian text right) or as a workbook.
 */
const HEADERS = ['Baris (row)', 'Kolom (column)', 'Masalah (problem)'] as const;

export function errorReportCsv(errors: readonly ImportError[]): string {
  const lines = [HEADERS.join(','), ...errors.map((error) => [String(error.row), error.column, error.message].map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function errorReportXlsx(errors: readonly ImportError[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kembar';
  const sheet = workbook.addWorksheet('Kesalahan');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([...HEADERS]);
  header.font = { bold: true };
  for (const error of errors) sheet.addRow([error.row, error.column, error.message]);
  sheet.columns = [{ width: 12 }, { width: 24 }, { width: 100 }];
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV field, quoted when needed; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
