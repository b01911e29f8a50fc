import type { Command } from 'commander';
import { systemContext } from '../server/auth/actor.ts';
import { DEMO_PASSWORD } from '../server/users/demo-accounts.ts';
import { withServices } from './open-services.ts';
import { runCommand, say } from './run-command.ts';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('example data for trying Kembar out');
  demo
    .command('load')
    .description('create the example accounts (one per role); the sign-in page then lists them')
    .action(() =>
      runCommand(async (config) => {
        const { created } = await withServices(config, (services) => services.users.loadDemoAccounts(systemContext('demo')));
        say(created.length ? `Created ${created.length} example account(s), password "${DEMO_PASSWORD}":\n  ${created.join('\n  ')}` : 'The example accounts already exist.');
      }),
    );
  demo
    .command('data')
    .description('load EXAMPLE village data for Kabupaten Sumbawa Barat and Kota Bekasi (marked as example everywhere), and the real published figures with their sources')
    .action(() =>
      runCommand(async (config) => {
        const report = await withServices(config, (services) =>
          services.demo.load(systemContext('demo'), (done, total) => process.stderr.write(`\r  ${done}/${total} batches`)),
        );
        process.stderr.write('\n');
        say(`Example data: ${report.regions.map((region) => `${region.areaCode} (${region.villages} villages)`).join(', ')}; ${report.observationsWritten} observation(s) written, ${report.rollupCells} rollup cell(s) updated.`);
        say(`Published figures (real, with sources): ${report.publishedFigures.total} (${report.publishedFigures.changed} new or changed). Took ${report.durationMs} ms.`);
      }),
    );
}
