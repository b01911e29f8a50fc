import type { Command } from 'commander';
import { ROLES, type Role } from '../common/roles.ts';
import { emailSchema } from '../common/api/auth.ts';
import { systemContext } from '../server/auth/actor.ts';
import { InvalidRequestError } from '../server/errors.ts';
import { withServices } from './open-services.ts';
import { runCommand, say } from './run-command.ts';

export function registerUsers(program: Command): void {
  const users = program.command('users').description('user accounts');

  users
    .command('create')
    .description('create a user with a password read from standard input')
    .argument('<email>', 'the user’s email address (their sign-in name)')
    .requiredOption('--role <roles>', `one or more of ${ROLES.join(', ')}, comma-separated`)
    .option('--org <code>', 'organisation code: an area code for a pemda (32.75) or a slug (forkalim)', 'kembar')
    .option('--name <name>', 'display name (defaults to the part of the email before @)')
    .requiredOption('--password-stdin', 'read the password from standard input (required: never pass passwords as arguments)')
    .action((email: string, options: { role: string; org: string; name?: string }) =>
      runCommand(async (config) => {
        const roles = parseRoles(options.role);
        const address = emailSchema.parse(email);
        const password = (await readStdin()).replace(/\r?\n$/, '');
        const user = await withServices(config, (services) =>
          services.users.createWithPassword(systemContext('cli'), { email: address, name: options.name ?? address.split('@')[0] ?? address, organisationCode: options.org, roles, password }),
        );
        say(`Created ${user.email} (${user.roles.join(', ')}) in ${user.organisation.name}.`);
      }),
    );

  users
    .command('reset-link')
    .description('print a one-time password reset link for a user (no mail server needed)')
    .argument('<email>')
    .action((email: string) =>
      runCommand(async (config) => {
        const link = await withServices(config, async (services) => {
          const [user] = (await services.users.list(systemContext('cli'), { q: email, limit: 200 })).filter((candidate) => candidate.email === email.toLowerCase());
          if (!user) throw new InvalidRequestError(`no user has the email ${email}`);
          return services.users.issueResetLink(systemContext('cli'), user.id);
        });
        say(`Reset link (valid until ${link.expiresAt}):\n${link.url}`);
      }),
    );
}

function parseRoles(value: string): Role[] {
  const roles = value.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new InvalidRequestError(`--role: unknown role ${unknown.join(', ')}; use ${ROLES.join(', ')}`);
  return roles as Role[];
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
