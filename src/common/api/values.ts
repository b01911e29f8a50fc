import { z } from 'zod';
import { areaCodeSchema } from './areas.ts';
import { periodCodeSchema } from './observations.ts';

export const valueRowSchema = z.object({
  areaCode: z.string().describe("Kemendagri code, or 'ID' for the nation"),
  areaName: z.string(),
  period: z.string(),
  value: z.number().nullable().describe('For ratios numerator ÷ denominator (a fraction, not ×100)'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  statusCounts: z.record(z.string(), z.number()).nullable(),
  reporting: z.number().int().describe('Units (villages, kecamatan, …) at the collection level that reported'),
  expected: z.number().int().describe('Units at the collection level in this area'),
  coverage: z.number().nullable().describe('reporting ÷ expected'),
  origin: z.enum(['observed', 'aggregated']).nullable(),
  asOf: z.string().nullable(),
});
export type ValueRow = z.infer<typeof valueRowSchema>;

export const valuesQuerySchema = z.object({
  indicator: z.string().min(1).max(80),
  area: areaCodeSchema.optional().describe('Omit for the nation'),
  period: periodCodeSchema,
  by: z.enum(['self', 'children']).default('self'),
});
export const valuesSchema = z.object({ indicator: z.string(), period: z.string(), items: z.array(valueRowSchema) });

export const seriesQuerySchema = z.object({ indicator: z.string().min(1).max(80), area: areaCodeSchema.optional() });
export const seriesSchema = z.object({ indicator: z.string(), areaCode: z.string(), items: z.array(valueRowSchema) });
