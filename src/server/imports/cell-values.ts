/**
 * Reading the cells of the spreadsheets people really have, pure: Indonesian number writing
 * (1.234 for a thousand, 96,06 for a decimal), dates as Excel dates, serial numbers, dd/mm/yyyy,
 * yyyy-mm-dd or "26 Oktober 2021", and headers written any way ("Kode Desa", "KODE_DESA").
 */

/** A cell as a reader gives it: CSV gives text; XLSX also numbers, dates and booleans. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** A header as a lookup key: lower case, accents and punctuation folded to single underscores ("No. KK" → "no_kk"). */
export function headerKey(header: CellValue): string {
  return textOf(header)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' pct ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The text of a cell, trimmed; dates as yyyy-mm-dd. */
export function textOf(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDate(cell);
  return String(cell).replace(/\u00a0/g, ' ').trim();
}

export function isBlank(cell: CellValue): boolean {
  return textOf(cell) === '';
}

/**
 * A number as Indonesians (and English-set spreadsheets) write it. With both separators, the last
 * one is the decimal mark ("1.234,5", "1,234.5"). With one kind repeated, they group thousands
 * ("1.234.567"). A single separator followed by exactly three digits groups thousands in a
 * whole-number column ("1.234", "1,234" households) and is a decimal mark otherwise ("96,06").
 */
export function parseNumber(cell: CellValue, options: { integer: boolean }): Parsed<number> {
  if (typeof cell === 'number') return checkNumber(cell, options);
  if (typeof cell === 'boolean' || cell instanceof Date) return fail(`"${textOf(cell)}" is not a number`);
  const text = textOf(cell).replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  if (text === '') return fail('empty');
  if (!/^[+-]?[\d.,]+$/.test(text) || !/\d/.test(text)) return fail(`"${textOf(cell)}" is not a number`);
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let normalised: string;
  if (dots > 0 && commas > 0) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    const [whole = '', fraction = ''] = splitOnce(text, text.lastIndexOf(decimal));
    if (whole.split(decimal).length > 1 || !isGrouped(whole, grouping)) return fail(`"${text}" mixes separators in a way that is not a number`);
    normalised = `${whole.replaceAll(grouping, '')}.${fraction}`;
  } else if (dots + commas > 1) {
    const grouping = dots > 0 ? '.' : ',';
    if (!isGrouped(text, grouping)) return fail(`"${text}" is not a number (thousands are grouped by three digits)`);
    normalised = text.replaceAll(grouping, '');
  } else if (dots + commas === 1) {
    const separator = dots > 0 ? '.' : ',';
    const [whole = '', fraction = ''] = splitOnce(text, text.indexOf(separator));
    const thousands = options.integer && fraction.length === 3 && /\d/.test(whole);
    normalised = thousands ? `${whole}${fraction}` : `${whole}.${fraction}`;
  } else {
    normalised = text;
  }
  const number = Number(normalised);
  return Number.isFinite(number) ? checkNumber(number, options) : fail(`"${text}" is not a number`);
}

function checkNumber(number: number, options: { integer: boolean }): Parsed<number> {
  if (!Number.isFinite(number)) return fail('not a finite number');
  if (options.integer && !Number.isInteger(number)) return fail(`${number} is not a whole number`);
  return ok(number);
}

function splitOnce(text: string, at: number): [string, string] {
  return [text.slice(0, at), text.slice(at + 1)];
}

/** True when `text` is digits grouped by three with `separator` ("1.234.567", optionally signed). */
function isGrouped(text: string, separator: string): boolean {
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^[+-]?\\d{1,3}(${escaped}\\d{3})*$`).test(text) || /^[+-]?\d+$/.test(text);
}

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mar: 3, maret: 3, march: 3, apr: 4, april: 4,
  mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, agu: 8, agt: 8, ags: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, nopember: 11, november: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

/**
 * A calendar date as yyyy-mm-dd. Takes an Excel date cell, an Excel serial number (1900 date
 * system, as Excel and LibreOffice store them), dd/mm/yyyy (also with - or .), yyyy-mm-dd and
 * "26 Oktober 2021". Day-first is the Indonesian order; mm/dd/yyyy is never guessed.
 */
export function parseDate(cell: CellValue): Parsed<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail('not a date') : ok(isoDate(cell));
  if (typeof cell === 'number') return fromSerial(cell);
  const text = textOf(cell);
  if (text === '') return fail('empty');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]), text);
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return fromParts(Number(match[3]), Number(match[2]), Number(match[1]), text);
  match = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    if (month) return fromParts(Number(match[3]), month, Number(match[1]), text);
  }
  if (/^\d+(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  return fail(`"${text}" is not a date: write dd/mm/yyyy, yyyy-mm-dd or use a date cell`);
}

function fromSerial(serial: number): Parsed<string> {
  // Serial 1 is 1900-01-01; Excel counts a 29 Feb 1900 that never was, so 25569 is 1970-01-01.
  if (!Number.isFinite(serial) || serial < 367 || serial > 73050) return fail(`${serial} is not a date`);
  return ok(isoDate(new Date(Math.round((Math.floor(serial) - 25569) * 86_400_000))));
}

function fromParts(year: number, month: number, day: number, text: string): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail(`"${text}" is not a date`);
  return ok(isoDate(date));
}

/** yyyy-mm-dd of a date in UTC (exceljs gives date cells as UTC midnight). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A Kemendagri village code as people type it: with or without dots ("5207022001" →
 * "52.07.02.2001"), surrounding spaces, or as a number cell. Returns null when it cannot be one.
 */
export function normaliseAreaCode(cell: CellValue): string | null {
  const text = typeof cell === 'number' ? String(cell) : textOf(cell).replace(/\s+/g, '');
  if (/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(text)) return text;
  const digits = text.replace(/[.\-/]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  switch (digits.length) {
    case 10:
      return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
    case 6:
      return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
    case 4:
      return `${digits.slice(0, 2)}.${digits.slice(2)}`;
    default:
      return null;
  }
}

/** A village name for matching: lower case, no punctuation, no "Desa"/"Kelurahan" prefix ("Kel. Bekasi Jaya" → "bekasi jaya"). */
export function normaliseName(name: string): string {
  return headerKey(name)
    .replace(/^(desa|kelurahan|kel|ds)_/, '')
    .replaceAll('_', ' ');
}
