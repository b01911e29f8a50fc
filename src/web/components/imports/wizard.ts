import type { CurrentUser } from '../../../common/api/auth.ts';
import type { ImportFormat, ImportJob, ImportStatus } from '../../../common/api/imports.ts';
import { isAreaCode } from '../../../common/area-code.ts';
import { isPeriodCode } from '../../../common/period.ts';

/**
 * The import wizard's rules, pure: which files each format takes, when a job is over, how far it
 * is, and what the user may do next. The page only wires these to the API.
 */

/** File name endings each format accepts (the `accept` of the file input, and the check before upload). */
export const FORMAT_EXTENSIONS: Readonly<Record<ImportFormat, readonly string[]>> = {
  'stbm-recap': ['.xlsx', '.csv'],
  household: ['.xlsx', '.csv'],
  'dhis2-json': ['.json'],
  'dhis2-csv': ['.csv'],
  template: ['.xlsx'],
};

export function acceptFor(format: ImportFormat): string {
  return FORMAT_EXTENSIONS[format].join(',');
}

/** Whether a file's name fits the chosen format (case-insensitive); the server sniffs the bytes again. */
export function fileFits(format: ImportFormat, fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return FORMAT_EXTENSIONS[format].some((extension) => lower.endsWith(extension));
}

export function isFinished(status: ImportStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** Rows done as a fraction 0–1, or null while the total is not known yet (the file is still being read). */
export function progressFraction(job: Pick<ImportJob, 'processed' | 'total' | 'status'>): number | null {
  if (job.status === 'succeeded') return 1;
  if (job.total <= 0) return null;
  return Math.min(1, Math.max(0, job.processed / job.total));
}

/** A dry run that finished without a single problem: only then may the real import start. */
export function canConfirm(dryRun: Pick<ImportJob, 'status' | 'errorCount' | 'dryRun'> | undefined): boolean {
  return dryRun !== undefined && dryRun.dryRun && dryRun.status === 'succeeded' && dryRun.errorCount === 0;
}

/** Values a dry run would write: new cells plus changed ones (unchanged cells are left alone). */
export function valuesToWrite(job: Pick<ImportJob, 'summary'>): number | null {
  return job.summary ? job.summary.imported + job.summary.updated : null;
}

export type FieldProblem = 'period' | 'area' | null;

/** The optional period must be a DHIS2 period code; the optional area a Kemendagri code. */
export function checkPeriod(period: string): FieldProblem {
  const code = period.trim();
  return code === '' || isPeriodCode(code) ? null : 'period';
}

export function checkArea(area: string): FieldProblem {
  const code = area.trim();
  return code === '' || isAreaCode(code) ? null : 'area';
}

/**
 * Who is offered the wizard: admins, and data officers (whose imports the server limits to their
 * organisation's area). The server checks again on upload.
 */
export function canImport(user: Pick<CurrentUser, 'roles'> | null | undefined): boolean {
  return user ? user.roles.includes('admin') || user.roles.includes('data_officer') : false;
}
