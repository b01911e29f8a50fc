import type { Attendance, ClauseKey } from '../../common/agreements/vocabulary.ts';

/**
 * The founding agreement, exactly as the public reports give it: the Twinning Program between
 * Kabupaten Sumbawa Barat (52.07) and Kota Bekasi (32.75), signed on 26 October 2021 at Candra
 * Braga, Kantor Wali Kota Bekasi. Sources: research/kerjasama-twinning.md S17, S18 and
 * research/stbm-indicators.md S1–S3, S7, S8. What the reports do not say is left empty, never
 * guessed: document numbers, the term, the Wali Kota Bekasi's name, the witnesses' names (the
 * research gives positions only), which party is PIHAK PERTAMA (the reports' order is used), and
 * other KSB officials (the research names none besides the Bupati).
 */
export const FOUNDING_AGREEMENT_ID = '20211026-0000-4000-8000-000052073275';

const S17 = ['https://www.kanalaspirasi.com/2021/10/bupati-ksb-dan-wali-kota-bekasi-bangun.html', 'https://centralditanews.com/?p=6329'];
const S18 = 'https://focusntb.com/2021/10/27/bupati-ksb-dan-wali-kota-bekasi-jadi-contoh-sukses-kelola-sanitasi-di-indonesia/';
const MURI = 'https://www.nasionaleditor.com/post/bupati-sumbawa-barat-raih-rekor-muri';
const TUNTAS = 'https://prokopim.sumbawabaratkab.go.id/?p=11647';

export const FOUNDING_AGREEMENT = {
  title: 'Twinning Program Kabupaten Sumbawa Barat – Kota Bekasi',
  category: 'ksdd_sukarela' as const,
  objectives:
    'Meningkatkan derajat kesehatan dan kesejahteraan masyarakat, sebagai kerja sama percontohan (sister city). ' +
    'Dimaksudkan untuk keterpaduan pengelolaan program kegiatan pembangunan, serta efisiensi pemanfaatan dan pengembangan potensi yang saling terkait ' +
    'dan saling membutuhkan sumber daya, di bidang kesehatan dan aspek pembangunan lainnya.',
  note:
    'Dicatat dari pemberitaan publik penandatanganan 26 Oktober 2021 (KSDD sukarela: dua daerah yang tidak berbatasan). ' +
    'Tidak disebutkan sumber, jadi dikosongkan: nomor naskah para pihak, jangka waktu, nama Wali Kota Bekasi, nama para saksi. ' +
    'Urutan PIHAK mengikuti urutan pemberitaan, bukan naskah. Mitra Samya (penyelenggara bersama FORKALIM, atas dukungan UNICEF) dan Apkasi juga dilaporkan hadir (S18).',
  sources: [...S17, S18],
};

export const FOUNDING_PARTIES: readonly { code: string; note: string; sources: string[] }[] = [
  {
    code: '52.07',
    note: 'Kabupaten pertama di Indonesia yang tuntas 5 pilar STBM (dinyatakan 19 Agustus 2021; rekor MURI 14 Oktober 2021)',
    sources: [S17[0] as string, TUNTAS, MURI],
  },
  { code: '32.75', note: 'Berprestasi dalam pengelolaan sanitasi aman', sources: S17 },
];

export const FOUNDING_OTHERS: readonly { code: string; role: 'fasilitator' | 'saksi'; attendance: Attendance | null; note: string; sources: string[] }[] = [
  { code: 'forkalim', role: 'fasilitator', attendance: null, note: 'Mengajak kedua kepala daerah menjadi contoh bagi daerah lain dan menyelenggarakan Twinning Program', sources: [...S17, S18] },
  { code: 'unicef', role: 'saksi', attendance: 'online', note: 'Menyaksikan secara daring; kegiatan atas dukungan UNICEF', sources: [S18] },
  { code: 'bappenas', role: 'saksi', attendance: 'online', note: 'Menyaksikan secara daring', sources: [S18] },
  { code: 'kemenkes', role: 'saksi', attendance: 'online', note: 'Menyaksikan secara daring', sources: [S18] },
  { code: 'kemen-pupr', role: 'saksi', attendance: 'online', note: 'Menyaksikan secara daring', sources: [S18] },
  { code: 'akkopsi', role: 'saksi', attendance: 'online', note: 'Menyaksikan secara daring: Wali Kota Jambi sebagai Ketua AKKOPSI', sources: [S18] },
];

