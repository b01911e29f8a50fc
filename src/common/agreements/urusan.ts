/**
 * Government affairs (urusan pemerintahan) a region holds and so may cooperate on: the objek of a
 * KSDD (Permendagri 22/2020, research/kerjasama-twinning.md §1.1 [V S2, S6]). The three groups and
 * their counts (6 wajib pelayanan dasar, 18 wajib non-pelayanan dasar, 8 pilihan) are verified in
 * the research; the full names follow UU 23/2014 Pasal 12 (the research quotes some of them; the
 * rest are taken from the Act's list [I]). Codes are stable slugs, not official numbers: the
 * research gives no numbering, and none is invented here.
 *
 * Scope items map to one of these. "Ilmu Pengetahuan dan Teknologi" and "Pelatihan" (ASN
 * training) are supporting functions, not urusan: they are flagged for TKKSD legal review.
 */
export type UrusanGroup = 'wajib_pelayanan_dasar' | 'wajib_non_pelayanan_dasar' | 'pilihan';

export interface Urusan {
  code: string;
  name: string;
  group: UrusanGroup;
  source: string;
}

const PD = 'UU 23/2014 Pasal 12(1); Permendagri 22/2020 [research §1.1, S6]';
const NPD = 'UU 23/2014 Pasal 12(2); Permendagri 22/2020 [research §1.1, S6]';
const PILIHAN = 'UU 23/2014 Pasal 12(3); Permendagri 22/2020 [research §1.1, S6]';

const entry = (group: UrusanGroup, source: string) => ([code, name]: readonly [string, string]): Urusan => ({ code, name, group, source });

export const URUSAN: readonly Urusan[] = [
  ...(
    [
      ['pendidikan', 'Pendidikan'],
      ['kesehatan', 'Kesehatan'],
      ['pu_penataan_ruang', 'Pekerjaan Umum dan Penataan Ruang'],
      ['perumahan_permukiman', 'Perumahan Rakyat dan Kawasan Permukiman'],
      ['trantibum_linmas', 'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat'],
      ['sosial', 'Sosial'],
    ] as const
  ).map(entry('wajib_pelayanan_dasar', PD)),
  ...(
    [
      ['tenaga_kerja', 'Tenaga Kerja'],
      ['pemberdayaan_perempuan_anak', 'Pemberdayaan Perempuan dan Pelindungan Anak'],
      ['pangan', 'Pangan'],
      ['pertanahan', 'Pertanahan'],
      ['lingkungan_hidup', 'Lingkungan Hidup'],
      ['adminduk_capil', 'Administrasi Kependudukan dan Pencatatan Sipil'],
      ['pemberdayaan_masyarakat_desa', 'Pemberdayaan Masyarakat dan Desa'],
      ['pengendalian_penduduk_kb', 'Pengendalian Penduduk dan Keluarga Berencana'],
      ['perhubungan', 'Perhubungan'],
      ['kominfo', 'Komunikasi dan Informatika'],
      ['koperasi_ukm', 'Koperasi, Usaha Kecil, dan Menengah'],
      ['penanaman_modal', 'Penanaman Modal'],
      ['kepemudaan_olahraga', 'Kepemudaan dan Olah Raga'],
      ['statistik', 'Statistik'],
      ['persandian', 'Persandian'],
      ['kebudayaan', 'Kebudayaan'],
      ['perpustakaan', 'Perpustakaan'],
      ['kearsipan', 'Kearsipan'],
    ] as const
  ).map(entry('wajib_non_pelayanan_dasar', NPD)),
  ...(
    [
      ['kelautan_perikanan', 'Kelautan dan Perikanan'],
      ['pariwisata', 'Pariwisata'],
      ['pertanian', 'Pertanian'],
      ['kehutanan', 'Kehutanan'],
      ['esdm', 'Energi dan Sumber Daya Mineral'],
      ['perdagangan', 'Perdagangan'],
      ['perindustrian', 'Perindustrian'],
      ['transmigrasi', 'Transmigrasi'],
    ] as const
  ).map(entry('pilihan', PILIHAN)),
];

const BY_CODE = new Map(URUSAN.map((urusan) => [urusan.code, urusan]));

export function findUrusan(code: string): Urusan | undefined {
  return BY_CODE.get(code);
}

/**
 * Whether a scope item needs TKKSD legal review: it maps to no urusan, or someone flagged it
 * (e.g. "Pendidikan dan Pelatihan", where the training of ASN is a supporting function).
 */
export function needsLegalReview(urusanCode: string | null | undefined, flagged: boolean | undefined): boolean {
  return !urusanCode || !BY_CODE.has(urusanCode) || flagged === true;
}
