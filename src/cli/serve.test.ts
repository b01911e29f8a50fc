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

  it('stops at start with every invalid setting listed', async () => {
    const child = track(startChild(['bin/kembar.js', 'serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud' }));
    expect(await child.exited).toBe(1);
    expect(child.output()).toMatch(/PORT:/);
    expect(child.output()).toMatch(/DATABASE_URL: must start with postgres/);
    expect(child.output()).toMatch(/LOG_LEVEL:/);
  });
});
