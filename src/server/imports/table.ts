import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { headerKey, isBlank, type CellValue } from './cell-values.ts';

/**
 * What the readers (read-csv.ts, read-xlsx.ts) hand to the row schemas: rows of cells with the
 * row number the user sees (spreadsheet row, CSV line), streamed so a million-row file is never
 * held as cells in memory.
 */
export interface TableRow {
  number: number;
  cells: CellValue[];
}

export type Table = AsyncIterable<TableRow>;

/** A column a format reads, with the header spellings it accepts (compared as headerKey()). */
export interface ColumnSpec<K extends string = string> {
  key: K;
  aliases: readonly string[];
  required?: boolean;
}

export interface HeaderMatch<K extends string> {
  /** Row number of the header row. */
  row: number;
  /** Where each found column is, and the header text the user wrote. */
  columns: Map<K, { index: number; header: string }>;
}

/** How many rows above the header may be titles, notes or merged banner cells. */
const HEADER_SEARCH_ROWS = 30;

/**
 * Finds the header row among the first rows: the first one naming every required column (title
 * rows and merged banner cells above it are skipped). Returns the header and an iterator over the
 * rows below it, or the columns that could not be found.
 */
export async function findHeader<K extends string>(
  table: Table,
  specs: readonly ColumnSpec<K>[],
): Promise<{ ok: true; header: HeaderMatch<K>; rows: AsyncIterable<TableRow> } | { ok: false; missing: string[] }> {
  const iterator = table[Symbol.asyncIterator]();
  const seen: TableRow[] = [];
  let best: { match: HeaderMatch<K>; missing: string[] } | null = null;
  while (seen.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const match = matchHeader(next.value, specs);
    const missing = specs.filter((spec) => spec.required && !match.columns.has(spec.key)).map((spec) => spec.aliases[0] ?? spec.key);
    if (missing.length === 0) return { ok: true, header: match, rows: continueWith(iterator) };
    if (match.columns.size > 0 && (!best || missing.length < best.missing.length)) best = { match, missing };
  }
  const required = specs.filter((spec) => spec.required).map((spec) => spec.aliases[0] ?? spec.key);
  return { ok: false, missing: best?.missing ?? required };
}

function matchHeader<K extends string>(row: TableRow, specs: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const columns = new Map<K, { index: number; header: string }>();
  const keys = row.cells.map(headerKey);
  for (const spec of specs) {
    const index = keys.findIndex((key) => key !== '' && spec.aliases.includes(key));
    if (index >= 0) columns.set(spec.key, { index, header: String(row.cells[index] ?? '').trim() });
  }
  return { row: row.number, columns };
}

async function* continueWith(iterator: AsyncIterator<TableRow>): AsyncIterable<TableRow> {
  let count = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    if (!next.value.cells.every(isBlank)) yield next.value;
    // Long files: let other requests run between batches of rows.
    if ((count += 1) % 5_000 === 0) await yieldToEventLoop();
  }
}

/** The cell of `key` in a row, or null when the column is absent. */
export function cellOf<K extends string>(header: HeaderMatch<K>, row: TableRow, key: K): CellValue {
  const column = header.columns.get(key);
  return column ? (row.cells[column.index] ?? null) : null;
}

/** The header text the user wrote for `key` (for error reports), or the key itself. */
export function headerOf<K extends string>(header: HeaderMatch<K>, key: K): string {
  return header.columns.get(key)?.header ?? key;
}

/** True when the bytes are a ZIP container (XLSX), not text. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
