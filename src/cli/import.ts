import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_FORMATS, type ImportFormat } from '../common/api/imports.ts';
import { areaCodeSchema } from '../common/api/areas.ts';
import { periodCodeSchema } from '../common/api/observations.ts';
import { systemContext } from '../server/auth/actor.ts';
import { InvalidRequestError } from '../server/errors.ts';
import { detectFormat } from '../server/imports/detect-format.ts';
import { exportRows, toCsv, toXlsx } from '../server/imports/value-export.ts';
import { withServices } from './open-services.ts';
import { runCommand, say } from './run-command.ts';

/**
 * `kembar import FILE` runs the same import job as `POST /api/imports`, in this process, with a
 * progress bar, and prints the error report (row, column, problem); exit code 1 when the file has
 * errors. It acts as the CLI (audited as system:cli); `--area` limits the rows to one area.
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import a data file: STBM village recap, household survey, Kembar template or DHIS2 data value set (all or nothing)')
    .argument('<file>', 'the .csv, .xlsx or .json file')
    .option('--format <format>', `one of ${IMPORT_FORMATS.join(', ')} (default: recognised from the file)`)
    .option('--dry-run', 'check and count, write nothing')
    .option('--period <period>', 'period of every value (DHIS2 code, e.g. 2024); default: the year of the latest verification/survey date')
    .option('--area <code>', 'the area the file is for: every row must lie in it (e.g. 52.07)')
    .action((file: string, options: { format?: string; dryRun?: boolean; period?: string; area?: string }) =>
      runCommand(async (config) => {
        const bytes = readFile(file);
        const format = options.format ? formatOf(options.format) : await detectFormat(bytes);
        const period = options.period === undefined ? undefined : periodCodeSchema.parse(options.period);
        const area = options.area === undefined ? undefined : areaCodeSchema.parse(options.area);
        const bar = new cliProgress.SingleBar({ format: 'Importing [{bar}] {value}/{total} rows', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
        bar.start(0, 0);
        const job = await withServices(config, (services) =>
          services.imports.run(systemContext('cli'), { bytes, fileName: path.basename(file) }, { format, dryRun: options.dryRun === true, period, area }, (processed, total) => {
            bar.setTotal(total);
            bar.update(processed);
          }),
        );
        bar.stop();
        if (job.status !== 'succeeded') {
          say(`${path.basename(file)} (${format}): ${job.errorCount} problem(s); nothing was written.`);
          for (const error of job.errors) say(`  row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
          if (job.errorCount > job.errors.length) say(`  … and ${job.errorCount - job.errors.length} more`);
          process.exitCode = 1;
          return;
        }
        const summary = job.summary;
        const verb = job.dryRun ? 'Dry run (nothing written)' : 'Imported';
        say(`${verb}: ${path.basename(file)} (${format}), ${job.total} row(s), period ${summary?.period ?? job.period ?? '-'}.`);
        if (summary) {
          say(`  cells: ${summary.imported} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.deleted} cleared; ${summary.areas} area(s)`);
          if (summary.households !== undefined) say(`  households: ${summary.households}`);
        }
      }),
    );
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("an indicator's values for an area (itself, its children or every village) as CSV or XLSX")
    .requiredOption('--indicator <code>', 'indicator code, e.g. STBM.DS.P1_AKSES_PCT')
    .option('--area <code>', 'area code (default: the nation)')
    .option('--period <period>', 'period (default: the latest with data)')
    .option('--by <by>', 'self, children or villages', 'children')
    .option('--format <format>', 'csv or xlsx (default: from --out, else csv)')
    .option('--out <file>', 'write to this file (default: standard output, CSV only)')
    .action((options: { indicator: string; area?: string; period?: string; by: string; format?: string; out?: string }) =>
      runCommand(async (config) => {
        const by = (['self', 'children', 'villages'] as const).find((candidate) => candidate === options.by);
        if (!by) throw new InvalidRequestError(`--by: "${options.by}" must be self, children or villages`);
        const format = options.format ?? (options.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
        if (format !== 'csv' && format !== 'xlsx') throw new InvalidRequestError(`--format: "${format}" must be csv or xlsx`);
        if (format === 'xlsx' && !options.out) throw new InvalidRequestError('--format xlsx needs --out FILE');
        const query = { indicator: options.indicator, by, ...(options.area && { area: areaCodeSchema.parse(options.area) }), ...(options.period && { period: periodCodeSchema.parse(options.period) }) };
        const { period, rows } = await withServices(config, (services) => exportRows(services.values, query));
        const body = format === 'csv' ? toCsv(rows) : await toXlsx(rows, `${options.indicator} — ${options.area ?? 'ID'} — ${period}`);
        if (!options.out) {
          process.stdout.write(body);
          return;
        }
        fs.writeFileSync(options.out, body);
        say(`Wrote ${rows.length} row(s) of ${options.indicator} for ${period} to ${options.out}.`);
      }),
    );
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new InvalidRequestError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function formatOf(name: string): ImportFormat {
  const format = IMPORT_FORMATS.find((candidate) => candidate === name);
  if (!format) throw new InvalidRequestError(`--format: "${name}" is not one of ${IMPORT_FORMATS.join(', ')}`);
  return format;
}
