/**
 * Kemendagri area codes as a materialized path: `52` (provinsi) → `52.07` (kabupaten/kota)
 * → `52.07.02` (kecamatan) → `52.07.02.2001` (desa/kelurahan). An ancestor's code is a prefix
 * of its descendants' codes, so "everything under 52.07" is the range `[52.07., 52.07/)`.
 * Pure: no I/O, shared by server and web.
 */

export const AREA_LEVELS = [1, 2, 3, 4] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const AREA_KINDS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Two digits, then two, two and four, each after a dot; every prefix of that is a code too. */
export const AREA_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

/** Longest code (a village): `52.07.02.2001`. */
export const AREA_CODE_MAX_LENGTH = 13;

export function isAreaCode(value: string): boolean {
  return AREA_CODE_PATTERN.test(value);
}

/** Level from the number of segments: 1 provinsi … 4 desa/kelurahan. Throws on a malformed code. */
export function areaLevel(code: string): AreaLevel {
  assertAreaCode(code);
  return code.split('.').length as AreaLevel;
}

/** The code one level up, or null for a province. */
export function parentCode(code: string): string | null {
  assertAreaCode(code);
  const cut = code.lastIndexOf('.');
  return cut === -1 ? null : code.slice(0, cut);
}

/** All ancestors' codes, from the province down to the parent (excluding the code itself). */
export function ancestorCodes(code: string): string[] {
  assertAreaCode(code);
  const segments = code.split('.');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('.'));
}

/** True when `descendant` lies strictly under `ancestor`. */
export function isDescendantOf(descendant: string, ancestor: string): boolean {
  return descendant.startsWith(`${ancestor}.`);
}

/**
 * Half-open range `[low, high)` holding every descendant of `code` under byte ("C") ordering.
 * `/` is the character right after `.`, so `52.07/` sorts after every `52.07.…`.
 */
export function descendantRange(code: string): { low: string; high: string } {
  return { low: `${code}.`, high: `${code}/` };
}

/**
 * The kind of an area, by the rule documented in docs/glossary.md:
 * - level 1 is a provinsi;
 * - level 2 is a kota when its official name starts with "Kota", otherwise a kabupaten
 *   (the Kemendagri code does not tell them apart; the name always carries it);
 * - level 3 is a kecamatan (called "distrik" in Papua; the same administrative level);
 * - level 4 is a kelurahan when the village number starts with 1, a desa when it starts with 2,
 *   and a desa adat (counted as desa) when it starts with 3 — the Kemendagri numbering rule.
 */
export function areaKind(code: string, name: string): AreaKind {
  const level = areaLevel(code);
  switch (level) {
    case 1:
      return 'provinsi';
    case 2:
      return /^kota\b/i.test(name.trim()) ? 'kota' : 'kabupaten';
    case 3:
      return 'kecamatan';
    case 4:
      return code.slice(-4).startsWith('1') ? 'kelurahan' : 'desa';
  }
}

function assertAreaCode(code: string): void {
  if (!isAreaCode(code)) throw new RangeError(`"${code}" is not a Kemendagri area code (e.g. 52.07.02.2001)`);
}
