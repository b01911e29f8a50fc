import { ConfigError, parseConfig, type Config } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { DomainError } from '../server/errors.ts';
import { ZodError } from 'zod';

/**
 * Runs a command with the parsed configuration, turning the errors a user can fix (bad
 * environment, data folder in use, invalid input) into a plain message and exit code 1,
 * without a stack trace.
 */
export async function runCommand(action: (config: Config) => Promise<void>): Promise<void> {
  try {
    await action(parseConfig(process.env));
  } catch (error) {
    if (error instanceof ZodError) {
      process.stderr.write(`kembar: ${error.issues.map((issue) => issue.message).join('; ')}\n`);
      process.exit(1);
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DomainError) {
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
