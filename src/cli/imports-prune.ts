import type { Command } from 'commander';
import { systemContext } from '../server/auth/actor.ts';
import { InvalidRequestError } from '../server/errors.ts';
import { pruneImportFiles, type PruneReport } from '../server/imports/import-file-retention.ts';
import { withServices } from './open-services.ts';
import { runCommand, say } from './run-command.ts';

/**
 * `kembar imports prune` applies the retention policy for kept import files now, as the server
 * does at its start and every few hours: deletes the files of finished imports older than
 * KEMBAR_IMPORT_FILE_RETENTION_DAYS (or --older-than), keeping every job's name, size and sha256,
 * and prints what it deleted. `--dry-run` lists the same without deleting. Audited as system:cli.
 */
export function registerImportsPrune(program: Command): void {
  const imports = program.commands.find((command) => command.name() === 'imports') ?? program.command('imports').description('import jobs and their kept files');
  imports
    .command('prune')
    .description('delete kept import files past their retention (KEMBAR_IMPORT_FILE_RETENTION_DAYS, default 90 days); the jobs stay')
    .option('--older-than <days>', 'files of imports older than this, e.g. 30d (default: the configured retention)')
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .action((options: { olderThan?: string; dryRun?: boolean }) =>
      runCommand(async (config) => {
        const days = options.olderThan === undefined ? config.importFileRetentionDays : parseDays(options.olderThan);
        if (days === null) {
          say('Import files are kept forever (KEMBAR_IMPORT_FILE_RETENTION_DAYS=0): nothing deleted. Pass --older-than 30d to prune anyway.');
          return;
        }
        const report = await withServices(config, (services, database) =>
          pruneImportFiles(database, services.files, { olderThanDays: days, dryRun: options.dryRun === true, context: systemContext('cli') }),
        );
        for (const line of pruneReportLines(report, days)) say(line);
      }),
    );
}

/** "30d" or "30": whole days, at least 1. */
export function parseDays(value: string): number {
  const match = /^\s*(\d{1,5})\s*d?\s*$/i.exec(value);
  const days = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(days) || days < 1) throw new InvalidRequestError(`--older-than: "${value}" must be a whole number of days, at least 1 (e.g. 30d)`);
  return days;
}

/** What a prune did (or, dry run, would do), one job a line, oldest first. */
export function pruneReportLines(report: PruneReport, days: number): string[] {
  const before = report.cutoff.toISOString().slice(0, 10);
  if (report.jobs.length === 0 && report.removedFiles === 0) return [`No kept import file is older than ${days} day(s) (before ${before}): nothing ${report.dryRun ? 'to delete' : 'deleted'}.`];
  const lines = [
    report.dryRun
      ? `Would delete the files of ${report.jobs.length} import(s) older than ${days} day(s) (before ${before}); dry run, nothing deleted:`
      : `Deleted the files of ${report.jobs.length} import(s) older than ${days} day(s) (before ${before}); the imports keep their name, size and sha256:`,
  ];
  for (const job of report.jobs) {
    lines.push(`  ${job.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  ${job.id}  ${job.format}${job.dryRun ? ' (dry run)' : ''}  ${job.fileName}  ${formatSize(job.size)}  sha256 ${job.sha256.slice(0, 12)}…`);
  }
  if (!report.dryRun) {
    lines.push(`${report.removedFiles} file(s), ${formatSize(report.removedBytes)}, removed from the file store.`);
    if (report.uploadedAgain > 0) lines.push(`${report.uploadedAgain} file(s) left in place: the same file was uploaded again within the last day.`);
  }
  return lines;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
