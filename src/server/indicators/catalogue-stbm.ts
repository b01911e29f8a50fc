/**
 * Seed catalogue, STBM part: household records (§3.1), the village recap and village statuses
 * (§1.3, §3.2) and regional statuses and percentages (§3.3) of research/stbm-indicators.md.
 * Conventions are described in catalogue.ts; [P] and [I] marks repeat the research's evidence level.
 */
import type { Indicator } from '../../common/api/indicators.ts';

const STBM_LAW = 'Permenkes 3/2014 (STBM)';
const MONEV_STBM = `Monev STBM (web/SMS) and SMART STBM, Kemenkes Dit. Kesehatan Lingkungan; monthly desa recap; ${STBM_LAW}`;
const VERIFICATION = `STBM verification (village team; pillar 1 on 100% of houses, pillars 2–5 on a 30% sample); ${STBM_LAW} Pasal 4`;

// §3.1 STBM household level: input records, everything else aggregates from them.
export const STBM_HOUSEHOLD_INDICATORS: readonly Indicator[] = [
  {
    code: 'STBM.HH.P1_STATUS', group: 'stbm_household',
    nameId: 'Status akses jamban keluarga (pilar 1)',
    nameEn: 'Household latrine status (pillar 1)',
    definition: 'Category of the latrine the family (KK) uses: JSP jamban sehat permanen, JSSP jamban sehat semi permanen, SHARING '
      + '(numpang/komunal), BABS (still defecates in the open). Jamban sehat: goose-neck pan (a lidded hole where water is scarce), '
      + 'waterproof floor, septic tank or pit. Recorded at pemicuan (baseline), then updated; village counts are STBM.DS.KK_*.',
    unit: 'category', measure: 'status', numerator: null, denominator: null, statusValues: ['JSP', 'JSSP', 'SHARING', 'BABS'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'none', collectionLevel: 'household', frequency: 'monthly',
    source: MONEV_STBM,
    nationalTarget: null,
    evidence: ['S53', 'S54', 'S20'],
  },
  {
    code: 'STBM.HH.P2_CTPS', group: 'stbm_household',
    nameId: 'Keluarga ber-CTPS (pilar 2)',
    nameEn: 'Household practising handwashing with soap (pillar 2)',
    definition: 'Access: a handwashing facility with clean running water, soap and a wastewater drain (Pasal 4(2)); behaviour: members '
      + 'know the critical times (before eating, after defecation, before feeding a baby, after cleaning a baby, before preparing food). '
      + 'Yes/no per KK. Not in SMART STBM (pillar 1 only).',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'household', frequency: 'event',
    source: `${VERIFICATION}; local apps`,
    nationalTarget: null,
    evidence: ['S17', 'S55', 'S23', 'S56'],
  },
  {
    code: 'STBM.HH.P3_PAMMRT', group: 'stbm_household',
    nameId: 'Keluarga melaksanakan PAMM-RT (pilar 3)',
    nameEn: 'Household managing drinking water and food safely (pillar 3)',
    definition: 'The household treats water to drinkable quality, keeps food safe and clean and maintains a healthy place to process '
      + 'water and food (Pasal 4). Checklist items (water boiled or filtered, clean covered storage, food covered) are the '
      + "researcher's inference [I]; the official household criteria were not read. Yes/no per KK.",
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'household', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S17', 'S23'],
  },
  {
    code: 'STBM.HH.P4_PSRT', group: 'stbm_household',
    nameId: 'Keluarga melaksanakan pengamanan sampah rumah tangga (pilar 4)',
    nameEn: 'Household managing solid waste safely (pillar 4)',
    definition: 'The household sorts waste by type, disposes of it outside the house routinely, applies 3R (reduce, reuse, recycle) '
      + 'and has a disposal facility outside the house (Pasal 4). Yes/no per KK.',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'household', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S17', 'S23'],
  },
  {
    code: 'STBM.HH.P5_PLCRT', group: 'stbm_household',
    nameId: 'Keluarga melaksanakan pengamanan limbah cair rumah tangga (pilar 5)',
    nameEn: 'Household managing liquid waste (greywater) safely (pillar 5)',
    definition: 'The household separates its wastewater channels (Pasal 4; the source text was only partly read [P]). Greywater led '
      + "to a soak pit or drain without ponding is the researcher's inference [I]. Yes/no per KK.",
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'household', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S17', 'S23'],
  },
];

// §3.2 STBM village level: the desa recap counts (what the village recap import fills), pillar shares and statuses.
export const STBM_VILLAGE_INDICATORS: readonly Indicator[] = [
  {
    code: 'STBM.DS.KK_TOTAL', group: 'stbm_village',
    nameId: 'Jumlah KK',
    nameEn: 'Households (KK)',
    definition: 'Number of families (KK) in the desa/kelurahan; the denominator of the pillar-1 access rate. Entered with the village '
      + 'identity in Monev STBM (N message: jumlah KK) and in the monthly desa recap.',
    unit: 'households', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'none', collectionLevel: 'village', frequency: 'monthly',
    source: MONEV_STBM,
    nationalTarget: null,
    evidence: ['S54', 'S88'],
  },
  {
    code: 'STBM.DS.KK_JSP', group: 'stbm_village',
    nameId: 'Jumlah KK pengguna jamban sehat permanen (JSP)',
    nameEn: 'Households using a permanent healthy latrine (JSP)',
    definition: 'Families (KK) whose latrine is a jamban sehat permanen (Monev STBM category JSP; in Profil Kesehatan, KK pengguna JSP).',
    unit: 'households', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'none', collectionLevel: 'village', frequency: 'monthly',
    source: MONEV_STBM,
    nationalTarget: null,
    evidence: ['S53', 'S54', 'S88'],
  },
  {
    code: 'STBM.DS.KK_JSSP', group: 'stbm_village',
    nameId: 'Jumlah KK pengguna jamban sehat semi permanen (JSSP)',
    nameEn: 'Households using a semi-permanent healthy latrine (JSSP)',
    definition: 'Families (KK) whose latrine is a jamban sehat semi permanen (Monev STBM category JSSP; in Profil Kesehatan, KK pengguna JSSP).',
    unit: 'households', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'none', collectionLevel: 'village', frequency: 'monthly',
    source: MONEV_STBM,
    nationalTarget: null,
    evidence: ['S53', 'S54', 'S88'],
  },
  {
    code: 'STBM.DS.KK_SHARING', group: 'stbm_village',
    nameId: 'Jumlah KK pengguna jamban sharing (numpang/komunal)',
    nameEn: 'Households using a shared latrine (numpang/komunal)',
    definition: 'Families (KK) using a latrine of another household or a communal one (Monev STBM category Sharing). '
      + 'Profil Kesehatan counts them as having access.',
    unit: 'households', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'none', collectionLevel: 'village', frequency: 'monthly',
    source: MONEV_STBM,
    nationalTarget: null,
    evidence: ['S53', 'S54', 'S88'],
  },
  {
    code: 'STBM.DS.KK_BABS', group: 'stbm_village',
    nameId: 'Jumlah KK masih BABS',
    nameEn: 'Households still practising open defecation',
    definition: 'Families (KK) still defecating in the open (Monev STBM category OD). Jawa Tengah reported 1,749,917 KK still BABS in 2022.',
    unit: 'households', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'descending', collectionLevel: 'village', frequency: 'monthly',
    source: MONEV_STBM,
    nationalTarget: null,
    evidence: ['S53', 'S54', 'S59', 'S88'],
  },
  {
    code: 'STBM.DS.P1_AKSES_PCT', group: 'stbm_village',
    nameId: '% KK akses jamban sehat (pilar 1)',
    nameEn: '% households with access to a healthy latrine (pillar 1)',
    definition: '(KK JSP + KK JSSP + KK sharing) ÷ all KK, as Profil Kesehatan "keluarga dengan akses terhadap fasilitas sanitasi yang layak '
      + "(jamban sehat)\", which counts sharing as access; a variant without sharing is the researcher's suggestion [I]. "
      + 'Monthly desa recap locally, yearly in Profil Kesehatan.',
    unit: 'percent', measure: 'ratio',
    numerator: 'KK using JSP + JSSP + sharing (STBM.DS.KK_JSP + STBM.DS.KK_JSSP + STBM.DS.KK_SHARING)',
    denominator: 'All KK (STBM.DS.KK_TOTAL)',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'monthly',
    source: `${MONEV_STBM}; Profil Kesehatan`,
    nationalTarget: null,
    evidence: ['S54', 'S58'],
  },
  {
    code: 'STBM.DS.SBS_STATUS', group: 'stbm_village',
    nameId: 'Status desa SBS (Stop BABS / ODF)',
    nameEn: 'Village open-defecation-free (ODF) status',
    definition: 'Pillar-1 status of the desa/kelurahan: BELUM_PICU → TERPICU (pemicuan held) → DEKLARASI_SBS (declared) → '
      + 'SBS_TERVERIFIKASI (every individual has stopped open defecation, confirmed by a verification team visiting 100% of houses). '
      + "The rule is verified; the four value names are the researcher's proposal [I]. After verification the status is updated in Monev STBM.",
    unit: 'status', measure: 'status', numerator: null, denominator: null,
    statusValues: ['BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS', 'SBS_TERVERIFIKASI'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: `Monev STBM (Kemenkes); village verification team appointed by the kecamatan (Panduan Verifikasi STBM); ${STBM_LAW}`,
    nationalTarget: null,
    evidence: ['S23', 'S27', 'S28'],
  },
  {
    code: 'STBM.DS.PILAR_2_PCT', group: 'stbm_village',
    nameId: '% KK memenuhi pilar 2 (CTPS)',
    nameEn: '% households meeting pillar 2 (handwashing with soap)',
    definition: 'KK meeting pillar 2 ÷ KK surveyed (30% sample of houses at verification). At least 3 of pillars 2–5 at ≥75% of KK '
      + 'is part of the Desa STBM rule. Listed again as HYG.DS.CTPS_PCT in research §3.5 (same quantity, not repeated here).',
    unit: 'percent', measure: 'ratio',
    numerator: 'KK surveyed that meet pillar 2 (STBM.HH.P2_CTPS = YA)',
    denominator: 'KK surveyed (30% sample of houses)',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S6', 'S9', 'S23', 'S29'],
  },
  {
    code: 'STBM.DS.PILAR_3_PCT', group: 'stbm_village',
    nameId: '% KK memenuhi pilar 3 (PAMM-RT)',
    nameEn: '% households meeting pillar 3 (drinking water and food management)',
    definition: 'KK meeting pillar 3 ÷ KK surveyed (30% sample of houses at verification). Counts towards the ≥75% / 3-pillar Desa STBM rule.',
    unit: 'percent', measure: 'ratio',
    numerator: 'KK surveyed that meet pillar 3 (STBM.HH.P3_PAMMRT = YA)',
    denominator: 'KK surveyed (30% sample of houses)',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S6', 'S9', 'S23', 'S29'],
  },
  {
    code: 'STBM.DS.PILAR_4_PCT', group: 'stbm_village',
    nameId: '% KK memenuhi pilar 4 (PS-RT)',
    nameEn: '% households meeting pillar 4 (solid-waste management)',
    definition: 'KK meeting pillar 4 ÷ KK surveyed (30% sample of houses at verification). Example: Desa Beru (Sumbawa Barat) 96.06%, '
      + 'Desa Mantun 90.90%. Counts towards the ≥75% / 3-pillar Desa STBM rule.',
    unit: 'percent', measure: 'ratio',
    numerator: 'KK surveyed that meet pillar 4 (STBM.HH.P4_PSRT = YA)',
    denominator: 'KK surveyed (30% sample of houses)',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S6', 'S9', 'S23', 'S29'],
  },
  {
    code: 'STBM.DS.PILAR_5_PCT', group: 'stbm_village',
    nameId: '% KK memenuhi pilar 5 (PLC-RT)',
    nameEn: '% households meeting pillar 5 (liquid-waste management)',
    definition: 'KK meeting pillar 5 ÷ KK surveyed (30% sample of houses at verification). Example: Desa Beru (Sumbawa Barat) 96.06%, '
      + 'Desa Mantun 70.20%. Counts towards the ≥75% / 3-pillar Desa STBM rule.',
    unit: 'percent', measure: 'ratio',
    numerator: 'KK surveyed that meet pillar 5 (STBM.HH.P5_PLCRT = YA)',
    denominator: 'KK surveyed (30% sample of houses)',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: VERIFICATION,
    nationalTarget: null,
    evidence: ['S6', 'S9', 'S23', 'S29'],
  },
  {
    code: 'STBM.DS.STBM_STATUS', group: 'stbm_village',
    nameId: 'Desa/Kelurahan STBM',
    nameEn: 'STBM village (verified)',
    definition: 'YA when verified: 100% of KK stopped open defecation (STBM.DS.SBS_STATUS = SBS_TERVERIFIKASI) AND at least 3 of '
      + 'pillars 2–5 reach ≥75% of KK. Current definition; whether it is the RPJMN 2025–2029 / Renstra one is an open question [I]. '
      + 'Kembar derives it by this rule from the village observations (source kind derived; not entered); no value while the data cannot decide.',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: 'STBM verification; reported by sanitarians, SIMPUS/SIKDA and laporan desa, Dinkes provinsi responsible',
    nationalTarget: null,
    evidence: ['S29'],
  },
  {
    code: 'STBM.DS.TERPICU', group: 'stbm_village',
    nameId: 'Desa terpicu / melaksanakan STBM',
    nameEn: 'Village triggered / implementing STBM',
    definition: 'YA once the first pemicuan (triggering) has been held in the village (Monev STBM keeps its date); "desa melaksanakan '
      + "STBM\" was the Renstra 2015–2019 output. Source partly read [P]; entry criteria (≥1 dusun triggered, natural leader, action "
      + "plan) are the researcher's recall [I].",
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: `Monev STBM (N message: tanggal pemicuan); ${STBM_LAW}`,
    nationalTarget: null,
    evidence: ['S28', 'S88'],
  },
];

// §1.3 and §3.3 STBM regional: kecamatan, kab/kota and province statuses, counts and percentages.
export const STBM_REGION_INDICATORS: readonly Indicator[] = [
  {
    code: 'STBM.KAB.DESA_SBS_PCT', group: 'stbm_region',
    nameId: '% desa/kelurahan SBS',
    nameEn: '% villages open-defecation free (verified)',
    definition: 'Desa/kelurahan with verified SBS status ÷ all desa/kelurahan. Renstra Kemenkes 2020–2024 targets 40, 50, 60, 70 and 90% '
      + 'for 2020–2024; the STBM Award pushed for 60% in 2022. Counting STBM.DS.SBS_STATUS gives the same figure from village data.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Desa/kelurahan whose SBS status is SBS_TERVERIFIKASI (STBM.DS.SBS_STATUS)',
    denominator: 'All desa/kelurahan in the area',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: 'Monev STBM (Kemenkes); Renstra Kemenkes 2020–2024 indicator',
    nationalTarget: { value: 90, year: 2024, source: 'Renstra Kemenkes 2020–2024' },
    evidence: ['S31', 'S34', 'S52'],
  },
  {
    code: 'STBM.KAB.DESA_STBM_PCT', group: 'stbm_region',
    nameId: '% kelurahan/desa STBM',
    nameEn: '% STBM villages',
    definition: 'Desa/Kelurahan STBM (cumulative) ÷ all desa/kelurahan; new-period indicator. The source page divides by "jumlah kab/kota", '
      + 'an evident copy error [P]; the denominator here is villages.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Desa/kelurahan that are Desa/Kelurahan STBM, cumulative (STBM.DS.STBM_STATUS = YA)',
    denominator: 'All desa/kelurahan in the area',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: 'Dinkes provinsi (responsible); sanitarian reports, SIMPUS/SIKDA, laporan desa',
    nationalTarget: null,
    evidence: ['S29'],
  },
  {
    code: 'STBM.PR.KAB_STBM_PCT', group: 'stbm_region',
    nameId: '% kabupaten/kota STBM',
    nameEn: '% regencies/cities STBM',
    definition: 'Kab/kota meeting the STBM rule (verified 100% of KK Stop BABS and ≥75% of KK practising ≥3 other pillars) ÷ kab/kota '
      + 'in the province.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Kab/kota verified as Kab/Kota STBM',
    denominator: 'All kab/kota in the province',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'province', frequency: 'yearly',
    source: 'Reported by the province to Kemenkes through the STBM Smart platform / data portal',
    nationalTarget: null,
    evidence: ['S32'],
  },
  {
    code: 'STBM.KAB.KK_AKSES_PCT', group: 'stbm_region',
    nameId: '% KK akses sarana sanitasi',
    nameEn: '% households with access to sanitation (STBM)',
    definition: 'Σ KK (JSP + JSSP + sharing) ÷ Σ KK as reported for a kab/kota in STBM monitoring (e.g. Sulawesi Tenggara, June 2022: '
      + '89.42%). Rolling up STBM.DS.P1_AKSES_PCT gives the same quantity from village data; this code holds regionally reported figures.',
    unit: 'percent', measure: 'ratio',
    numerator: 'KK using JSP + JSSP + sharing',
    denominator: 'All KK',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'monthly',
    source: `Monev STBM regional reports (Dinkes kab/kota, provinsi); ${STBM_LAW}`,
    nationalTarget: null,
    evidence: ['S52'],
  },
  {
    code: 'STBM.KAB.DESA_5PILAR_N', group: 'stbm_region',
    nameId: 'Jumlah desa/kelurahan 5 pilar STBM',
    nameEn: 'Villages with all five STBM pillars',
    definition: 'Number of desa/kelurahan reported as "5 pilar STBM" in Profil Kesehatan table 85 (desa_kelurahan_5_pilar_stbm, '
      + '2025 Jawa Timur numbering). The village criteria behind the count are not confirmed [I].',
    unit: 'villages', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: 'Profil Kesehatan kab/kota (Dinkes), table 85',
    nationalTarget: null,
    evidence: ['S30'],
  },
  {
    code: 'STBM.KAB.ODF_STATUS', group: 'stbm_region',
    nameId: 'Status kabupaten/kota SBS (ODF)',
    nameEn: 'Regency/city open-defecation-free (ODF) status',
    definition: 'YA when every desa/kelurahan of the kab/kota is SBS terverifikasi (the date is kept). The STBM Award (since 2018) goes '
      + 'to kab/kota with 100% access to sanitation (ODF). Kabupaten Sumbawa Barat: 2017; 28 SBS kab/kota by November 2018.',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'event',
    source: `Monev STBM (Kemenkes); STBM verification and declaration; ${STBM_LAW}`,
    nationalTarget: null,
    evidence: ['S4', 'S27', 'S31'],
  },
  {
    code: 'STBM.KAB.TUNTAS_PILAR_2', group: 'stbm_region',
    nameId: 'Pilar 2 (CTPS) tuntas di kabupaten/kota',
    nameEn: 'Pillar 2 (handwashing with soap) completed in the regency/city',
    definition: 'YA when provincial verification declares pillar 2 completed in the kab/kota (date and verified % kept). Not a status '
      + 'of Permenkes 3/2014: pattern of Kabupaten Sumbawa Barat, verified 100% by the NTB provincial team in September 2020 [I].',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'event',
    source: 'Provincial verification team (Dinkes / Pokja AMPL provinsi) on sampled villages, then public declaration',
    nationalTarget: null,
    evidence: ['S4'],
  },
  {
    code: 'STBM.KAB.TUNTAS_PILAR_3', group: 'stbm_region',
    nameId: 'Pilar 3 (PAMM-RT) tuntas di kabupaten/kota',
    nameEn: 'Pillar 3 (drinking water and food management) completed in the regency/city',
    definition: 'YA when provincial verification declares pillar 3 completed in the kab/kota (date and verified % kept). Not a status '
      + 'of Permenkes 3/2014: pattern of Kabupaten Sumbawa Barat, verified 100% by the NTB provincial team in September 2020 [I].',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'event',
    source: 'Provincial verification team (Dinkes / Pokja AMPL provinsi) on sampled villages, then public declaration',
    nationalTarget: null,
    evidence: ['S4'],
  },
  {
    code: 'STBM.KAB.TUNTAS_PILAR_4', group: 'stbm_region',
    nameId: 'Pilar 4 (PS-RT) tuntas di kabupaten/kota',
    nameEn: 'Pillar 4 (solid-waste management) completed in the regency/city',
    definition: 'YA when provincial verification declares pillar 4 completed in the kab/kota (date and verified % kept). Not a status '
      + 'of Permenkes 3/2014: pattern of Kabupaten Sumbawa Barat, where Pokja AMPL NTB verified one sample desa per kecamatan '
      + '(pillars 4 and 5 averaged 96.66%, July 2021) [I].',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'event',
    source: 'Provincial verification team (Dinkes / Pokja AMPL provinsi) on sampled villages, then public declaration',
    nationalTarget: null,
    evidence: ['S4', 'S6'],
  },
  {
    code: 'STBM.KAB.TUNTAS_PILAR_5', group: 'stbm_region',
    nameId: 'Pilar 5 (PLC-RT) tuntas di kabupaten/kota',
    nameEn: 'Pillar 5 (liquid-waste management) completed in the regency/city',
    definition: 'YA when provincial verification declares pillar 5 completed in the kab/kota (date and verified % kept). Not a status '
      + 'of Permenkes 3/2014: pattern of Kabupaten Sumbawa Barat, where Pokja AMPL NTB verified one sample desa per kecamatan '
      + '(pillars 4 and 5 averaged 96.66%, July 2021) [I].',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'event',
    source: 'Provincial verification team (Dinkes / Pokja AMPL provinsi) on sampled villages, then public declaration',
    nationalTarget: null,
    evidence: ['S4', 'S6'],
  },
  {
    code: 'STBM.NAT.DESA_STBM_N', group: 'stbm_region',
    nameId: 'Jumlah desa/kelurahan melaksanakan STBM',
    nameEn: 'Villages implementing STBM',
    definition: 'Number of desa/kelurahan implementing STBM (the villages with STBM.DS.TERPICU = YA). RPJMN 2015–2019 indicator: '
      + '45,000 villages (5,000 a year); 2016 realised 33,927 of 80,314 villages (42.24%) against a Renstra target of 30,000. '
      + 'Entered per kab/kota; the national figure is the sum.',
    unit: 'villages', measure: 'value', numerator: null, denominator: null, statusValues: null,
    areaAggregation: 'sum', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: 'Monev STBM; Profil Kesehatan Indonesia; RPJMN 2015–2019 indicator',
    nationalTarget: null,
    evidence: ['S28', 'S60'],
  },
];
