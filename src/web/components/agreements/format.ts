/**
 * Pure formatting for the agreement pages: rupiah, calendar dates (no time zone shift: a signing
 * date is a day, not an instant), terms and day counts. `language` is the UI language (id | en).
 */

/** Whole rupiah: "Rp 1.500.000" in Indonesian, "IDR 1,500,000" in English. */
export function formatRupiah(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A calendar date ("2021-10-26", or the date part of a timestamp) as "26 Oktober 2021". Read as a
 * UTC day so that a reader west of Greenwich does not see the 25th. Anything else is shown as it is.
 */
export function formatDay(value: string, language: string): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The term of an agreement: "1 Januari 2022 – 31 Desember 2026", one side open when unknown, or null. */
export function formatTerm(start: string | null, end: string | null, language: string, open: string): string | null {
  if (!start && !end) return null;
  return `${start ? formatDay(start, language) : open} – ${end ? formatDay(end, language) : open}`;
}

/** Whole calendar days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (value: string) => Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** Today's date in the reader's own time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file size for people: "12 KB", "3,4 MB". */
export function formatBytes(bytes: number, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** The first characters of a SHA-256, enough to compare two copies by eye; the full value goes in a title. */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

/** Parses a rupiah amount typed by a person: "1.500.000", "Rp 1.500.000", "1500000". Null when it is not a whole, non-negative amount. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*(rp|idr)\.?\s*/i, '').replace(/[.\s]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return null;
  return Number(digits);
}
