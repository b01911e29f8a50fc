import type { IndicatorsMessages } from './indicators.id.ts';

/** English for the indicator panel of the area page, typed against the Indonesian messages. */
export const indicatorsEn: IndicatorsMessages = {
  indicators: {
    title: 'Indicators',
    about: 'Definition, formula and source of this indicator',
    indicator: 'Indicator',
    year: 'Year',
    month: 'Month',
    wholeYear: 'Whole year',
    none: 'There are no indicators for this level of area yet.',
    empty: 'No data for this period yet.',
    figure: 'Value for {{area}}',
    ratioParts: '{{numerator}} / {{denominator}}',
    statusCount: '{{status}}: {{count}}',
    statusCounts: 'Count per status',
    coverage: '{{reporting}} of {{expected}} {{units}} reporting',
    asOf: 'as of {{date}}',
    target: 'National target {{value}} ({{year}}), source: {{source}}',
    children: 'By area below',
    columns: {
      area: 'Area',
      value: 'Value',
      coverage: 'Coverage',
      asOf: 'As of',
    },
    noValue: '–',
    units: {
      household: 'households',
      village: 'villages',
      district: 'kecamatan',
      regency: 'regencies/cities',
      province: 'provinces',
      national: 'national',
    },
  },
};
