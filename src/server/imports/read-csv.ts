import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { Table, TableRow } from './table.ts';

/**
 * Reads a CSV file as rows of text cells, streamed. UTF-8 with or without a byte-order mark (and
 * UTF-16 when it has one, as Excel's "Unicode text" saves). The delimiter is what the file uses:
 * a comma, or a semicolon as spreadsheets set to Indonesian save it, or a tab.
 */
export function readCsv(bytes: Uint8Array): Table {
  const text = decode(bytes);
  const delimiter = detectDelimiter(text);
  // Most exports quote nothing: split lines and fields directly, several times faster than a full CSV parser.
  if (!text.includes('"')) return splitTable(text, delimiter);
  return {
    async *[Symbol.asyncIterator](): AsyncIterator<TableRow> {
      const parser = Readable.from([text]).pipe(
        parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, bom: true }),
      );
      for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { number: record.info.lines, cells: record.record };
      }
    },
  };
}

/** A table that can also be read synchronously, row after row (no promise per row on a million-row file). */
export type SyncTable = Table & Iterable<TableRow>;

/** True when `table` can be read row after row without awaiting each row (an unquoted CSV file). */
export function isSyncTable(table: Table): table is SyncTable {
  return Symbol.iterator in table;
}

function splitTable(text: string, delimiter: string): SyncTable {
  function* rows(): Generator<TableRow> {
    let number = 0;
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      number += 1;
      const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      yield { number, cells: line.split(delimiter) };
      start = end + 1;
    }
  }
  return {
    [Symbol.iterator]: rows,
    async *[Symbol.asyncIterator](): AsyncIterator<TableRow> {
      yield* rows();
    },
  };
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * The delimiter of the file: of comma, semicolon and tab (counted outside quotes on the first
 * lines), the one that splits the most lines into the same number of columns. Decimal commas in a
 * semicolon file vary from line to line; the semicolons do not.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const candidates = [',', ';', '\t'] as const;
  const perLine: Array<Record<string, number>> = [];
  let counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = 0; index < text.length && perLine.length < 30; index += 1) {
    const character = text[index] ?? '';
    if (character === '"') quoted = !quoted;
    else if (!quoted && character in counts) counts[character] = (counts[character] ?? 0) + 1;
    else if (!quoted && character === '\n') {
      perLine.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
    }
  }
  perLine.push(counts);
  let best: { delimiter: ',' | ';' | '\t'; lines: number; columns: number } = { delimiter: ',', lines: 0, columns: 0 };
  for (const delimiter of candidates) {
    const frequency = new Map<number, number>();
    for (const line of perLine) {
      const count = line[delimiter] ?? 0;
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [columns, lines] of frequency) {
      if (lines > best.lines || (lines === best.lines && columns > best.columns)) best = { delimiter, lines, columns };
    }
  }
  return best.delimiter;
}
