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
  /**
   * True when the figure includes EXAMPLE data (`kembar demo data`, loaded on a first quick start):
   * invented village values for trying Kembar out, never real. Follows the data, not the region: a
   * real figure entered or imported for a demo region is not marked. The UI shows a "Contoh / Example"
   * badge. Always set by the server; optional only so older clients' fixtures still type-check.
   */
  example: z.boolean().optional().describe('True when the figure includes example (demo) data: not real figures'),
  /** Of the `reporting` units, how many come from example data (0 for a wholly real figure; < reporting: partly example). */
  exampleReporting: z.number().int().optional().describe('Of the reporting units, how many come from example (demo) data'),
});
export type ValueRow = z.infer<typeof valueRowSchema>;

export const VALUES_BY = ['self', 'children', 'villages'] as const;
export const VILLAGE_PAGE_LIMIT_MAX = 1000;

export const valuesQuerySchema = z.object({
  indicator: z.string().min(1).max(80),
  area: areaCodeSchema.optional().describe('Omit for the nation'),
  period: periodCodeSchema.optional().describe('Omit for the latest period with data for the area (the answer names it)'),
  by: z.enum(VALUES_BY).default('self').describe('self: the area; children: each area directly under it; villages: each desa/kelurahan under it, paginated'),
  limit: z.coerce.number().int().min(1).max(VILLAGE_PAGE_LIMIT_MAX).default(100).describe('by=villages: rows per page'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('by=villages: rows to skip (villages ordered by code)'),
});
export type ValuesQuery = z.infer<typeof valuesQuerySchema>;

export const valuesSchema = z.object({
  indicator: z.string(),
  period: z.string(),
  items: z.array(valueRowSchema),
  /** by=villages only: every village under the area (with or without data), and the page returned. */
  page: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }).optional(),
});

export const seriesQuerySchema = z.object({ indicator: z.string().min(1).max(80), area: areaCodeSchema.optional() });
export const seriesSchema = z.object({ indicator: z.string(), areaCode: z.string(), items: z.array(valueRowSchema) });
