import type { Command } from 'commander';
import { readAreaRelease } from '../server/areas/area-source.ts';
import { AreasService, type AreaImportReport } from '../server/areas/areas.service.ts';
import { openDatabase } from '../server/bootstrap.ts';
import { runCommand, say } from './run-command.ts';

const SHOWN = 20;

export function registerAreasImport(program: Command): void {
  const areas = program.command('areas').description('the administrative map of Indonesia');
  areas
    .command('import')
    .description('re-apply the installed idn-area-data release: add new areas, rename changed ones, remove vanished ones nothing refers to')
    .option('--dry-run', 'report what would change, and change nothing')
    .action((options: { dryRun?: boolean }) =>
      runCommand(async (config) => {
        const database = await openDatabase(config, () => undefined);
        try {
          const release = readAreaRelease();
          say(`Applying ${release.packageName}@${release.packageVersion}: ${release.areas.length} areas${options.dryRun ? ' (dry run)' : ''}`);
          const report = await new AreasService(database).importRelease(release, { dryRun: options.dryRun ?? false });
          printReport(report, options.dryRun ?? false);
        } finally {
          await database.close();
        }
      }),
    );
}

function printReport(report: AreaImportReport, dryRun: boolean): void {
  const verb = dryRun ? 'would be' : 'were';
  say(`${report.added.length} area(s) ${verb} added${preview(report.added)}`);
  say(`${report.renamed.length} area(s) ${verb} renamed${preview(report.renamed.map((area) => `${area.code}: ${area.from} → ${area.to}`))}`);
  say(`${report.removed.length} area(s) ${verb} removed${preview(report.removed)}`);
  say(`${report.retired.length} area(s) ${verb} kept as retired because data refers to them${preview(report.retired)}`);
  say(`Done in ${report.durationMs} ms.`);
}

function preview(lines: readonly string[]): string {
  if (lines.length === 0) return '.';
  const shown = lines.slice(0, SHOWN).map((line) => `\n  ${line}`).join('');
  return `:${shown}${lines.length > SHOWN ? `\n  … and ${lines.length - SHOWN} more` : ''}`;
}
