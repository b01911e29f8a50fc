import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, prepareDataDir, startChild, startKembar, waitFor, waitForHealth, type Child } from '../../test/support/processes.ts';
import { TEST_TMP } from '../../test/support/template.ts';

describe('kembar serve on an embedded data folder', () => {
  const dataDir = path.join(TEST_TMP, `serve-${process.pid}`);
  const children: Child[] = [];
  const track = (child: Child) => (children.push(child), child);

  beforeAll(() => prepareDataDir(dataDir));
  afterAll(() => {
    for (const child of children) child.process.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server on the same folder, saying which process holds it', async () => {
    const port = await freePort();
    const first = track(startKembar(dataDir, port));
    await waitForHealth(port, first);

    const second = track(startKembar(dataDir, await freePort()));
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`in use by process ${first.process.pid}`);
    expect(second.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    // The first server is unharmed.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).ok).toBe(true);

    first.process.kill('SIGKILL');
    await first.exited;
  });

  it('starts again after SIGKILL and keeps every acknowledged write', async () => {
    // A process commits a change through the database layer and is killed right after.
    const writer = track(startChild(['--import', 'tsx', 'test/support/commit-then-wait.ts', dataDir, 'Maluk (uji ketahanan)'], {}));
    await waitFor(() => writer.output().includes('committed') || writer.process.exitCode !== null, 'the writer to commit');
    expect(writer.output()).toContain('committed');
    writer.process.kill('SIGKILL');
    await writer.exited;

    const port = await freePort();
    const server = track(startKembar(dataDir, port));
    await waitForHealth(port, server);
    const response = await fetch(`http://127.0.0.1:${port}/api/areas/52.07.08`);
    expect(((await response.json()) as { name: string }).name).toBe('Maluk (uji ketahanan)');
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'kembar.lock'))).toBe(false);
  });

  it('exits when the disk refuses a commit, and a restart recovers the folder', async () => {
    const folder = `${dataDir}-failing-disk`;
    const marker = path.join(TEST_TMP, `disk-fails-${process.pid}`);
    await prepareDataDir(folder);
    try {
      const port = await freePort();
      const env = { PORT: String(port), KEMBAR_DATA_DIR: folder, KEMBAR_SKIP_WEB_BUILD: '1', KEMBAR_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', KEMBAR_TEST_DISK_FAILS: marker };
      const server = track(startChild(['--import', 'tsx', '--import', './test/support/failing-disk.ts', 'bin/kembar.js', 'serve'], env));
      await waitForHealth(port, server);
      fs.writeFileSync(marker, '');
      // A failed sign-in is recorded: a commit, which the disk now refuses.
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password' }) });
      expect(response.ok).toBe(false);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('the embedded database stopped');
      expect(server.output()).toContain('could not fsync');

      fs.rmSync(marker);
      const restarted = track(startKembar(folder, port));
      await waitForHealth(port, restarted);
      expect((await fetch(`http://127.0.0.1:${port}/api/areas/52.07`)).ok).toBe(true);
      restarted.process.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    } finally {
      fs.rmSync(marker, { force: true });
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops at start with every invalid setting listed', async () => {
    const child = track(startChild(['bin/kembar.js', 'serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud' }));
    expect(await child.exited).toBe(1);
    expect(child.output()).toMatch(/PORT:/);
    expect(child.output()).toMatch(/DATABASE_URL: must start with postgres/);
    expect(child.output()).toMatch(/LOG_LEVEL:/);
  });
});