/** People by organisation code; `signs` marks the KB's signatories. Names only where the research gives them. */
export const FOUNDING_PEOPLE: readonly { code: string; name: string | null; position: string; attendance: Attendance | null; signs: boolean; sources: string[] }[] = [
  { code: '52.07', name: 'Dr. Ir. H. W. Musyafirin, MM', position: 'Bupati Sumbawa Barat', attendance: 'in_person', signs: true, sources: S17 },
  { code: '32.75', name: null, position: 'Wali Kota Bekasi', attendance: 'in_person', signs: true, sources: S17 },
  { code: 'forkalim', name: 'Khaidir Efendi', position: 'Ketua FORKALIM', attendance: null, signs: false, sources: [S18] },
  { code: 'unicef', name: null, position: 'Perwakilan UNICEF Indonesia', attendance: 'online', signs: false, sources: [S18] },
  { code: 'bappenas', name: null, position: 'Direktur Perumahan dan Permukiman, Kementerian PPN/Bappenas', attendance: 'online', signs: false, sources: [S18] },
  { code: 'kemenkes', name: null, position: 'Direktur Kesehatan Lingkungan, Kementerian Kesehatan', attendance: 'online', signs: false, sources: [S18] },
  { code: 'kemen-pupr', name: null, position: 'Direktur Sanitasi, Kementerian PUPR', attendance: 'online', signs: false, sources: [S18] },
  { code: 'akkopsi', name: null, position: 'Wali Kota Jambi, Ketua AKKOPSI', attendance: 'online', signs: false, sources: [S18] },
];

const IPTEK_NOTE = 'Ilmu pengetahuan dan teknologi adalah fungsi penunjang, bukan urusan pemerintahan (UU 23/2014 Pasal 12): perlu kajian hukum TKKSD';

export const FOUNDING_SCOPE: readonly { label: string; urusanCode: string | null; needsLegalReview: boolean; reviewNote: string | null }[] = [
  { label: 'Kesehatan', urusanCode: 'kesehatan', needsLegalReview: false, reviewNote: null },
  { label: 'Perumahan dan Permukiman', urusanCode: 'perumahan_permukiman', needsLegalReview: false, reviewNote: null },
  { label: 'Kebudayaan dan Pariwisata', urusanCode: 'kebudayaan', needsLegalReview: false, reviewNote: 'Mencakup dua urusan: Kebudayaan (wajib non-pelayanan dasar) dan Pariwisata (pilihan)' },
  { label: 'Ilmu Pengetahuan dan Teknologi', urusanCode: null, needsLegalReview: true, reviewNote: IPTEK_NOTE },
  { label: 'Pendidikan dan Pelatihan', urusanCode: 'pendidikan', needsLegalReview: true, reviewNote: 'Pendidikan adalah urusan; pelatihan ASN adalah fungsi penunjang, bukan urusan: perlu kajian hukum TKKSD' },
  { label: 'Bidang lain sesuai kebutuhan masing-masing daerah', urusanCode: null, needsLegalReview: true, reviewNote: 'Tidak menyebut urusan tertentu: petakan ke urusan sebelum dilaksanakan' },
];

export const FOUNDING_KB = {
  title: 'Kesepakatan Bersama (MoU) Twinning Program Kabupaten Sumbawa Barat – Kota Bekasi',
  signedOn: '2021-10-26',
  signedPlace: 'Candra Braga, Kantor Wali Kota Bekasi',
  /** What the reports show the MoU states: its purpose and its scope. The rest is unknown, not absent. */
  clauses: ['maksud_tujuan', 'ruang_lingkup'] as ClauseKey[],
  note: 'Naskah dan nomor para pihak tidak dipublikasikan; daftar pasal hanya mencatat yang disebut pemberitaan (maksud, tujuan, ruang lingkup).',
  sources: S17,
};
