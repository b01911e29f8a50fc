/**
 * DHIS2's import summary, and the WebMessage DHIS2 (2.38 and later) wraps it in. Strings, statuses
 * and HTTP codes are DHIS2's own (dhis2-core `WebMessageUtils.importSummary`,
 * `DefaultDataValueSetService`), so scripts that read them keep working:
 *
 * - no conflicts → status SUCCESS, HTTP 200 "Import was successful.";
 * - conflicts, the other values imported (atomicMode=NONE, DHIS2's only behaviour) → status WARNING,
 *   HTTP 409 "One more conflicts encountered, please check import summary.";
 * - nothing imported (a conflict under atomicMode=ALL, Kembar's default; an unreadable file; a
 *   refused option) → status ERROR, HTTP 409 "An error occurred, please check import summary.".
 *
 * Pure: no I/O.
 */
import type { Dhis2WebMessage, ImportConflict, ImportCount, ImportStrategy, ImportSummary } from '../../common/api/dhis2.ts';
import type { Outcome } from './dhis2-cells.ts';

export type AtomicMode = 'ALL' | 'NONE';

export interface SummaryOptions {
  idSchemes: Record<string, string>;
  dryRun: boolean;
  importStrategy: ImportStrategy;
  atomicMode: AtomicMode;
  firstRowIsHeader?: boolean;
}

/** DHIS2's description of a finished import. */
export const COMPLETED = 'Import process completed successfully';

export interface ImportResult {
  /** How many data values the file held. */
  total: number;
  /** What happened to each cell, with the number of data values it was made of. */
  outcomes: ReadonlyArray<{ outcome: Outcome; values: number }>;
  conflicts: readonly ImportConflict[];
  options: SummaryOptions;
}

/** The summary of an import that ran: counts per data value, conflicts, rejected indexes. */
export function importSummary(result: ImportResult): ImportSummary {
  const { total, conflicts, options } = result;
  const rejectedIndexes = [...new Set(conflicts.flatMap((conflict) => conflict.indexes))].sort((a, b) => a - b);
  if (conflicts.length > 0 && options.atomicMode === 'ALL') {
    const clean = total - rejectedIndexes.length;
    const description =
      `Import process was aborted: ${rejectedIndexes.length} of ${total} data values have conflicts, and atomicMode=ALL writes nothing then. ` +
      `Fix them and send the file again${clean > 0 ? `, or send atomicMode=NONE to import the other ${clean}` : ''}.`;
    return summary('ERROR', options, description, { imported: 0, updated: 0, ignored: total, deleted: 0 }, conflicts, rejectedIndexes);
  }
  const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  for (const { outcome, values } of result.outcomes) count[outcome] += values;
  count.ignored = total - count.imported - count.updated - count.deleted;
  return summary(conflicts.length > 0 ? 'WARNING' : 'SUCCESS', options, COMPLETED, count, conflicts, rejectedIndexes);
}

/** The summary of an import that could not run at all (unreadable file, refused option): nothing written. */
export function failedSummary(options: SummaryOptions, message: string, conflicts: readonly ImportConflict[] = []): ImportSummary {
  return summary('ERROR', options, `The import process failed: ${message}`, { imported: 0, updated: 0, ignored: 0, deleted: 0 }, conflicts, []);
}

export function webMessage(response: ImportSummary): Dhis2WebMessage {
  switch (response.status) {
    case 'ERROR':
      return { httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR', message: 'An error occurred, please check import summary.', response };
    case 'WARNING':
      return { httpStatus: 'Conflict', httpStatusCode: 409, status: 'WARNING', message: 'One more conflicts encountered, please check import summary.', response };
    case 'SUCCESS':
      return { httpStatus: 'OK', httpStatusCode: 200, status: 'OK', message: 'Import was successful.', response };
  }
}

/** A conflict as DHIS2 sends it: Kembar's own report fields (message, places) left out. */
export function wireConflict(conflict: ImportConflict): ImportConflict {
  const { object, objects, value, errorCode, property, indexes } = conflict;
  return { object, ...(objects && { objects }), value, errorCode, property, indexes };
}

function summary(
  status: ImportSummary['status'],
  options: SummaryOptions,
  description: string,
  importCount: ImportCount,
  conflicts: readonly ImportConflict[],
  rejectedIndexes: number[],
): ImportSummary {
  return {
    responseType: 'ImportSummary',
    status,
    importOptions: { ...options, async: false },
    description,
    importCount,
    conflicts: conflicts.map(wireConflict),
    rejectedIndexes,
    dataSetComplete: 'false',
  };
}
