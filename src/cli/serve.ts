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
        // The embedded database stopped (a disk error): every request would fail until a restart,
        // which recovers the data folder. Exit non-zero so a supervisor (systemd, Docker) restarts
        // the server, and a person at the console reads why.
        void server.database.stopped.then(async (error) => {
          if (stopping) return;
          stopping = true;
          server.app.log.fatal({ err: error }, 'the embedded database stopped; exiting so that a restart recovers it');
          await server.stop().catch(() => undefined);
          process.exit(1);
        });
      }),
    );
}
