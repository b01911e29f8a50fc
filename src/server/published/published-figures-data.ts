/**
 * REAL figures as published, for the founding twinning (Kabupaten Sumbawa Barat ↔ Kota Bekasi), their
 * province and the nation, each with its citation and URL. Taken from research/stbm-indicators.md §0 and
 * §2.4 (evidence [V]: the cited text was read and says this; keys resolve in its §9), plus the per-village
 * pillar 4/5 results of the NTB verification as printed in source S6 (read for this list). Shown beside the
 * live values, never rolled up, never mixed with the example data. Re-check before production use.
 */
import type { PublishedFigure } from '../../common/api/published-figures.ts';

export type PublishedFigureSeed = Omit<PublishedFigure, 'areaName'>;

const S = {
  S4: { citation: 'newsmetrontb.com, "Pilar 2 dan 3 STBM tuntas, pilar 4 dan 5 …", Sep 2020', url: 'https://newsmetrontb.com/2020/09/pilar-2-dan-3-stbm-tuntas-pilar-4-dan-5.html' },
  S5: { citation: 'detikHealth, "24 wilayah di Indonesia dinyatakan bebas BAB sembarangan", 18 Oct 2018', url: 'https://health.detik.com/read/2018/10/18/095907/4261912/763/24-wilayah-di-indonesia-dinyatakan-bebas-bab-sembarangan-ini-daftarnya' },
  S6: { citation: 'Radio Arki (arkifm.com), "Pilar 4 dan 5 STBM tuntas 96 persen": verification by Pokja AMPL Provinsi NTB, results of 10 Jul 2021', url: 'https://arkifm.com/26398-pilar-4-dan-5-stbm-tuntas-96-persen.html' },
  S7: { citation: 'Prokopim Kabupaten Sumbawa Barat: declaration "tuntas 5 pilar STBM", 19 Aug 2021', url: 'https://prokopim.sumbawabaratkab.go.id/?p=11647' },
  S9: { citation: 'beritalima.com, "STBM Pemda KSB sebagai percontohan …": 2019 baseline per pillar (Perbup Sumbawa Barat 20/2019 tentang STBM)', url: 'https://beritalima.com/stbm-pemda-ksb-sebagai-percontohan-di-tingkat-nasional-bahkan-internasional' },
  S10: { citation: 'kabarntb.com, "Strategi pencapaian sanitasi aman sesuai target RPJMD Kabupaten Sumbawa Barat 2021–2026" (Perda 7/2021), Sep 2023', url: 'https://kabarntb.com/2023/09/strategi-pencapaian-sanitasi-aman-sesuai-target-rpjmd-kabupaten-sumbawa-barat-2021-2026/' },
  S11: { citation: 'Rencana Teknis (Rentek) L2T2 Kabupaten Sumbawa Barat (pdfcoffee.com copy)', url: 'https://pdfcoffee.com/rentek-l2t2-ksb-pdf-free.html' },
  S12: { citation: 'Media Indonesia, "Minat warga tinggi, petugas sampai kewalahan" (L2T2 Kota Bekasi, IPLT Sumurbatu)', url: 'https://devel.mediaindonesia.com/megapolitan/97212/minat-warga-tinggi-petugas-sampai-kewalahan' },
  S13: { citation: 'Media Indonesia, "Layanan lumpur tinja via aplikasi" (Kota Bekasi, 2018)', url: 'https://mediaindonesia.com/megapolitan/154901/layanan-lumpur-tinja-via-aplikasi' },
  S14: { citation: 'Pos Kota, "Bank Dunia kucurkan Rp 2 triliun untuk pengolahan limbah rumah tangga", 5 Nov 2019', url: 'https://poskota.co.id/2019/11/05/bank-dunia-kucurkan-rp-2-triliun-untuk-pengolahan-limbah-rumah-tangga' },
  S15: { citation: 'reportika.id, "Disperkimtan Kota Bekasi genjot program sanitasi, pembangunan septic tank capai 70 persen", 2025', url: 'https://reportika.id/disperkimtan-kota-bekasi-genjot-program-sanitasi-pembangunan-septic-tank-capai-70-persen' },
  S36: { citation: 'Databoks (Katadata) from BPS: proporsi rumah tangga dengan akses sanitasi layak 2021', url: 'https://databoks.katadata.co.id/datapublish/2022/09/30/ini-proporsi-rumah-tangga-yang-memiliki-akses-sanitasi-layak-pada-2021' },
  S37: { citation: 'Databoks (Katadata) from BPS Indikator Kesejahteraan Rakyat 2024: akses sanitasi layak per provinsi 2024', url: 'https://databoks.katadata.co.id/index.php/demografi/statistik/672d7a696d42f/akses-sanitasi-layak-provinsi-di-ri-2024-bali-tertinggi-papua-terendah' },
  S44: { citation: 'BPS, SDGs indicator 6.2.1: proporsi rumah tangga yang memiliki fasilitas cuci tangan dengan sabun dan air', url: 'https://www.bps.go.id/indikator/indikator/view_data/0000/data/1273/sdgs_6/1' },
  S47: { citation: 'Kontan, "Fokus tingkatkan akses sanitasi dan air minum layak, ini target Bappenas" (2018 baseline)', url: 'https://nasional.kontan.co.id/news/fokus-tingkatkan-akses-sanitasi-dan-air-minum-layak-ini-target-bappenas' },
} as const;

