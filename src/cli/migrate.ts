import type { Command } from 'commander';
import { openDatabase } from '../server/bootstrap.ts';
import { runCommand, say } from './run-command.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this on start)')
    .action(() =>
      runCommand(async (config) => {
        let applied: string[] = [];
        const database = await openDatabase(config, (_message, details) => {
          applied = Array.isArray(details?.migrationsApplied) ? details.migrationsApplied.map(String) : [];
        });
        await database.close();
        say(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
      }),
    );
}
