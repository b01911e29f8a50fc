import ExcelJS from 'exceljs';
import type { CellValue } from './cell-values.ts';
import type { Table, TableRow } from './table.ts';

/** The file is not a workbook exceljs can open (damaged, encrypted, an old .xls). */
export class UnreadableWorkbookError extends Error {}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new UnreadableWorkbookError(`The file is not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)}); save it as .xlsx or CSV`);
  }
  return workbook;
}

/** The sheet people put data on: the first visible one (a template's hidden metadata sheet is skipped). */
export function dataSheet(workbook: ExcelJS.Workbook, preferred?: string): ExcelJS.Worksheet | undefined {
  const named = preferred ? workbook.getWorksheet(preferred) : undefined;
  return named ?? workbook.worksheets.find((sheet) => sheet.state === 'visible');
}

/**
 * The rows of a sheet with their spreadsheet row numbers. Cells of a merged range all read as
 * the range's value (a merged "Kecamatan" cell belongs to every row it spans); formulas read as
 * their cached result; rich text and hyperlinks as their text; error values (#VALUE!) as text.
 */
export function sheetTable(sheet: ExcelJS.Worksheet): Table {
  return {
    async *[Symbol.asyncIterator](): AsyncIterator<TableRow> {
      const last = sheet.rowCount;
      for (let number = 1; number <= last; number += 1) {
        const row = sheet.getRow(number);
        const cells: CellValue[] = [];
        for (let column = 1; column <= row.cellCount; column += 1) cells.push(plainValue(row.getCell(column).value));
        yield { number, cells };
      }
    },
  };
}

export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    return typeof result === 'object' && !(result instanceof Date) ? String(result.error) : result;
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : String(value.text);
  return null;
}
