import { z } from 'zod';
import { PERIOD_TYPES } from '../period.ts';
import { areaCodeSchema } from './areas.ts';
import { periodCodeSchema } from './observations.ts';
import { valueRowSchema } from './values.ts';

/** A dashboard table asks for at most this many indicators and periods in one call. */
export const TABLE_INDICATORS_MAX = 50;
export const TABLE_PERIODS_MAX = 60;

/**
 * GET /api/values/table: many indicators × many periods for an area or each of its children in one
 * call (a dashboard's grid), instead of one GET /api/values per indicator and period. The lists are
 * comma-separated; each code is checked by the server, which names the one it does not know.
 */
export const valuesTableQuerySchema = z.object({
  indicators: z.string().min(1).max(4000).describe(`Indicator codes, comma-separated (at most ${TABLE_INDICATORS_MAX})`),
  area: areaCodeSchema.optional().describe('Omit for the nation'),
  periods: z.string().min(1).max(1000).optional().describe(`Period codes, comma-separated (at most ${TABLE_PERIODS_MAX}); or give from and to`),
  from: periodCodeSchema.optional().describe('First period of a range (with to), e.g. 202401'),
  to: periodCodeSchema.optional().describe('Last period of the range, included, e.g. 202412'),
  periodType: z.enum(PERIOD_TYPES).optional().describe("The range's period type; omit to use the type of from (which to must share)"),
  by: z.enum(['self', 'children']).default('children').describe('self: the area; children: each area directly under it'),
});
export type ValuesTableQuery = z.infer<typeof valuesTableQuerySchema>;

export const valuesTableRowSchema = valueRowSchema.extend({ indicator: z.string() });
export type ValuesTableRow = z.infer<typeof valuesTableRowSchema>;

export const valuesTableSchema = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  by: z.enum(['self', 'children']),
  indicators: z.array(z.string()).describe('As asked, in order'),
  periods: z.array(z.string()).describe('As asked (or the range), in order'),
  /** One row per (area, indicator, period), areas by code, then indicators and periods as asked; cells without data have reporting 0 and null values. */
  items: z.array(valuesTableRowSchema),
});
export type ValuesTable = z.infer<typeof valuesTableSchema>;
