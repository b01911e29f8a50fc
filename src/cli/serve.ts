import type { Command } from 'commander';
import { startServer } from '../server/main.ts';
import { runCommand } from './run-command.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web app and API (PORT, HOST, KEMBAR_DATA_DIR, DATABASE_URL)')
    .action(() =>
      runCommand(async (config) => {
        const server = await startServer(config);
        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          server.app.log.info({ signal }, 'shutting down');
          await server.stop();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
      }),
    );
}
