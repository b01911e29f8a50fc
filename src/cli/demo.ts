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
}
