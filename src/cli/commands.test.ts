import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDataDir, startChild } from '../../test/support/processes.ts';
import { TEST_TMP } from '../../test/support/template.ts';
import { migrations } from '../server/db/migrations/index.ts';

/** Runs `kembar …` to completion on a data folder. */
async function kembar(args: string[], dataDir: string, stdin?: string): Promise<{ code: number | null; output: string }> {
  const child = startChild(['bin/kembar.js', ...args], { KEMBAR_DATA_DIR: dataDir, DATABASE_URL: '' }, stdin);
  const code = await child.exited;
  return { code, output: child.output() };
}

describe('kembar commands', () => {
  const dirs: string[] = [];
  const dataDir = (name: string) => {
    const dir = path.join(TEST_TMP, `cli-${name}-${process.pid}`);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists serve, migrate and areas import in --help', async () => {
    const { code, output } = await kembar(['--help'], dataDir('help'));
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'areas', 'users', 'demo', 'values']) expect(output).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('migrates a fresh folder once, then reports it up to date', async () => {
    const dir = dataDir('migrate');
    const first = await kembar(['migrate'], dir);
    expect(first.code).toBe(0);
    expect(first.output).toContain(`Applied ${Object.keys(migrations).length} migration(s)`);
    const second = await kembar(['migrate'], dir);
    expect(second.output).toContain('The database is up to date.');
  });

  it('re-applies the area data and reports no change when it is current', async () => {
    const dir = dataDir('areas');
    await prepareDataDir(dir);
    const { code, output } = await kembar(['areas', 'import'], dir);
    expect(code).toBe(0);
    expect(output).toContain('Applying idn-area-data@4.0.1: 91599 areas');
    expect(output).toContain('0 area(s) were added.');
    expect(output).toContain('0 area(s) were removed.');
  });

  it('creates a user with the password from standard input, and refuses a weak one', async () => {
    const dir = dataDir('users');
    await prepareDataDir(dir);
    const created = await kembar(['users', 'create', 'Kepala.Data@Example.org', '--role', 'data_officer', '--org', '32.75', '--password-stdin'], dir, 'sumur-bor-air-bersih\n');
    expect(created.code).toBe(0);
    expect(created.output).toContain('Created kepala.data@example.org (data_officer) in Pemerintah Kota Bekasi.');
    const weak = await kembar(['users', 'create', 'lemah@example.org', '--role', 'observer', '--password-stdin'], dir, 'password1\n');
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('kembar: password: must be at least 10 characters');
    const link = await kembar(['users', 'reset-link', 'kepala.data@example.org'], dir);
    expect(link.output).toMatch(/http:\/\/localhost:3000\/tautan\/[\w-]{43}/);
  });

  it('loads the example accounts once', async () => {
    const dir = dataDir('demo');
    await prepareDataDir(dir);
    expect((await kembar(['demo', 'load'], dir)).output).toContain('Created 7 example account(s)');
    expect((await kembar(['demo', 'load'], dir)).output).toContain('The example accounts already exist.');
  });

  it('rebuilds the rollups', async () => {
    const dir = dataDir('values');
    await prepareDataDir(dir);
    const { code, output } = await kembar(['values', 'rebuild'], dir);
    expect(code).toBe(0);
    expect(output).toMatch(/^Rebuilt 0 rollup cell\(s\) in \d+ ms; 0 derived village status value\(s\) changed\.$/m);
  });
});
