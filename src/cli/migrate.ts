import type { Command } from 'commander';
import { openDatabase } from '../server/bootstrap.ts';
import { runCommand, say } from './run-command.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this on start)')
    .action(() =>
      runCommand(async (config) => {
        const database = await openDatabase(config, (message, details) => {
          const applied = (details?.migrationsApplied as string[] | undefined) ?? [];
          say(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
          say(`(${message}: ${database_label(details)})`);
        });
        await database.close();
      }),
    );
}

function database_label(details: Record<string, unknown> | undefined): string {
  return `${String(details?.engine)} at ${String(details?.location)}`;
}
