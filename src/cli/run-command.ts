import { ConfigError, parseConfig, type Config } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/lock.ts';

/**
 * Runs a command with the parsed configuration, turning the errors a user can fix (bad
 * environment, data folder in use) into a plain message and exit code 1, without a stack trace.
 */
export async function runCommand(action: (config: Config) => Promise<void>): Promise<void> {
  try {
    await action(parseConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      process.stderr.write(`kembar: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Plain line on stdout for CLI output (the server itself logs JSON). */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}
