import { z } from 'zod';
import { areaCodeSchema } from './areas.ts';
import { periodCodeSchema } from './observations.ts';

/** The file formats `POST /api/imports` takes. The DHIS2 ones are dataValueSets with code ids. */
export const IMPORT_FORMATS = ['stbm-recap', 'household', 'dhis2-json', 'dhis2-csv', 'template'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One problem of an import, named by where it is in the file. Row 0 is the file as a whole. */
export const importErrorSchema = z.object({
  row: z.number().int().min(0).describe('Row number as the user sees it in the file (spreadsheet row, CSV line); 0 for the whole file'),
  column: z.string().describe('The column (header) the problem is in; empty for a whole row or file'),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** What an import wrote (or, in a dry run, would write). Counts are observation cells unless named otherwise. */
export const importSummarySchema = z.object({
  rows: z.number().int().describe('Observation cells taken from the file'),
  imported: z.number().int().describe('New cells'),
  updated: z.number().int().describe('Cells whose stored value changed (a dry run counts every existing cell here)'),
  unchanged: z.number().int().describe('Cells that already held the same value'),
  deleted: z.number().int(),
  ignored: z.number().int().describe('Cells not written: every cell when the file has errors (all or nothing)'),
  areas: z.number().int().describe('Distinct areas (villages) in the file'),
  households: z.number().int().optional().describe('Household rows stored (household format)'),
  period: z.string().optional().describe('The period the values were stored under'),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.enum(['true', 'false']).default('false').transform((flag) => flag === 'true'),
  period: periodCodeSchema.optional().describe('Period of every value; default: the year of the latest verification/survey date in the file'),
  area: areaCodeSchema.optional().describe("The area the file is for; every row must lie in it. Default: the caller's organisation's area"),
  fileName: z.string().max(200).optional().describe('Name of the uploaded file, when the body is the raw file'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importCreatedSchema = z.object({ id: z.uuid() });

export const importJobSchema = z.object({
  id: z.uuid(),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  dryRun: z.boolean(),
  period: z.string().nullable(),
  areaCode: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  processed: z.number().int().describe('Rows done'),
  total: z.number().int().describe('Rows in the file (0 until it has been read)'),
  errors: z.array(importErrorSchema).describe('The first 1,000 problems; errorCount says how many there are in all'),
  errorCount: z.number().int(),
  summary: importSummarySchema.nullable(),
  createdBy: z.string().nullable().describe('Email of who started it'),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  mediaType: z.string().nullable().describe('What the uploaded file is (text/csv, application/json, the XLSX type); null for imports from before files were kept'),
  fileKept: z.boolean().describe('The uploaded file is kept: its uploader and admins can download it (GET /api/imports/{id}/file). Household survey files are never kept: they hold family-card numbers and names'),
  confirms: z.uuid().nullable().describe('The dry run this import was started from (POST /api/imports/{id}/confirm)'),
  fileDeletedAt: z.string().nullable().describe('When the retention policy deleted the kept file (KEMBAR_IMPORT_FILE_RETENTION_DAYS); fileKept is false from then on, the name, size and sha256 stay'),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** A job in the history: everything but its error list (errorCount says how many). */
export const importListItemSchema = importJobSchema.omit({ errors: true });
export type ImportListItem = z.infer<typeof importListItemSchema>;

export const importListQuerySchema = z.object({
  all: z.enum(['true', 'false']).default('false').transform((flag) => flag === 'true').describe("Admins only: everyone's imports, not just the caller's own"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ImportListQuery = z.infer<typeof importListQuerySchema>;

export const importListSchema = z.object({
  items: z.array(importListItemSchema).describe('Newest first'),
  total: z.number().int().describe('Jobs in the whole list (for paging)'),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ImportList = z.infer<typeof importListSchema>;

export const importIdParamsSchema = z.object({ id: z.uuid() });

export const templateQuerySchema = z.object({
  area: areaCodeSchema.describe('A kab/kota or kecamatan: its villages become the rows'),
  period: periodCodeSchema,
  set: z.string().max(40).default('stbm').describe('Indicator set: stbm, or an indicator group name'),
});
export type TemplateQuery = z.infer<typeof templateQuerySchema>;
