import { headerKey, textOf, type CellValue } from './cell-values.ts';
import type { ColumnSpec } from './table.ts';

/**
 * The household (KK) survey row, pure: the columns of the reference implementation's export
 * (research §3.1, RAMDHAN-MQ/stbm-puskesmas-web: No, No KK, Nama Kepala Keluarga, Desa, RT, RW,
 * Jumlah Jiwa, Jumlah Jiwa Menetap, Pilar 1–5, Status, Petugas, Tanggal) and how their cells read.
 * The name and officer columns are never read: the import needs neither, and they are personal data.
 */
export type HouseholdColumn =
  | 'no_kk' | 'kode_desa' | 'desa' | 'rt' | 'rw' | 'jiwa'
  | 'pilar_1' | 'pilar_2' | 'pilar_3' | 'pilar_4' | 'pilar_5' | 'status' | 'tanggal';

const pillar = (k: number, names: readonly string[]) => [`pilar_${k}`, `pilar${k}`, `p${k}`, ...names.flatMap((name) => [name, `pilar_${k}_${name}`])];

export const HOUSEHOLD_COLUMNS: readonly ColumnSpec<HouseholdColumn>[] = [
  { key: 'no_kk', required: true, aliases: ['no_kk', 'nomor_kk', 'no_kartu_keluarga', 'nomor_kartu_keluarga', 'nkk', 'kk'] },
  { key: 'kode_desa', aliases: ['kode_desa', 'kode_desa_kelurahan', 'kd_desa', 'kode_wilayah', 'kode_kelurahan'] },
  { key: 'desa', aliases: ['desa', 'desa_kelurahan', 'kelurahan', 'nama_desa', 'wilayah'] },
  { key: 'rt', aliases: ['rt'] },
  { key: 'rw', aliases: ['rw'] },
  { key: 'jiwa', aliases: ['jumlah_jiwa', 'jml_jiwa', 'jiwa', 'jumlah_anggota_keluarga', 'anggota_keluarga'] },
  { key: 'pilar_1', aliases: pillar(1, ['sbs', 'stop_babs', 'jamban']) },
  { key: 'pilar_2', aliases: pillar(2, ['ctps']) },
  { key: 'pilar_3', aliases: pillar(3, ['pammrt', 'pamm_rt']) },
  { key: 'pilar_4', aliases: pillar(4, ['psrt', 'ps_rt']) },
  { key: 'pilar_5', aliases: pillar(5, ['plcrt', 'plc_rt']) },
  { key: 'status', aliases: ['status', 'status_kunjungan'] },
  { key: 'tanggal', aliases: ['tanggal', 'tgl', 'tanggal_kunjungan', 'tgl_kunjungan', 'tanggal_survei', 'tgl_survei', 'tanggal_verifikasi'] },
];

/** Pillar 1 as stored: a latrine category (Monev STBM) or, as the reference implementation records it, layak / tidak layak. */
export const PILLAR_1_VALUES = ['JSP', 'JSSP', 'SHARING', 'BABS', 'LAYAK', 'TIDAK_LAYAK'] as const;
export type Pillar1 = (typeof PILLAR_1_VALUES)[number];
/** Pillar 1 values that count as access to a healthy latrine (Profil Kesehatan counts sharing as access). */
export const PILLAR_1_ACCESS: readonly Pillar1[] = ['JSP', 'JSSP', 'SHARING', 'LAYAK'];

const YES = new Set(['layak', 'ya', 'y', 'yes', '1', 'true', 'memenuhi', 'sehat', 'v', 'sudah']);
const NO = new Set(['tidak_layak', 'tidak', 't', 'n', 'no', '0', 'false', 'tidak_memenuhi', 'belum_layak', 'belum_memenuhi', 'x', 'belum']);
const CATEGORIES: Record<string, Pillar1> = {
  jsp: 'JSP', jamban_sehat_permanen: 'JSP',
  jssp: 'JSSP', jamban_sehat_semi_permanen: 'JSSP',
  sharing: 'SHARING', numpang: 'SHARING', komunal: 'SHARING', sharing_komunal: 'SHARING',
  babs: 'BABS', od: 'BABS', bab_sembarangan: 'BABS',
};

export type CellRead<T> = { ok: true; value: T | null } | { ok: false; message: string };

