import { z } from 'zod';
import { UPDATE_ACTIONS, UPDATE_STATUSES } from '../result-update-workflow.ts';
import { areaCodeSchema } from './areas.ts';
import { isoDateSchema } from './programmes.ts';

/**
 * The results framework of an agreement (IATI / Akvo RSR pattern): result → indicator → period
 * (target, actual, locked) → updates (draft → submitted → returned → approved). Only approved
 * updates change an actual; see src/server/results/period-actual.ts for how they combine.
 */
export const RESULT_TYPES = ['output', 'outcome', 'impact'] as const;
export const INDICATOR_TYPES = ['quantitative', 'qualitative'] as const;
export const INDICATOR_MEASURES = ['unit', 'percentage'] as const;
/** GWOPA: a WOP work plan has learning and process targets as well as performance ones. */
export const TARGET_KINDS = ['learning', 'process', 'performance'] as const;

export const resultTypeSchema = z.enum(RESULT_TYPES);
export const updateStatusSchema = z.enum(UPDATE_STATUSES);
export const updateActionSchema = z.enum(UPDATE_ACTIONS);

const amountSchema = z.number().finite().min(-1e12).max(1e12);
const countSchema = z.number().finite().min(0).max(1e12);

export const createResultSchema = z.object({
  type: resultTypeSchema,
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(4000).nullable().optional(),
});
export type CreateResult = z.infer<typeof createResultSchema>;

export const createIndicatorSchema = z.object({
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(4000).nullable().optional(),
  type: z.enum(INDICATOR_TYPES),
  measure: z.enum(INDICATOR_MEASURES).default('unit').describe('Quantitative only: a unit count or a percentage (numerator/denominator)'),
  unit: z.string().trim().max(60).nullable().optional().describe('For a unit measure, e.g. "desa", "orang"'),
  cumulative: z.boolean().default(false).describe('Unit measure: updates report a running total (actual = latest) instead of new progress (actual = sum)'),
  ascending: z.boolean().default(true).describe('Higher is better'),
  targetKind: z.enum(TARGET_KINDS),
  baselineYear: z.number().int().min(1990).max(2100).nullable().optional(),
  baselineValue: amountSchema.nullable().optional().describe('Unit measure'),
  baselineNumerator: countSchema.nullable().optional().describe('Percentage measure'),
  baselineDenominator: countSchema.nullable().optional().describe('Percentage measure'),
  baselineComment: z.string().trim().max(1000).nullable().optional(),
  catalogueIndicatorCode: z.string().trim().max(80).nullable().optional().describe('An indicator of the national catalogue (GET /api/indicators)'),
  areaCode: areaCodeSchema.nullable().optional().describe("One party's area the indicator measures"),
});
export type CreateIndicator = z.infer<typeof createIndicatorSchema>;

export const createPeriodSchema = z.object({
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  targetValue: amountSchema.nullable().optional().describe('For a percentage indicator, the target percentage'),
  targetComment: z.string().trim().max(1000).nullable().optional(),
});
export type CreatePeriod = z.infer<typeof createPeriodSchema>;

export const patchPeriodSchema = z.object({
  targetValue: amountSchema.nullable().optional(),
  targetComment: z.string().trim().max(1000).nullable().optional(),
  locked: z.boolean().optional().describe('A locked period refuses new updates and workflow steps'),
});
export type PatchPeriod = z.infer<typeof patchPeriodSchema>;

export const actualSchema = z.object({
  value: z.number().nullable().describe('Sum or latest approved value; for a percentage, 100 × numerator / denominator'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  narrative: z.string().nullable(),
  approvedUpdates: z.number().int(),
});

export const periodSchema = z.object({
  id: z.string().uuid(),
  indicatorId: z.string().uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  targetValue: z.number().nullable(),
  targetComment: z.string().nullable(),
  locked: z.boolean(),
  actual: actualSchema,
  targetReached: z.boolean().nullable(),
  updateCounts: z.object({ draft: z.number().int(), submitted: z.number().int(), returned: z.number().int(), approved: z.number().int() }),
});
export type ResultPeriod = z.infer<typeof periodSchema>;
export const periodListSchema = z.object({ items: z.array(periodSchema) });

export const indicatorSchema = z.object({
  id: z.string().uuid(),
  resultId: z.string().uuid(),
  title: z.string(),
  description: z.string().nullable(),
  type: z.enum(INDICATOR_TYPES),
  measure: z.enum(INDICATOR_MEASURES),
  unit: z.string().nullable(),
  cumulative: z.boolean(),
  ascending: z.boolean(),
  targetKind: z.enum(TARGET_KINDS),
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable(),
  baselineNumerator: z.number().nullable(),
  baselineDenominator: z.number().nullable(),
  baselineComment: z.string().nullable(),
  catalogueIndicatorCode: z.string().nullable(),
  areaCode: z.string().nullable(),
  periods: z.array(periodSchema),
});
export type ResultIndicator = z.infer<typeof indicatorSchema>;

export const resultSchema = z.object({
  id: z.string().uuid(),
  agreementId: z.string().uuid(),
  type: resultTypeSchema,
  title: z.string(),
  description: z.string().nullable(),
  indicators: z.array(indicatorSchema),
});
export type Result = z.infer<typeof resultSchema>;
export const resultsFrameworkSchema = z.object({ agreementId: z.string().uuid(), items: z.array(resultSchema) });
export type ResultsFramework = z.infer<typeof resultsFrameworkSchema>;

// ------------------------------------------------------------------------------------------------
// Updates

/** A unit indicator takes `value`, a percentage takes `numerator` and `denominator`, a qualitative one only `narrative`. */
export const updateInputSchema = z.object({
  value: amountSchema.nullable().optional(),
  numerator: countSchema.nullable().optional(),
  denominator: countSchema.nullable().optional(),
  narrative: z.string().trim().max(4000).nullable().optional(),
  evidenceIds: z.array(z.string().uuid()).max(20).optional().describe("Evidence of the agreement's activities"),
});
export type UpdateInput = z.infer<typeof updateInputSchema>;

export const resultUpdateSchema = z.object({
  id: z.string().uuid(),
  periodId: z.string().uuid(),
  status: updateStatusSchema,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  narrative: z.string().nullable(),
  evidenceIds: z.array(z.string().uuid()),
  createdBy: z.string().nullable().describe('Email'),
  submittedBy: z.string().nullable().describe('Email'),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable().describe('Email'),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  nextActions: z.array(updateActionSchema).describe('Workflow steps the status allows (who may take them is checked on the step)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResultUpdate = z.infer<typeof resultUpdateSchema>;
export const resultUpdateListSchema = z.object({ items: z.array(resultUpdateSchema) });

export const updateTransitionSchema = z.object({
  action: updateActionSchema,
  comment: z.string().trim().max(2000).nullable().optional().describe('Required when returning'),
});
