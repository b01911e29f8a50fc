import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDataDir, startChild } from '../../test/support/processes.ts';
import { TEST_TMP } from '../../test/support/template.ts';

/** Runs `kembar …` to completion on a data folder. */
async function kembar(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = startChild(['bin/kembar.js', ...args], { KEMBAR_DATA_DIR: dataDir, DATABASE_URL: '' });
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
    for (const command of ['serve', 'migrate', 'areas']) expect(output).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('migrates a fresh folder once, then reports it up to date', async () => {
    const dir = dataDir('migrate');
    const first = await kembar(['migrate'], dir);
    expect(first.code).toBe(0);
    expect(first.output).toContain('Applied 1 migration(s)');
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
});
