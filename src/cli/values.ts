import type { Command } from 'commander';
import { systemContext } from '../server/auth/actor.ts';
import { withServices } from './open-services.ts';
import { runCommand, say } from './run-command.ts';

export function registerValues(program: Command): void {
  const values = program.command('values').description('indicator values rolled up to every level');
  values
    .command('rebuild')
    .description('recompute every rollup, and every derived village status, from the observations (repair; writes keep them current anyway)')
    .action(() =>
      runCommand(async (config) => {
        const { cells, durationMs, rederived } = await withServices(config, async (services) => {
          const first = await services.indicators.rebuildRollups();
          // Statuses derive from the villages' rolled-up cells: re-derive, then roll up the ones that changed.
          const changed = await services.indicators.rederiveVillageStatuses(systemContext('cli'));
          const last = changed > 0 ? await services.indicators.rebuildRollups() : first;
          return { cells: last.cells, durationMs: first.durationMs + (changed > 0 ? last.durationMs : 0), rederived: changed };
        });
        say(`Rebuilt ${cells} rollup cell(s) in ${durationMs} ms; ${rederived} derived village status value(s) changed.`);
      }),
    );
}
