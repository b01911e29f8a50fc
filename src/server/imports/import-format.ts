import type { Kysely } from 'kysely';
import type { ImportError } from '../../common/api/imports.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { CopyIn } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import type { ObservationRow } from './observation-writer.ts';

/**
 * The plug of one file format: a reader (CSV/XLSX → rows of cells), a row schema (which columns,
 * how each cell is read, row-level problems) and a mapping to observation rows. The import
 * service runs every format the same way: read → check with the observation writer → write all
 * or nothing. A format file (stbm-recap.ts, household.ts, template-import.ts, the dhis2-* files)
 * exports one ImportFormatModule; import-formats.ts lists them.
 */
export interface ImportFormatModule {
  read(input: ImportInput): Promise<ImportPlan>;
}

export interface ImportInput {
  /** The import job this file belongs to (stored with rows that are kept, e.g. household rows). */
  jobId: string;
  bytes: Uint8Array;
  fileName: string;
  /** The `period` the caller gave; null lets the format choose (the year of the file's latest verification/survey date). */
  period: string | null;
  /** The area the file is for (the job's area), when known: formats that resolve village names look there. */
  areaCode: string | null;
  context: RequestContext;
  /** Reports rows read so far (progress while a long file is read). */
  onRowsRead: (rows: number) => void;
}

export interface ImportPlan {
  /** Data rows in the file (the progress total). */
  total: number;
  /** The period the values go to, when the format has one. */
  period: string | null;
  /** The observation cells to write; the writer checks them (area, scope, indicator, measure, duplicates). */
  rows: ObservationRow[];
  /** Problems found while reading: unreadable cells, unknown codes, duplicate rows. Any problem: nothing is written. */
  errors: ImportError[];
  /** Household rows the file holds (household format). */
  households?: number;
  /**
   * Formats that store more than observations (household rows) do it here, inside the import's
   * transaction (actor set), and return the observation rows to write instead of `rows` (e.g.
   * recomputed over every stored household of the villages in the file).
   */
  commit?: (trx: Kysely<Schema>, copyIn: CopyIn) => Promise<ObservationRow[]>;
}

/** A problem with the file as a whole (no header row, no period): row 0. */
export function fileError(message: string, column = ''): ImportError {
  return { row: 0, column, message };
}
