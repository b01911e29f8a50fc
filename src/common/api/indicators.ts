import { z } from 'zod';

/**
 * An indicator of the catalogue. Percentages are always stored as numerator and denominator
 * (`measure: 'ratio'`), never as a finished percentage, so they aggregate as Σnum / Σden.
 */
export const INDICATOR_GROUPS = ['stbm_household', 'stbm_village', 'stbm_region', 'ladder', 'hygiene', 'wastewater', 'governance', 'health'] as const;
export const MEASURES = ['ratio', 'value', 'status'] as const;
/** How values combine over areas: Σvalue; Σnum/Σden; count of villages whose status is `statusValue`; not at all. */
export const AREA_AGGREGATIONS = ['sum', 'ratio', 'count_status', 'none'] as const;
/** How values combine over time: flows add up (desludging trips per month), stocks take the last value (coverage). */
export const TIME_AGGREGATIONS = ['sum', 'last'] as const;
export const DIRECTIONS = ['ascending', 'descending', 'none'] as const;
export const COLLECTION_LEVELS = ['household', 'village', 'district', 'regency', 'province', 'national'] as const;
export const FREQUENCIES = ['event', 'monthly', 'quarterly', 'sixmonthly', 'yearly'] as const;

export const nationalTargetSchema = z.object({
  value: z.number(),
  year: z.number().int(),
  source: z.string().min(3).describe('Where the target is set (regulation, plan), as cited in research/stbm-indicators.md'),
});

export const indicatorSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]+(\.[A-Z0-9_]+)+$/, 'like STBM.DS.P1_AKSES_PCT'),
  group: z.enum(INDICATOR_GROUPS),
  nameId: z.string().min(3),
  nameEn: z.string().min(3),
  definition: z.string().min(10).describe('What is measured, in Indonesian or English as the source gives it'),
  unit: z.string().min(1).describe('percent, households, villages, m3/day, …'),
  measure: z.enum(MEASURES),
  numerator: z.string().nullable().describe('For ratios: what is counted above the line'),
  denominator: z.string().nullable().describe('For ratios: what is counted below the line'),
  /** False for ratios that may exceed 100% (plant utilisation, capacity): the numerator is not a subset of the denominator. */
  proportion: z.boolean().optional(),
  /** For a village status indicator counted upward: the status value that is counted (e.g. SBS_TERVERIFIKASI). */
  statusValues: z.array(z.string()).nullable(),
  areaAggregation: z.enum(AREA_AGGREGATIONS),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  direction: z.enum(DIRECTIONS),
  collectionLevel: z.enum(COLLECTION_LEVELS),
  frequency: z.enum(FREQUENCIES),
  source: z.string().min(3).describe('Source system and legal basis'),
  nationalTarget: nationalTargetSchema.nullable(),
  /** Research evidence keys, e.g. ["S54", "S58"] (see research/stbm-indicators.md §9). */
  evidence: z.array(z.string()),
});
export type Indicator = z.infer<typeof indicatorSchema>;
