/**
 * Normalises names for search: lower case, accents and punctuation removed, spaces collapsed.
 * "Kab. Sumbawa-Barat" and "kab sumbawa barat" normalise to the same text, so users can type
 * either. The server stores this form beside each name and normalises queries the same way.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Administrative prefixes people often leave out when searching ("Kabupaten Sumbawa Barat" → "sumbawa barat"). */
const KIND_PREFIXES = ['kabupaten ', 'kab ', 'kota ', 'provinsi ', 'kecamatan ', 'kec ', 'desa adat ', 'desa ', 'kelurahan ', 'kel '];

/** The normalised name without a leading administrative word, for exact and prefix ranking. */
export function coreSearchText(text: string): string {
  const normalized = normalizeSearchText(text);
  const prefix = KIND_PREFIXES.find((candidate) => normalized.startsWith(candidate));
  return prefix ? normalized.slice(prefix.length) : normalized;
}
