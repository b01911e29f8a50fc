import type { ImportError } from '../../common/api/imports.ts';
import { isWithinArea } from '../auth/policies.ts';
import { headerKey, isBlank, normaliseAreaCode, parseNumber, textOf, type CellValue } from './cell-values.ts';
import { fileError, type ImportFormatModule, type ImportInput, type ImportPlan } from './import-format.ts';
import type { ObservationRow } from './observation-writer.ts';
import { dataSheet, loadWorkbook, plainValue, sheetTable, UnreadableWorkbookError } from './read-xlsx.ts';
import { DATA_SHEET, FIRST_DATA_ROW, HEADER_ROW, marker, META_SHEET, parseMeta, type TemplateMeta } from './template-layout.ts';
import { isZip } from './table.ts';

/**
 * Imports a filled-in Kembar template (template.service.ts made it): the hidden sheet says the
 * area, the period and which column holds which indicator part, so nothing is guessed from
 * headers; the header row is still checked so moved columns are caught rather than misread.
 * Values are stored with source kind `import`; an empty cell is no data (never a deletion).
 */
export const templateFormat: ImportFormatModule = {
  async read(input: ImportInput): Promise<ImportPlan> {
    if (!isZip(input.bytes)) return plan([fileError('A template import takes the .xlsx workbook Kembar generated (GET /api/imports/template)')]);
    const workbook = await loadWorkbook(input.bytes).catch((error: unknown) => {
      if (error instanceof UnreadableWorkbookError) return error;
      throw error;
    });
    if (workbook instanceof UnreadableWorkbookError) return plan([fileError(workbook.message)]);
    const metaSheet = workbook.getWorksheet(META_SHEET);
    const sheet = dataSheet(workbook, DATA_SHEET);
    if (!metaSheet || !sheet) return plan([fileError('This workbook is not a Kembar template (no hidden "_kembar" sheet): download a template, or import a recap with format=stbm-recap')]);
    const metaRows: CellValue[][] = [];
    metaSheet.eachRow((row) => metaRows.push(Array.from({ length: row.cellCount }, (_, index) => plainValue(row.getCell(index + 1).value))));
    const parsed = parseMeta(metaRows);
    if (!parsed.ok) return plan([fileError(parsed.message)]);
    const { meta } = parsed;
    if (input.period && input.period !== meta.period) {
      return plan([fileError(`The template is for period ${meta.period}, but the import asks for ${input.period}: import it without a period, or download a template for ${input.period}`, 'period')]);
    }
    const errors: ImportError[] = [];
    const rows: ObservationRow[] = [];
    const rowOfVillage = new Map<string, number>();
    let total = 0;
    for await (const row of sheetTable(sheet)) {
      if (row.number === HEADER_ROW) {
        errors.push(...headerProblems(meta, row.cells));
        continue;
      }
      if (row.number < FIRST_DATA_ROW) continue;
      const cells = meta.columns.map((column) => row.cells[column.column - 1] ?? null);
      if (cells.every(isBlank)) continue;
      total += 1;
      if (total % 1_000 === 0) input.onRowsRead(total);
      const codeCell = row.cells[0] ?? null;
      const areaCode = normaliseAreaCode(codeCell);
      if (!areaCode) {
        errors.push({ row: row.number, column: 'Kode Desa', message: `"${textOf(codeCell)}" is not a Kemendagri village code` });
        continue;
      }
      if (!isWithinArea(meta.area, areaCode)) {
        errors.push({ row: row.number, column: 'Kode Desa', message: `${areaCode} is not in the template's area ${meta.area}` });
        continue;
      }
      const first = rowOfVillage.get(areaCode);
      if (first !== undefined) {
        errors.push({ row: row.number, column: 'Kode Desa', message: `${areaCode} is already on row ${first}: give each village once` });
        continue;
      }
      rowOfVillage.set(areaCode, row.number);
      rows.push(...rowObservations(meta, row.number, areaCode, row.cells, errors));
    }
    input.onRowsRead(total);
    return { total, period: meta.period, rows, errors };
  },
};

/** The header row must still name each mapped column's indicator code in brackets. */
function headerProblems(meta: TemplateMeta, cells: readonly CellValue[]): ImportError[] {
  return meta.columns
    .filter((column) => !textOf(cells[column.column - 1] ?? null).includes(`[${marker(column.indicatorCode, column.part)}]`))
    .map((column) => ({ row: HEADER_ROW, column: columnLetter(column.column), message: `This column should be ${marker(column.indicatorCode, column.part)}: were columns moved, added or renamed? Download a new template` }));
}

function rowObservations(meta: TemplateMeta, rowNumber: number, areaCode: string, cells: readonly CellValue[], errors: ImportError[]): ObservationRow[] {
  const base = { row: rowNumber, areaCode, areaColumn: 'Kode Desa', period: meta.period, sourceKind: 'import' as const, value: null, numerator: null, denominator: null, statusValue: null };
  const rows: ObservationRow[] = [];
  const ratios = new Map<string, { numerator?: number; denominator?: number; column: string }>();
  for (const column of meta.columns) {
    const cell = cells[column.column - 1] ?? null;
    if (isBlank(cell)) continue;
    const where = columnLetter(column.column);
    if (column.part === 'status') {
      rows.push({ ...base, column: where, indicatorCode: column.indicatorCode, statusValue: headerKey(cell).toUpperCase() });
      continue;
    }
    const number = parseNumber(cell, { integer: false });
    if (!number.ok) {
      errors.push({ row: rowNumber, column: where, message: `${marker(column.indicatorCode, column.part)}: ${number.message}` });
      continue;
    }
    if (column.part === 'value') rows.push({ ...base, column: where, indicatorCode: column.indicatorCode, value: number.value });
    else ratios.set(column.indicatorCode, { ...ratios.get(column.indicatorCode), column: ratios.get(column.indicatorCode)?.column ?? where, [column.part]: number.value });
  }
  for (const [indicatorCode, parts] of ratios) {
    if (parts.numerator === undefined || parts.denominator === undefined) {
      errors.push({ row: rowNumber, column: parts.column, message: `${indicatorCode}: fill in both the numerator (pembilang) and the denominator (penyebut), or neither` });
    } else rows.push({ ...base, column: parts.column, indicatorCode, numerator: parts.numerator, denominator: parts.denominator });
  }
  return rows;
}

/** A column number as Excel letters (4 → D, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function plan(errors: ImportError[]): ImportPlan {
  return { total: 0, period: null, rows: [], errors };
}
