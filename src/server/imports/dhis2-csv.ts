/**
 * Reads a DHIS2 data value set in CSV (`POST /api/dataValueSets`, Content-Type application/csv).
 *
 * Columns count BY POSITION, never by header name, exactly as dhis2-core's `CsvDataValueSetReader`
 * reads them: dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo, value,
 * storedby, lastupdated, comment, followup, deleted. Only the first three are needed; missing
 * trailing columns are empty. DHIS2's own files spell the header many ways (`catoptcombo`, `cmt`,
 * `strby`, `flwup`), which is why the names are never read.
 *
 * The header row: DHIS2 drops the first row unless `firstRowIsHeader=false`. Kembar does the same
 * when told (`firstRowIsHeader=true|false`); when not told, it drops the first row only if it looks
 * like a header (its first cell names the data element column or its second cell is not a period
 * code), so a file without a header does not silently lose its first value.
 *
 * Rows are located by their line in the file (`row 5`), counting the header. Pure: no I/O.
 */
import { parse } from 'csv-parse/sync';
import { isPeriodCode } from '../../common/period.ts';
import { Dhis2FormatError, EMPTY_ENVELOPE, parseDhis2Boolean, trimToNull, type Dhis2DataValue, type ParsedDataValueSet } from './dhis2-data-value.ts';

export interface CsvReadOptions {
  /** True: drop the first row; false: keep it; undefined: drop it only when it looks like a header. */
  firstRowIsHeader?: boolean;
}

interface CsvRecord {
  cells: string[];
  line: number;
}

export function parseDataValueSetCsv(text: string, options: CsvReadOptions = {}): ParsedDataValueSet {
  const records = readRecords(text).filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const first = records[0];
  const skipFirst = first !== undefined && (options.firstRowIsHeader ?? looksLikeHeader(first.cells));
  const values = (skipFirst ? records.slice(1) : records).map((record, index) => toDataValue(record, index));
  return { envelope: EMPTY_ENVELOPE, values };
}

function readRecords(text: string): CsvRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  try {
    parse(body, {
      delimiter: delimiterOf(body),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // Keeps each record's line (the last line it ends on) as it goes: the error report names it.
      on_record: (record: string[], context) => {
        records.push({ cells: record, line: context.lines });
        return record;
      },
    });
    return records;
  } catch (error) {
    throw new Dhis2FormatError(csvProblem(error));
  }
}

/**
 * DHIS2 reads commas only. Spreadsheets set to Indonesian save CSV with semicolons, so a first line
 * with semicolons and no comma is read with semicolons; every DHIS2 file still reads as DHIS2 reads it.
 */
function delimiterOf(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

function csvProblem(error: unknown): string {
  if (error instanceof Error) {
    const line = 'lines' in error && typeof error.lines === 'number' ? `row ${error.lines}: ` : '';
    const reason = 'code' in error && error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed (a " is missing)' : error.message;
    return `The CSV file cannot be read: ${line}${reason}`;
  }
  return `The CSV file cannot be read: ${String(error)}`;
}

/** A first row is a header when it names the first column, or when its period cell holds no period. */
function looksLikeHeader(cells: readonly string[]): boolean {
  const first = (cells[0] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (/^(dataelement|de)(id|uid|code|name)?$/.test(first)) return true;
  return !isPeriodCode((cells[1] ?? '').trim());
}

function toDataValue(record: CsvRecord, index: number): Dhis2DataValue {
  const cell = (position: number) => trimToNull(record.cells[position]);
  return {
    index,
    source: 'csv',
    row: record.line,
    dataElement: cell(0),
    period: cell(1),
    orgUnit: cell(2),
    categoryOptionCombo: cell(3),
    attributeOptionCombo: cell(4),
    value: cell(5),
    storedBy: cell(6),
    created: null,
    lastUpdated: cell(7),
    comment: cell(8),
    followup: parseDhis2Boolean(cell(9)),
    deleted: parseDhis2Boolean(cell(10)),
  };
}
