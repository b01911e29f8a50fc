import type { Command } from 'commander';
import { withServices } from './open-services.ts';
import { runCommand, say } from './run-command.ts';

export function registerValues(program: Command): void {
  const values = program.command('values').description('indicator values rolled up to every level');
  values
    .command('rebuild')
    .description('recompute every rollup from the observations (repair; writes keep them current anyway)')
    .action(() =>
      runCommand(async (config) => {
        const { cells, durationMs } = await withServices(config, (services) => services.indicators.rebuildRollups());
        say(`Rebuilt ${cells} rollup cell(s) in ${durationMs} ms.`);
      }),
    );
}
