import { z } from 'zod';

/**
 * DHIS2's dataValueSets resource as Kembar speaks it (`idScheme=code`): the data value set of an
 * export, and the WebMessage-wrapped ImportSummary an import answers with (DHIS2 2.38 and later;
 * shape checked against DHIS2 2.40 responses). See docs/decisions/0007-dhis2-data-values.md.
 */

export const dhis2DataValueSchema = z.object({
  dataElement: z.string().describe('Indicator code, e.g. STBM.DS.KK_TOTAL'),
  period: z.string().describe('DHIS2 period code: 2021, 2021S2, 2021Q3, 202110, 2021W43, 20211026'),
  orgUnit: z.string().describe('Kemendagri area code, e.g. 52.07.02.2001'),
  categoryOptionCombo: z.string().describe('"default"; for a percentage: NUMERATOR or DENOMINATOR'),
  attributeOptionCombo: z.string().describe('Source kind: "default" (import) or ROUTINE, SURVEY, VERIFICATION'),
  value: z.string(),
  storedBy: z.string(),
  created: z.string(),
  lastUpdated: z.string(),
  comment: z.string().optional(),
  followup: z.boolean(),
});
export type Dhis2DataValueOut = z.infer<typeof dhis2DataValueSchema>;

export const dhis2DataValueSetSchema = z.object({ dataValues: z.array(dhis2DataValueSchema) });
export type Dhis2DataValueSetOut = z.infer<typeof dhis2DataValueSetSchema>;

export const IMPORT_STRATEGIES = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

export const importCountSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  ignored: z.number().int(),
  deleted: z.number().int(),
});
export type ImportCount = z.infer<typeof importCountSchema>;

export const importConflictSchema = z.object({
  object: z.string().describe('The offending identifier or value'),
  objects: z.record(z.string(), z.string()).optional(),
  value: z.string().describe('What is wrong, naming the row (CSV line) or dataValues[i] (JSON)'),
  errorCode: z.string().describe('DHIS2 error code, e.g. E7610 unknown data element'),
  property: z.string(),
  indexes: z.array(z.number().int()).describe('0-based positions of the data values concerned'),
});
export type ImportConflict = z.infer<typeof importConflictSchema>;

export const importSummarySchema = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  importOptions: z.object({
    idSchemes: z.record(z.string(), z.string()),
    dryRun: z.boolean(),
    async: z.boolean(),
    importStrategy: z.enum(IMPORT_STRATEGIES),
    atomicMode: z.enum(['ALL', 'NONE']),
    firstRowIsHeader: z.boolean().optional(),
  }),
  description: z.string(),
  importCount: importCountSchema,
  conflicts: z.array(importConflictSchema),
  rejectedIndexes: z.array(z.number().int()),
  dataSetComplete: z.literal('false'),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const dhis2WebMessageSchema = z.object({
  httpStatus: z.enum(['OK', 'Conflict']),
  httpStatusCode: z.union([z.literal(200), z.literal(409)]),
  status: z.enum(['OK', 'WARNING', 'ERROR']),
  message: z.string(),
  response: importSummarySchema,
});
export type Dhis2WebMessage = z.infer<typeof dhis2WebMessageSchema>;

/** A repeatable DHIS2 query parameter: `?orgUnit=a&orgUnit=b` or `?orgUnit=a,b` (Spring splits commas). */
const repeatable = z
  .union([z.string().max(2000), z.array(z.string().max(200)).max(200)])
  .transform((raw) => (Array.isArray(raw) ? raw : [raw]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== ''));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const flag = z.enum(['true', 'false']).transform((text) => text === 'true');
const idScheme = z.string().max(60);

export const dataValueSetQuerySchema = z.object({
  dataElement: repeatable.optional(),
  orgUnit: repeatable.describe('Area code(s); required, as in DHIS2'),
  period: repeatable.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  children: flag.optional(),
  dataSet: repeatable.optional().describe('Accepted and ignored: Kembar has no data sets'),
  limit: z.coerce.number().int().min(1).max(200_000).optional(),
  idScheme: idScheme.optional(),
  dataElementIdScheme: idScheme.optional(),
  orgUnitIdScheme: idScheme.optional(),
  categoryOptionComboIdScheme: idScheme.optional(),
  attributeOptionComboIdScheme: idScheme.optional(),
  dataSetIdScheme: idScheme.optional(),
  inputOrgUnitIdScheme: idScheme.optional(),
  inputIdScheme: idScheme.optional(),
});
export type DataValueSetQuery = z.infer<typeof dataValueSetQuerySchema>;

export const dataValueSetImportQuerySchema = z.object({
  dryRun: flag.optional(),
  importStrategy: z.string().max(40).optional().describe('CREATE_AND_UPDATE (default), CREATE, UPDATE, DELETE'),
  atomicMode: z.enum(['ALL', 'NONE']).optional().describe('ALL (default): nothing is written when any value has a conflict; NONE: as DHIS2, the other values are written'),
  firstRowIsHeader: flag.optional(),
  async: flag.optional(),
  idScheme: idScheme.optional(),
  dataElementIdScheme: idScheme.optional(),
  orgUnitIdScheme: idScheme.optional(),
  categoryOptionComboIdScheme: idScheme.optional(),
  attributeOptionComboIdScheme: idScheme.optional(),
  dataSetIdScheme: idScheme.optional(),
  preheatCache: flag.optional(),
  skipExistingCheck: flag.optional(),
  skipAudit: flag.optional(),
  force: flag.optional(),
});
export type DataValueSetImportQuery = z.infer<typeof dataValueSetImportQuerySchema>;