/** A yes/no pillar answer (pillars 2–5): layak/ya/1/✓ or tidak layak/tidak/0/✗; empty is not surveyed. */
export function readPillar(cell: CellValue): CellRead<boolean> {
  const text = textOf(cell);
  if (text === '') return { ok: true, value: null };
  if (text === '✓' || text === '✔') return { ok: true, value: true };
  if (text === '✗' || text === '✘') return { ok: true, value: false };
  const key = headerKey(cell);
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return { ok: false, message: `"${text}" is not a pillar result: use layak / tidak layak (or ya / tidak, 1 / 0)` };
}

/** Pillar 1: a latrine category (JSP, JSSP, sharing/numpang, BABS) or layak / tidak layak. */
export function readPillar1(cell: CellValue): CellRead<Pillar1> {
  const category = CATEGORIES[headerKey(cell)];
  if (category) return { ok: true, value: category };
  const answer = readPillar(cell);
  if (!answer.ok) return { ok: false, message: `${answer.message}, or a latrine category JSP, JSSP, sharing, BABS` };
  return { ok: true, value: answer.value === null ? null : answer.value ? 'LAYAK' : 'TIDAK_LAYAK' };
}

/** The visit status of the reference implementation: proses or selesai. */
export function readVisitStatus(cell: CellValue): CellRead<'proses' | 'selesai'> {
  const key = headerKey(cell);
  if (key === '') return { ok: true, value: null };
  if (key === 'proses' || key === 'dalam_proses') return { ok: true, value: 'proses' };
  if (key === 'selesai' || key === 'sudah_selesai') return { ok: true, value: 'selesai' };
  return { ok: false, message: `"${textOf(cell)}" is not a visit status: use proses or selesai` };
}

/**
 * The family-card number (No KK) as 16 digits. Spaces, dots and a leading apostrophe are dropped.
 * A number cell beyond 2^53 has already lost its last digits in Excel: that is reported, not guessed.
 */
export function readKkNumber(cell: CellValue): CellRead<string> {
  // The common case, checked first: a text cell of exactly 16 digits (a million rows of them in one file).
  if (typeof cell === 'string' && SIXTEEN_DIGITS.test(cell)) return { ok: true, value: cell };
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) return { ok: false, message: 'the No KK was stored as a number and Excel has rounded its last digits: format the column as text and type the numbers again' };
    return checkKk(String(cell));
  }
  const text = textOf(cell).replace(/^'/, '').replace(/[\s.-]/g, '');
  if (text === '') return { ok: false, message: 'the No KK is empty' };
  return checkKk(text);
}

const SIXTEEN_DIGITS = /^\d{16}$/;

function checkKk(digits: string): CellRead<string> {
  if (!SIXTEEN_DIGITS.test(digits)) return { ok: false, message: 'the No KK must be 16 digits' };
  return { ok: true, value: digits };
}

/** RT/RW as written, without leading zeros ("003" → "3"), or null. */
export function readNeighbourhood(cell: CellValue): string | null {
  const text = textOf(cell);
  if (text === '') return null;
  return /^\d+$/.test(text) ? String(Number(text)) : text.slice(0, 20);
}

/** A village's pillar tallies over its surveyed households. */
export interface VillageTally {
  /** Households with a pillar-1 answer, and those with access. */
  pillar1: number;
  access: number;
  /** Households by latrine category, when every pillar-1 answer of the village is a category. */
  categories: Record<'JSP' | 'JSSP' | 'SHARING' | 'BABS', number>;
  onlyCategories: boolean;
  /** Per pillar 2–5: households answered, households meeting it. */
  answered: [number, number, number, number];
  met: [number, number, number, number];
}

export function emptyTally(): VillageTally {
  return { pillar1: 0, access: 0, categories: { JSP: 0, JSSP: 0, SHARING: 0, BABS: 0 }, onlyCategories: true, answered: [0, 0, 0, 0], met: [0, 0, 0, 0] };
}

export function addToTally(tally: VillageTally, pillar1: Pillar1 | null, pillars: ReadonlyArray<boolean | null>): void {
  if (pillar1 !== null) {
    tally.pillar1 += 1;
    if (PILLAR_1_ACCESS.includes(pillar1)) tally.access += 1;
    if (pillar1 === 'LAYAK' || pillar1 === 'TIDAK_LAYAK') tally.onlyCategories = false;
    else tally.categories[pillar1] += 1;
  }
  for (let index = 0; index < 4; index += 1) {
    const answer = pillars[index];
    if (answer === null || answer === undefined) continue;
    tally.answered[index] = (tally.answered[index] ?? 0) + 1;
    if (answer) tally.met[index] = (tally.met[index] ?? 0) + 1;
  }
}
