/**
 * The `dhis2-json` and `dhis2-csv` formats of `POST /api/imports`: a DHIS2 data value set file
 * (code ids), read, checked and planned like `POST /api/dataValueSets` does, then written by the
 * import service as every other format, all or nothing, with its error report naming row and
 * column (CSV: the file's line and DHIS2's column name; JSON: the value's position + 1 and key).
 */
import type { Database } from '../db/connect.ts';
import { IndicatorsService } from '../indicators/indicators.service.ts';
import { parseDataValueSetCsv } from './dhis2-csv.ts';
import { Dhis2FormatError, type ParsedDataValueSet } from './dhis2-data-value.ts';
import { parseDataValueSetJson } from './dhis2-json.ts';
import { resolveImportOptions } from './dhis2-options.ts';
import { dhis2Lookups, planDataValues, toImportErrors, toObservationRows, type Dhis2Lookups } from './dhis2-plan.ts';
import { fileError, type ImportFormatModule, type ImportInput, type ImportPlan } from './import-format.ts';

export type Dhis2FormatName = 'dhis2-json' | 'dhis2-csv';

/** Both DHIS2 formats, for the import format registry (import-formats.ts). */
export function dhis2ImportFormats(database: Database, indicators: IndicatorsService = new IndicatorsService(database)): Record<Dhis2FormatName, ImportFormatModule> {
  const lookups = dhis2Lookups(database, indicators);
  return {
    'dhis2-json': { read: (input) => readDhis2(input, lookups, parseDataValueSetJson) },
    'dhis2-csv': { read: (input) => readDhis2(input, lookups, (text) => parseDataValueSetCsv(text)) },
  };
}

async function readDhis2(input: ImportInput, lookups: Dhis2Lookups, parse: (text: string) => ParsedDataValueSet): Promise<ImportPlan> {
  let parsed: ParsedDataValueSet;
  try {
    parsed = parse(new TextDecoder('utf-8').decode(input.bytes));
  } catch (error) {
    if (error instanceof Dhis2FormatError) return { total: 0, period: null, rows: [], errors: [fileError(error.message)] };
    throw error;
  }
  input.onRowsRead(parsed.values.length);
  // A payload may carry its own id schemes and strategy; an unsupported one refuses the file.
  const options = resolveImportOptions({}, parsed.envelope);
  if (!options.ok) return { total: parsed.values.length, period: null, rows: [], errors: [fileError(options.message)] };
  const plan = await planDataValues(parsed.values, lookups, { strategy: options.options.importStrategy, actor: input.context.actor, areaScope: input.areaCode });
  return { total: parsed.values.length, period: null, rows: toObservationRows(plan.cells), errors: toImportErrors(plan.conflicts) };
}