type Key = keyof typeof S;
type Entry = Omit<PublishedFigureSeed, 'citation' | 'url' | 'evidence' | 'kind' | 'statusValue' | 'note'> &
  Partial<Pick<PublishedFigureSeed, 'kind' | 'statusValue' | 'note'>>;

function cite(key: Key, entry: Entry, extraEvidence: Key[] = []): PublishedFigureSeed {
  return { kind: 'figure', statusValue: null, note: null, ...entry, citation: S[key].citation, url: S[key].url, evidence: [key, ...extraEvidence] };
}

const KSB = '52.07';
const BEKASI = '32.75';
const PILLARS = [
  ['PILAR_2', 'CTPS', 'handwashing with soap'],
  ['PILAR_3', 'PAMM-RT', 'drinking water and food'],
  ['PILAR_4', 'PS-RT', 'solid waste'],
  ['PILAR_5', 'PLC-RT', 'liquid waste'],
] as const;
const BASELINE_2019 = [80.63, 93.8, 69.62, 64.46];
/** Sample villages of the NTB verification of pillars 4 and 5 (one per kecamatan), as printed in S6. */
const SAMPLE_VILLAGES_2021 = [
  { code: '52.07.04.2007', name: 'Kemuning (Kec. Sekongkang)', p4: 92.23, p5: 95 },
  { code: '52.07.08.2004', name: 'Mantun (Kec. Maluk)', p4: 90.9, p5: 70.2 },
  { code: '52.07.01.2003', name: 'Beru (Kec. Jereweh)', p4: 96.06, p5: 96.06 },
  { code: '52.07.02.2015', name: 'Batu Putih (Kec. Taliwang)', p4: 82.02, p5: 74.03 },
];

