import { z } from 'zod';
import { areaCodeSchema } from './areas.ts';

/**
 * A REAL figure as published (news report, regulation, plan), with its citation: shown beside the
 * live values, never mixed into them (no rollup), and never example data.
 */
export const publishedFigureSchema = z.object({
  id: z.string(),
  areaCode: z.string().describe("Kemendagri code, or 'ID' for the nation"),
  areaName: z.string(),
  indicatorCode: z.string().nullable().describe('The catalogue indicator it corresponds to, when one does'),
  period: z.string().nullable().describe('Period code the figure refers to; null when the source gives no date'),
  kind: z.enum(['figure', 'target']).describe('figure: a measured/reported value; target: a planned value'),
  labelId: z.string(),
  labelEn: z.string(),
  value: z.number().nullable().describe('As published, in `unit` (percent figures as 16.84, not 0.1684)'),
  statusValue: z.string().nullable().describe('For yes/no or status figures (e.g. YA for "declared ODF")'),
  unit: z.string(),
  citation: z.string().describe('Who published it, where and when'),
  url: z.string(),
  evidence: z.array(z.string()).describe('Keys in research/stbm-indicators.md §9, e.g. S10'),
  note: z.string().nullable(),
});
export type PublishedFigure = z.infer<typeof publishedFigureSchema>;

export const publishedFiguresQuerySchema = z.object({
  area: areaCodeSchema.optional().describe('Figures of this area and the areas under it; omit for all'),
  indicator: z.string().min(1).max(80).optional(),
});
export const publishedFiguresSchema = z.object({ items: z.array(publishedFigureSchema) });
