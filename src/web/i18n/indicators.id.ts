/**
 * Bahasa Indonesia for the indicator panel of the area page. Kept out of the main bundle:
 * `indicators.ts` adds these to the one namespace when the panel loads.
 */
export const indicatorsId = {
  indicators: {
    title: 'Indikator',
    about: 'Definisi, rumus dan sumber indikator ini',
    indicator: 'Indikator',
    year: 'Tahun',
    month: 'Bulan',
    wholeYear: 'Sepanjang tahun',
    none: 'Belum ada indikator untuk tingkat wilayah ini.',
    empty: 'Belum ada data untuk periode ini.',
    figure: 'Nilai {{area}}',
    ratioParts: '{{numerator}} / {{denominator}}',
    statusCount: '{{status}}: {{count}}',
    statusCounts: 'Jumlah per status',
    coverage: '{{reporting}} dari {{expected}} {{units}} melapor',
    asOf: 'per {{date}}',
    target: 'Target nasional {{value}} ({{year}}), sumber: {{source}}',
    children: 'Per wilayah di bawahnya',
    villages: 'Per desa/kelurahan',
    villagePages: 'Halaman desa/kelurahan',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    pageRange: '{{from}}–{{to}} dari {{total}}',
    example: 'Data contoh',
    exampleHint: 'Angka ini dihitung dari data contoh untuk mencoba Kembar, bukan data sebenarnya.',
    examplePartly: 'Sebagian data contoh ({{example}} dari {{reporting}} {{units}})',
    examplePartlyHint:
      'Dari {{reporting}} {{units}} yang melapor untuk angka ini, {{example}} berupa data contoh untuk mencoba Kembar, bukan data sebenarnya; sisanya data sebenarnya.',
    published: 'Angka yang dipublikasikan ({{count}})',
    publishedIntro: 'Angka resmi seperti yang dipublikasikan sumbernya; terpisah dari data di atas dan tidak dijumlahkan.',
    publishedTarget: 'target',
    publishedSource: 'Sumber',
    columns: {
      area: 'Wilayah',
      value: 'Nilai',
      coverage: 'Cakupan',
      asOf: 'Per',
    },
    noValue: '–',
    units: {
      household: 'KK',
      village: 'desa/kelurahan',
      district: 'kecamatan',
      regency: 'kabupaten/kota',
      province: 'provinsi',
      national: 'nasional',
    },
  },
};

export type IndicatorsMessages = typeof indicatorsId;
