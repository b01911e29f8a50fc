/** A value COPY can take: null becomes SQL NULL. */
export type CopyValue = string | number | null;

/**
 * Encodes rows in PostgreSQL's COPY text format: tab-separated columns, `\N` for NULL, and
 * backslash, tab, newline and carriage return escaped inside values.
 */
export function toCopyText(rows: Iterable<readonly CopyValue[]>): string {
  let text = '';
  for (const row of rows) text += `${row.map(encodeValue).join('\t')}\n`;
  return text;
}

/** One value in COPY text format (see toCopyText). */
export function encodeValue(value: CopyValue): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
