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

/**
 * One area's figures of one indicator over the periods asked for: each array holds one entry per
 * period, in the order of `periods`; entry k is what GET /api/values answers for that area,
 * indicator and period (a period without data: reporting 0, nulls, example false).
 */
export const valuesTableSeriesSchema = z.object({
  areaCode: z.string().describe("Kemendagri code, or 'ID' for the nation"),
  indicator: z.string(),
  expected: z.number().int().describe('Units at the collection level in this area (the same in every period)'),
  value: z.array(z.number().nullable()).describe('For ratios numerator ÷ denominator (a fraction, not ×100)'),
  numerator: z.array(z.number().nullable()),
  denominator: z.array(z.number().nullable()),
  statusCounts: z.array(z.record(z.string(), z.number()).nullable()),
  reporting: z.array(z.number().int()).describe('Units at the collection level that reported'),
  coverage: z.array(z.number().nullable()).describe('reporting ÷ expected'),
  origin: z.array(z.enum(['observed', 'aggregated']).nullable()),
  asOf: z.array(z.string().nullable()),
  example: z.array(z.boolean()).describe('True when the figure includes example (demo) data: not real figures'),
  exampleReporting: z.array(z.number().int()).describe('Of the reporting units, how many come from example (demo) data'),
});
export type ValuesTableSeries = z.infer<typeof valuesTableSeriesSchema>;

/**
 * The grid in columns: one series per (area, indicator), areas in the order of `areas`, then the
 * indicators as asked; inside each series, one entry per period. Columns instead of one object per
 * cell: a 12 × 12 grid of 40 areas is 5,760 cells, and as objects the answer repeated every field
 * name and area name 5,760 times (1.9 MB instead of about a third of that).
 */
export const valuesTableSchema = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  by: z.enum(['self', 'children']),
  indicators: z.array(z.string()).describe('As asked, in order'),
  periods: z.array(z.string()).describe('As asked (or the range), in order'),
  areas: z.array(z.object({ code: z.string(), name: z.string() })).describe('The rows of the grid: the area itself (by=self) or its children by code'),
  series: z.array(valuesTableSeriesSchema).describe('One per area and indicator: areas in order, then indicators in order; every array one entry per period'),
});
export type ValuesTable = z.infer<typeof valuesTableSchema>;

/** One cell of the table as GET /api/values answers it, with its indicator. */
export const valuesTableRowSchema = valueRowSchema.extend({ indicator: z.string() });
export type ValuesTableRow = z.infer<typeof valuesTableRowSchema>;

/** The table as rows, one per (area, indicator, period) in the order of `series` then `periods`: for clients that want cells. */
export function tableRows(table: ValuesTable): ValuesTableRow[] {
  const names = new Map(table.areas.map((area) => [area.code, area.name]));
  return table.series.flatMap((series) =>
    table.periods.map((period, at): ValuesTableRow => ({
      indicator: series.indicator,
      areaCode: series.areaCode,
      areaName: names.get(series.areaCode) ?? '',
      period,
      value: series.value[at] ?? null,
      numerator: series.numerator[at] ?? null,
      denominator: series.denominator[at] ?? null,
      statusCounts: series.statusCounts[at] ?? null,
      reporting: series.reporting[at] ?? 0,
      expected: series.expected,
      coverage: series.coverage[at] ?? null,
      origin: series.origin[at] ?? null,
      asOf: series.asOf[at] ?? null,
      example: series.example[at] ?? false,
      exampleReporting: series.exampleReporting[at] ?? 0,
    })),
  );
}
