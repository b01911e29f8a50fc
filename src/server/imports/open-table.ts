import { readCsv } from './read-csv.ts';
import { dataSheet, loadWorkbook, sheetTable, UnreadableWorkbookError } from './read-xlsx.ts';
import { isZip, type Table } from './table.ts';

/** The rows of an uploaded file, whichever it is: an .xlsx workbook (its first visible sheet) or CSV text. */
export async function openTable(bytes: Uint8Array): Promise<{ ok: true; table: Table } | { ok: false; message: string }> {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty' };
  if (!isZip(bytes)) {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return { ok: false, message: 'This is an old Excel .xls file: save it as .xlsx (Excel Workbook) or CSV' };
    return { ok: true, table: readCsv(bytes) };
  }
  try {
    const sheet = dataSheet(await loadWorkbook(bytes));
    return sheet ? { ok: true, table: sheetTable(sheet) } : { ok: false, message: 'The workbook has no visible sheet' };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return { ok: false, message: error.message };
    throw error;
  }
}