export const PUBLISHED_FIGURES: readonly PublishedFigureSeed[] = [
  // Kabupaten Sumbawa Barat: STBM
  cite('S5', { id: 'ksb-odf-2017', areaCode: KSB, indicatorCode: 'STBM.KAB.ODF_STATUS', period: '2017', labelId: 'Kabupaten SBS/ODF (Stop BABS)', labelEn: 'Regency open-defecation free', value: null, statusValue: 'YA', unit: 'yes/no' }, ['S4']),
  cite('S9', { id: 'ksb-2019-baseline-sbs', areaCode: KSB, indicatorCode: null, period: '2019', labelId: 'Baseline 2019 pilar 1 (SBS)', labelEn: '2019 baseline, pillar 1 (stop open defecation)', value: 97, unit: 'percent', note: 'Published as "SBS 97%" without saying of what (KK or villages); not matched to an indicator.' }),
  ...PILLARS.map(([pillar, short, english], index) =>
    cite('S9', { id: `ksb-2019-baseline-${pillar.toLowerCase()}`, areaCode: KSB, indicatorCode: `STBM.DS.${pillar}_PCT`, period: '2019', labelId: `Baseline 2019 ${short}`, labelEn: `2019 baseline, ${english}`, value: BASELINE_2019[index] ?? null, unit: 'percent' }),
  ),
  cite('S4', { id: 'ksb-2020-tuntas-pilar-2', areaCode: KSB, indicatorCode: 'STBM.KAB.TUNTAS_PILAR_2', period: '20200922', labelId: 'Pilar 2 (CTPS) terverifikasi 100%', labelEn: 'Pillar 2 (handwashing) verified at 100%', value: 100, statusValue: 'YA', unit: 'percent', note: 'Verified by the NTB provincial team on 22 Sep 2020, declared 24 Sep 2020.' }),
  cite('S4', { id: 'ksb-2020-tuntas-pilar-3', areaCode: KSB, indicatorCode: 'STBM.KAB.TUNTAS_PILAR_3', period: '20200922', labelId: 'Pilar 3 (PAMM-RT) terverifikasi 100%', labelEn: 'Pillar 3 (water and food) verified at 100%', value: 100, statusValue: 'YA', unit: 'percent', note: 'Verified by the NTB provincial team on 22 Sep 2020, declared 24 Sep 2020.' }),
  cite('S4', { id: 'ksb-2020-pilar-4', areaCode: KSB, indicatorCode: 'STBM.DS.PILAR_4_PCT', period: '20200922', labelId: 'Pilar 4 (PS-RT) saat verifikasi pilar 2–3', labelEn: 'Pillar 4 (solid waste) at the pillar 2–3 verification', value: 70.28, unit: 'percent' }),
  cite('S4', { id: 'ksb-2020-pilar-5', areaCode: KSB, indicatorCode: 'STBM.DS.PILAR_5_PCT', period: '20200922', labelId: 'Pilar 5 (PLC-RT) saat verifikasi pilar 2–3', labelEn: 'Pillar 5 (liquid waste) at the pillar 2–3 verification', value: 65.48, unit: 'percent' }),
  cite('S6', { id: 'ksb-2021-pilar-4-5-rata-rata', areaCode: KSB, indicatorCode: null, period: '20210710', labelId: 'Pilar 4 dan 5: rata-rata kabupaten hasil verifikasi Pokja AMPL NTB', labelEn: 'Pillars 4 and 5: regency average verified by the NTB AMPL working group', value: 96.66, unit: 'percent', note: 'One sample village per kecamatan (8 kecamatan).' }),
  ...SAMPLE_VILLAGES_2021.flatMap((village) =>
    (['p4', 'p5'] as const).map((pillar) =>
      cite('S6', {
        id: `ksb-2021-${village.code}-${pillar}`,
        areaCode: village.code,
        indicatorCode: pillar === 'p4' ? 'STBM.DS.PILAR_4_PCT' : 'STBM.DS.PILAR_5_PCT',
        period: '2021',
        labelId: `Desa ${village.name}: pilar ${pillar.slice(1)} (sampel verifikasi)`,
        labelEn: `${village.name}: pillar ${pillar.slice(1)} (verification sample)`,
        value: village[pillar],
        unit: 'percent',
        note: 'Sample village of the provincial verification, results announced 10 Jul 2021.',
      }),
    ),
  ),
  cite('S7', { id: 'ksb-2021-tuntas-5-pilar', areaCode: KSB, indicatorCode: null, period: '20210819', labelId: 'Deklarasi "tuntas 5 pilar STBM"', labelEn: 'Declared "all 5 STBM pillars complete"', value: null, statusValue: 'YA', unit: 'yes/no' }),
  // Kabupaten Sumbawa Barat: wastewater
  cite('S10', { id: 'ksb-2023-aman', areaCode: KSB, indicatorCode: 'ACC.KAB.AMAN_PCT', period: '2023', labelId: 'Akses sanitasi aman', labelEn: 'Safely managed sanitation', value: 16.84, unit: 'percent' }),
  cite('S10', { id: 'ksb-2026-target-aman', areaCode: KSB, indicatorCode: 'ACC.KAB.AMAN_PCT', period: '2026', kind: 'target', labelId: 'Target RPJMD 2021–2026: sanitasi aman', labelEn: 'RPJMD 2021–2026 target: safely managed', value: 60, unit: 'percent' }),
  cite('S10', { id: 'ksb-2026-target-layak', areaCode: KSB, indicatorCode: 'ACC.KAB.LAYAK_PCT', period: '2026', kind: 'target', labelId: 'Target RPJMD 2021–2026: sanitasi layak (termasuk aman)', labelEn: 'RPJMD 2021–2026 target: basic or better', value: 100, unit: 'percent' }),
  cite('S10', { id: 'ksb-2023-sedot-per-tahun', areaCode: KSB, indicatorCode: 'ALD.KAB.DESLUDGE_PER_YEAR', period: '2023', labelId: 'Rumah tangga terlayani sedot tinja per tahun (±)', labelEn: 'Households desludged per year (about)', value: 4000, unit: 'households', note: 'About 4,000 a year against 20,525 septic tanks: a 5–6-year cycle.' }),
  cite('S10', { id: 'ksb-2023-tangki-septik', areaCode: KSB, indicatorCode: null, period: '2023', labelId: 'Jumlah tangki septik', labelEn: 'Septic tanks', value: 20525, unit: 'septic tanks' }),
  cite('S11', { id: 'ksb-rentek-layak', areaCode: KSB, indicatorCode: 'ACC.KAB.LAYAK_PCT', period: null, labelId: 'Akses sanitasi layak (Rentek L2T2)', labelEn: 'Basic sanitation (L2T2 technical plan)', value: 99.9, unit: 'percent', note: 'Year not given where read; earlier than the 2023 figures.' }),
  cite('S11', { id: 'ksb-rentek-aman', areaCode: KSB, indicatorCode: 'ACC.KAB.AMAN_PCT', period: null, labelId: 'Akses sanitasi aman (Rentek L2T2)', labelEn: 'Safely managed sanitation (L2T2 technical plan)', value: 6.8, unit: 'percent', note: 'Year not given where read; earlier than the 2023 figures.' }),
  cite('S11', { id: 'ntb-rentek-layak', areaCode: '52', indicatorCode: 'ACC.KAB.LAYAK_PCT', period: null, labelId: 'NTB: akses sanitasi layak (Rentek L2T2 KSB)', labelEn: 'NTB: basic sanitation (KSB L2T2 technical plan)', value: 78.8, unit: 'percent', note: 'Year not given where read.' }),
  cite('S11', { id: 'ntb-rentek-aman', areaCode: '52', indicatorCode: 'ACC.KAB.AMAN_PCT', period: null, labelId: 'NTB: akses sanitasi aman (Rentek L2T2 KSB)', labelEn: 'NTB: safely managed sanitation (KSB L2T2 technical plan)', value: 4.29, unit: 'percent', note: 'Year not given where read.' }),
  // Kota Bekasi
  cite('S12', { id: 'bekasi-iplt-sumurbatu', areaCode: BEKASI, indicatorCode: 'ALD.KAB.IPLT_UTIL_PCT', period: null, labelId: 'IPLT Sumurbatu: lumpur masuk ±120 m³/hari, kapasitas 100 m³/hari', labelEn: 'IPLT Sumurbatu: about 120 m³/day inflow against 100 m³/day capacity', value: 120, unit: 'percent', note: 'Utilisation = 120 ÷ 100; article undated where read (L2T2 started January 2017).' }),
  cite('S13', { id: 'bekasi-2018-ipld-area', areaCode: BEKASI, indicatorCode: null, period: '2018', labelId: 'Luas permukiman terlayani IPLD (±)', labelEn: 'Settlement area served by off-site treatment (about)', value: 5, unit: 'percent' }),
  cite('S13', { id: 'bekasi-2018-truk', areaCode: BEKASI, indicatorCode: null, period: '2018', labelId: 'Truk sedot tinja milik kota', labelEn: 'City-owned desludging trucks', value: 7, unit: 'trucks' }),
  cite('S13', { id: 'bekasi-2018-mitra', areaCode: BEKASI, indicatorCode: null, period: '2018', labelId: 'Mitra swasta sedot tinja (±)', labelEn: 'Private desludging partners (about)', value: 50, unit: 'companies' }),
  cite('S14', { id: 'bekasi-ssdp-target-sr', areaCode: BEKASI, indicatorCode: 'ALD.KAB.SR_SPALDT_N', period: null, kind: 'target', labelId: 'Target sambungan rumah SPALD-T (SSDP, 4 zona)', labelEn: 'Target SPALD-T house connections (SSDP, 4 zones)', value: 60757, unit: 'connections', note: 'Rawa Pasung 23,333; Duta Harapan 18,750; Lapangan Multiguna 14,556; Rusunawa 4,118. Target year not given.' }),
  cite('S15', { id: 'bekasi-odf', areaCode: BEKASI, indicatorCode: 'STBM.KAB.ODF_STATUS', period: null, labelId: 'Kota dinyatakan ODF', labelEn: 'City declared open-defecation free', value: null, statusValue: 'YA', unit: 'yes/no', note: 'As reported in 2025; the declaration date is not given.' }),
  cite('S15', { id: 'bekasi-2025-buang-ke-saluran', areaCode: BEKASI, indicatorCode: null, period: '2025', labelId: 'Rumah tangga yang masih membuang tinja ke saluran (±)', labelEn: 'Households still discharging to drains (about)', value: 0.3, unit: 'percent' }),
  cite('S15', { id: 'bekasi-2025-tangki-septik-dak', areaCode: BEKASI, indicatorCode: null, period: '2025', labelId: 'Tangki septik individual dibangun (DAK)', labelEn: 'Individual septic tanks built (DAK funds)', value: 234, unit: 'septic tanks' }),
  // Indonesia
  cite('S47', { id: 'id-2018-layak', areaCode: 'ID', indicatorCode: 'ACC.KAB.LAYAK_PCT', period: '2018', labelId: 'Indonesia: akses sanitasi layak (termasuk aman)', labelEn: 'Indonesia: basic sanitation or better', value: 74.58, unit: 'percent' }),
  cite('S47', { id: 'id-2018-aman', areaCode: 'ID', indicatorCode: 'ACC.KAB.AMAN_PCT', period: '2018', labelId: 'Indonesia: akses sanitasi aman', labelEn: 'Indonesia: safely managed sanitation', value: 7.42, unit: 'percent' }),
  cite('S36', { id: 'id-2021-layak', areaCode: 'ID', indicatorCode: 'ACC.KAB.LAYAK_PCT', period: '2021', labelId: 'Indonesia: akses sanitasi layak (BPS)', labelEn: 'Indonesia: basic sanitation (BPS)', value: 80.29, unit: 'percent' }),
  cite('S37', { id: 'id-2024-layak', areaCode: 'ID', indicatorCode: 'ACC.KAB.LAYAK_PCT', period: '2024', labelId: 'Indonesia: akses sanitasi layak (BPS)', labelEn: 'Indonesia: basic sanitation (BPS)', value: 83.6, unit: 'percent' }),
  ...([['2019', 76.07], ['2020', 78.3], ['2021', 79.59]] as const).map(([year, value]) =>
    cite('S44', { id: `id-${year}-ctps`, areaCode: 'ID', indicatorCode: 'HYG.KAB.CTPS_FAC_PCT', period: year, labelId: 'Indonesia: rumah tangga dengan fasilitas cuci tangan sabun dan air', labelEn: 'Indonesia: households with a handwashing facility with soap and water', value, unit: 'percent' }),
  ),
];
