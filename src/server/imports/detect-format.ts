import type { ImportFormat } from '../../common/api/imports.ts';
import { headerKey } from './cell-values.ts';
import { readCsv } from './read-csv.ts';
import { dataSheet, loadWorkbook, sheetTable } from './read-xlsx.ts';
import { META_SHEET } from './template-layout.ts';
import { isZip, type Table } from './table.ts';

/**
 * The format of a file when the user names none (`kembar import FILE`): JSON is a DHIS2 data
 * value set; a workbook with Kembar's hidden sheet is a template; otherwise the header row says
 * it — a No KK column is a household survey, a data element column DHIS2 CSV, else a village recap.
 */
export async function detectFormat(bytes: Uint8Array): Promise<ImportFormat> {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'dhis2-json';
  let table: Table;
  if (isZip(bytes)) {
    const workbook = await loadWorkbook(bytes);
    if (workbook.getWorksheet(META_SHEET)) return 'template';
    const sheet = dataSheet(workbook);
    if (!sheet) return 'stbm-recap';
    table = sheetTable(sheet);
  } else table = readCsv(bytes);
  let rows = 0;
  for await (const row of table) {
    const keys = row.cells.map(headerKey);
    if (keys.some((key) => ['no_kk', 'nomor_kk', 'no_kartu_keluarga', 'nkk'].includes(key))) return 'household';
    if (keys[0] === 'dataelement' || keys.includes('orgunit')) return 'dhis2-csv';
    if ((rows += 1) >= 30) break;
  }
  return 'stbm-recap';
}
