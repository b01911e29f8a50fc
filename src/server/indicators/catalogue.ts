/**
 * The built-in indicator catalogue, seeded from research/stbm-indicators.md (codes of its §3; evidence
 * keys resolve in its §9). `IndicatorsService.ensureCatalogue` inserts the entries that are missing.
 *
 * Conventions of every entry:
 * - A percentage is a ratio: `measure: 'ratio'`, numerator and denominator texts, `areaAggregation: 'ratio'`
 *   (Σnumerator / Σdenominator), never a stored percentage; every other measure has no numerator or denominator.
 * - A yes/no indicator is a status with `statusValues: ['TIDAK', 'YA']`. A status lists its values from the first
 *   step to the best one (direction 'ascending') and rolls up as `count_status`: the number of households,
 *   villages or kab/kota holding each value. Only statuses have statusValues (the indicator table checks it).
 * - Over time, flows add up ('sum': desludged houses, outbreaks, budgets) and stocks take the last value ('last').
 * - `collectionLevel` is the area level observations are entered at; household records come in through imports.
 * - `nationalTarget` only where the research states a verified [V] national target with its year and the plan or
 *   regulation setting it; other targets (local, alliance, undated) are mentioned in the definition instead.
 * - The research's [P] (partly verified) and [I] (inferred) marks are repeated in the definition.
 */
import type { Indicator } from '../../common/api/indicators.ts';
import { HYGIENE_INDICATORS, LADDER_INDICATORS } from './catalogue-access.ts';
import { DERIVED_VILLAGE_STATUS_INDICATORS } from './catalogue-derived.ts';
import { GOVERNANCE_INDICATORS, HEALTH_INDICATORS, WASTEWATER_INDICATORS } from './catalogue-services.ts';
import { STBM_HOUSEHOLD_INDICATORS, STBM_REGION_INDICATORS, STBM_VILLAGE_INDICATORS } from './catalogue-stbm.ts';

export { HYGIENE_INDICATORS, LADDER_INDICATORS } from './catalogue-access.ts';
export { GOVERNANCE_INDICATORS, HEALTH_INDICATORS, WASTEWATER_INDICATORS } from './catalogue-services.ts';
export { STBM_HOUSEHOLD_INDICATORS, STBM_REGION_INDICATORS, STBM_VILLAGE_INDICATORS } from './catalogue-stbm.ts';

export const INDICATOR_CATALOGUE: readonly Indicator[] = [
  ...STBM_HOUSEHOLD_INDICATORS, // §3.1
  ...STBM_VILLAGE_INDICATORS, // §1.3, §3.2
  ...DERIVED_VILLAGE_STATUS_INDICATORS, // §1.3, §3.2: derived by the village status rules
  ...STBM_REGION_INDICATORS, // §1.3, §3.3
  ...LADDER_INDICATORS, // §2.1–2.4, §3.4
  ...HYGIENE_INDICATORS, // §2.3, §3.5
  ...WASTEWATER_INDICATORS, // §3.6
  ...GOVERNANCE_INDICATORS, // §3.7
  ...HEALTH_INDICATORS, // §3.8
];
