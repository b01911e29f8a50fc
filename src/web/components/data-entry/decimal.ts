/**
 * Numbers as people type them. In Indonesian the dot groups thousands and the comma marks the
 * decimals (`1.200`, `12,5`, `1.200,5`); in English the other way round (`1,200`, `12.5`). A lone
 * separator that does not group thousands is read as the decimal mark in either language, so
 * `12.5` works in Indonesian and `12,5` in English. Spaces are ignored.
 */
export type DecimalMark = ',' | '.';

/** The decimal mark of a UI language: a comma for Indonesian, a dot otherwise. */
export function decimalMarkOf(language: string): DecimalMark {
  return language.startsWith('id') ? ',' : '.';
}

/** `null` for empty text; `NaN` for text that is not a number. */
export function parseDecimal(text: string, mark: DecimalMark): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const group = mark === ',' ? '.' : ',';
  const sign = compact.startsWith('-') ? -1 : 1;
  const digits = compact.replace(/^[-+]/, '');
  const grouped = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+(?:\\${mark}\\d+)?$`);
  if (grouped.test(digits)) return sign * Number(digits.split(group).join('').replace(mark, '.'));
  // One separator of either kind, not grouping thousands: the decimal mark.
  if (/^\d+(?:[.,]\d+)?$/.test(digits)) return sign * Number(digits.replace(',', '.'));
  return Number.NaN;
}

/** A stored number as input text: no grouping (easy to edit), the language's decimal mark. */
export function formatDecimal(value: number | null, mark: DecimalMark): string {
  if (value === null) return '';
  return String(value).replace('.', mark);
}
