/**
 * Seed catalogue, access part: the national sanitation ladder and JMP SDG 6.2.1a (§2.1, §2.2, §2.4, §3.4)
 * and hygiene, SDG 6.2.1b (§2.3, §3.5) of research/stbm-indicators.md. Conventions are described in catalogue.ts.
 */
import type { Indicator } from '../../common/api/indicators.ts';

const RPJMN_2020_2024 = 'RPJMN 2020–2024 (Perpres 18/2020)';
const SUSENAS_LADDER = `Susenas Kor (BPS), March round, kab/kota estimates; national ladder of ${RPJMN_2020_2024}`;
const SUSENAS_HYGIENE = 'Susenas (BPS), MKP module (asked since 2016); SDG indicator 6.2.1b';
const ALL_HOUSEHOLDS = 'All households (weighted survey estimate)';

// §2.1, §2.4 and §3.4 sanitation ladder (Susenas, household-weighted; region level only). The six rungs plus layak and JMP 6.2.1a.
export const LADDER_INDICATORS: readonly Indicator[] = [
  {
    code: 'ACC.KAB.AMAN_PCT', group: 'ladder',
    nameId: 'Akses sanitasi aman',
    nameEn: 'Safely managed sanitation',
    definition: 'Own facility with a goose-neck toilet, and either a septic tank desludged at least once in the last 5 years (3–5 in some '
      + 'texts) with the sludge treated at an IPLT, or a connection to SPALD-T. Close to, not the same as, JMP safely managed '
      + '(ACC.KAB.SDG621A). Local target: Kabupaten Sumbawa Barat RPJMD 2021–2026, 60% by 2026. 2022 national values differ by '
      + 'source (7.25% vs 10.16%) [P].',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the aman rung (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: { value: 15, year: 2024, source: RPJMN_2020_2024 },
    evidence: ['S33', 'S34', 'S45', 'S10'],
  },
  {
    code: 'ACC.KAB.LAYAK_PCT', group: 'ladder',
    nameId: 'Akses sanitasi layak (termasuk aman)',
    nameEn: 'Basic sanitation, including safely managed',
    definition: 'BPS headline: goose-neck toilet with faeces to a septic tank or IPAL/SPAL (rural: a pit also counts), used alone, shared '
      + 'with specific households or a communal MCK; = aman + layak sendiri + layak bersama. National: 80.29% (2021), 83.60% (2024).',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the aman, layak sendiri or layak bersama rung (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: { value: 90, year: 2024, source: RPJMN_2020_2024 },
    evidence: ['S36', 'S37', 'S45'],
  },
  {
    code: 'ACC.KAB.LAYAK_SENDIRI_PCT', group: 'ladder',
    nameId: 'Akses sanitasi layak sendiri',
    nameEn: 'Basic sanitation, own facility',
    definition: 'Own facility with a goose-neck toilet and a septic tank (urban and rural); rural only: goose-neck toilet to a pit '
      + '(lubang tanah). JMP equivalent: basic.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the layak sendiri rung (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'none', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: null,
    evidence: ['S33', 'S34', 'S35'],
  },
  {
    code: 'ACC.KAB.LAYAK_BERSAMA_PCT', group: 'ladder',
    nameId: 'Akses sanitasi layak bersama',
    nameEn: 'Basic sanitation, shared facility',
    definition: 'Facility shared with specific other households, goose-neck toilet to a septic tank or IPALD; rural: also to a pit. '
      + 'JMP equivalent: limited.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the layak bersama rung (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'none', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: null,
    evidence: ['S33', 'S34', 'S35'],
  },
  {
    code: 'ACC.KAB.BELUM_LAYAK_PCT', group: 'ladder',
    nameId: 'Sanitasi belum layak',
    nameEn: 'Unimproved sanitation',
    definition: 'Urban goose-neck toilet to a pit; non-goose-neck toilets (plengsengan, cubluk/cemplung) with any substructure; public '
      + 'facilities. JMP equivalent: unimproved. NAWASIS counts BABS tertutup inside belum layak, Kemenkes shows it as its own rung: '
      + 'it is kept apart here (ACC.KAB.BABS_TERTUTUP_PCT) and added on demand.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the belum layak rung, BABS tertutup excluded (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'descending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: null,
    evidence: ['S33', 'S34', 'S35'],
  },
  {
    code: 'ACC.KAB.BABS_TERTUTUP_PCT', group: 'ladder',
    nameId: 'BABS tertutup',
    nameEn: 'Closed open defecation (direct discharge)',
    definition: 'Has a toilet, but excreta go directly to a pond, field, river, lake, sea, beach or the ground. JMP equivalent: unimproved.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the BABS tertutup rung (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'descending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: null,
    evidence: ['S34', 'S35'],
  },
  {
    code: 'ACC.KAB.BABS_TERBUKA_PCT', group: 'ladder',
    nameId: 'BABS di tempat terbuka',
    nameEn: 'Open defecation',
    definition: 'No facility, or has one but does not use it. JMP equivalent: open defecation.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households on the BABS terbuka rung (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'descending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_LADDER,
    nationalTarget: { value: 0, year: 2024, source: RPJMN_2020_2024 },
    evidence: ['S33', 'S34', 'S45', 'S46'],
  },
  {
    code: 'ACC.KAB.SDG621A', group: 'ladder',
    nameId: 'Layanan sanitasi yang dikelola secara aman (SDG 6.2.1a, JMP)',
    nameEn: 'Safely managed sanitation services (SDG 6.2.1a, JMP)',
    definition: 'JMP: an improved facility (flush/pour-flush to sewer, septic tank or pit; VIP; pit with slab; composting toilet) not '
      + 'shared with other households, with excreta treated and disposed of in situ, stored, emptied and treated off-site, or sewered and '
      + 'treated off-site. UN series SH_SAN_SAFE. Not identical to "aman"; treating them as equivalent is an inference [I]. SDG horizon 2030.',
    unit: 'percent', measure: 'ratio',
    numerator: 'People using safely managed sanitation services',
    denominator: 'Total population',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'national', frequency: 'yearly',
    source: 'WHO/UNICEF JMP; SDG indicator 6.2.1a',
    nationalTarget: null,
    evidence: ['S38', 'S39', 'S40', 'S41'],
  },
];

// §2.3 and §3.5 hygiene: CTPS facility (SDG 6.2.1b), the JMP hygiene ladder, Keluarga Sehat.
// HYG.DS.CTPS_PCT of §3.5 is STBM.DS.PILAR_2_PCT (catalogue-stbm.ts) and is not repeated.
export const HYGIENE_INDICATORS: readonly Indicator[] = [
  {
    code: 'HYG.KAB.CTPS_FAC_PCT', group: 'hygiene',
    nameId: 'Proporsi rumah tangga yang memiliki fasilitas cuci tangan dengan sabun dan air',
    nameEn: 'Households with a handwashing facility with soap and water (SDG 6.2.1b)',
    definition: 'JMP basic hygiene: a fixed or mobile handwashing facility at home (sink with tap, bucket with tap, tippy-tap, jug or basin '
      + 'for handwashing) with soap (bar, liquid, powder detergent, soapy water; not ash, soil or sand) and water. National: 76.07% '
      + '(2019), 78.3% (2020), 79.59% (2021). The SDG aims at universal access by 2030; no national figure is given.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households with a handwashing facility with soap and water at home (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_HYGIENE,
    nationalTarget: null,
    evidence: ['S44', 'S42', 'S43'],
  },
  {
    code: 'HYG.KAB.LADDER_LIMITED_PCT', group: 'hygiene',
    nameId: 'Fasilitas cuci tangan terbatas (tanpa sabun dan/atau air)',
    nameEn: 'Limited hygiene: facility lacking soap and/or water',
    definition: 'JMP hygiene ladder, limited rung: a handwashing facility at home lacking soap and/or water. The basic rung is '
      + 'HYG.KAB.CTPS_FAC_PCT (research code HYG.KAB.LADDER, one entry per rung).',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households with a handwashing facility at home lacking soap and/or water (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'none', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_HYGIENE,
    nationalTarget: null,
    evidence: ['S42', 'S43'],
  },
  {
    code: 'HYG.KAB.LADDER_NO_FACILITY_PCT', group: 'hygiene',
    nameId: 'Tidak ada fasilitas cuci tangan',
    nameEn: 'No handwashing facility',
    definition: 'JMP hygiene ladder, no-facility rung: no handwashing facility at home (research code HYG.KAB.LADDER, one entry per rung).',
    unit: 'percent', measure: 'ratio',
    numerator: 'Households with no handwashing facility at home (weighted survey estimate)',
    denominator: ALL_HOUSEHOLDS,
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'descending', collectionLevel: 'regency', frequency: 'yearly',
    source: SUSENAS_HYGIENE,
    nationalTarget: null,
    evidence: ['S42', 'S43'],
  },
  {
    code: 'HYG.HH.KS_JAMBAN', group: 'hygiene',
    nameId: 'Keluarga Sehat: akses/menggunakan jamban sehat',
    nameEn: 'Healthy Family: has access to and uses a healthy latrine',
    definition: 'Keluarga Sehat (PIS-PK) indicator "akses/menggunakan jamban sehat": yes/no per family, from the puskesmas family survey.',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'household', frequency: 'event',
    source: 'PIS-PK family survey by the puskesmas (Permenkes 39/2016)',
    nationalTarget: null,
    evidence: ['S61'],
  },
  {
    code: 'HYG.HH.KS_AIR', group: 'hygiene',
    nameId: 'Keluarga Sehat: akses air bersih',
    nameEn: 'Healthy Family: has access to clean water',
    definition: 'Keluarga Sehat (PIS-PK) indicator "akses air bersih": yes/no per family, from the puskesmas family survey.',
    unit: 'yes/no', measure: 'status', numerator: null, denominator: null, statusValues: ['TIDAK', 'YA'],
    areaAggregation: 'count_status', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'household', frequency: 'event',
    source: 'PIS-PK family survey by the puskesmas (Permenkes 39/2016)',
    nationalTarget: null,
    evidence: ['S61'],
  },
];
