import { z } from 'zod';
import { areaCodeSchema } from './areas.ts';

/**
 * Where a stored value comes from. People and imports enter the first four (ENTRY_SOURCE_KINDS);
 * `derived` values are computed by rule from other observations (village statuses, see
 * common/village-status.ts), and `example` values are invented demo data (`kembar demo data`), never real.
 */
export const SOURCE_KINDS = ['routine', 'survey', 'verification', 'import', 'derived', 'example'] as const;
export const sourceKindSchema = z.enum(SOURCE_KINDS);
export const ENTRY_SOURCE_KINDS = ['routine', 'survey', 'verification', 'import'] as const;
export const entrySourceKindSchema = z.enum(ENTRY_SOURCE_KINDS);

export const periodCodeSchema = z.string().regex(/^\d{4}(?:S[12]|Q[1-4]|W\d{1,2}|\d{2}|\d{4})?$/, 'must be a period code such as 2021, 2021S2, 2021Q3, 202110, 2021W43 or 20211026');

export const observationSchema = z.object({
  indicatorCode: z.string(),
  sourceKind: sourceKindSchema,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  statusValue: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'approved']),
  comment: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable().describe('Email of who last changed it'),
});
export type Observation = z.infer<typeof observationSchema>;

export const observationQuerySchema = z.object({
  area: areaCodeSchema,
  period: periodCodeSchema,
});

export const observationSheetSchema = z.object({
  areaCode: z.string(),
  period: z.string(),
  items: z.array(observationSchema),
});
export type ObservationSheet = z.infer<typeof observationSheetSchema>;

/** One indicator's entry on the form: exactly one of value, numerator+denominator or statusValue, or all empty to clear it. */
export const observationEntrySchema = z.object({
  indicatorCode: z.string().min(1).max(80),
  value: z.number().finite().nullable().optional(),
  numerator: z.number().finite().min(0).nullable().optional(),
  denominator: z.number().finite().min(0).nullable().optional(),
  statusValue: z.string().max(60).nullable().optional(),
  comment: z.string().max(1000).nullable().optional(),
});
export type ObservationEntry = z.infer<typeof observationEntrySchema>;

export const saveObservationsSchema = z.object({
  areaCode: areaCodeSchema,
  period: periodCodeSchema,
  sourceKind: entrySourceKindSchema.default('routine'),
  values: z.array(observationEntrySchema).min(1).max(200),
});
export type SaveObservations = z.infer<typeof saveObservationsSchema>;
