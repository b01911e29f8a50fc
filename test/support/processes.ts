import { PGlite } from '@electric-sql/pglite';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { inject } from 'vitest';
import { PACKAGE_ROOT } from '../../src/server/paths.ts';

/** A child process with everything it printed so far. */
export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function startChild(args: string[], env: Record<string, string>, stdin?: string): Child {
  const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(stdin ?? '');
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** `kembar serve` on a data folder, without rebuilding the web app. */
export function startKembar(dataDir: string, port: number): Child {
  return startChild(['bin/kembar.js', 'serve'], { PORT: String(port), KEMBAR_DATA_DIR: dataDir, KEMBAR_SKIP_WEB_BUILD: '1', KEMBAR_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' });
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export async function waitForHealth(port: number, child: Child): Promise<void> {
  await waitFor(async () => {
    if (child.process.exitCode !== null) throw new Error(`kembar exited early:\n${child.output()}`);
    return fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
  }, `kembar on port ${port}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A data folder holding the migrated template database with every area (no first-start load). */
export async function prepareDataDir(dataDir: string): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const pglite = await PGlite.create({ dataDir, loadDataDir: template });
  await pglite.close();
}
