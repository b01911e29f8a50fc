import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh data folder's first start loads all 91,599 areas before it answers. */
const STARTUP_TIMEOUT_MS = 120_000;

export interface RunningApp {
  baseUrl: string;
  /** The server's JSON log, when this run started the server (not with E2E_BASE_URL). */
  log: ServerLog | null;
  stop(): Promise<void>;
}

/** One line of the server's JSON log (pino): `msg` plus whatever fields the line carries. */
export type LogEntry = Record<string, unknown>;

export interface ServerLog {
  /** The first entry `match` accepts, waiting for it to be written if need be. */
  waitFor(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
}

/**
 * The app under test: `E2E_BASE_URL` when set (an app someone already runs), otherwise
 * `node bin/kembar.js serve` on a free port with a fresh data folder, removed again by `stop()`.
 */
export async function startApp(): Promise<RunningApp> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), log: null, stop: async () => {} };

  // E2E_PORT pins the port (helpers sharing a machine each keep to their own range); otherwise any free one.
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'kembar-e2e-'));
  const child = spawn(process.execPath, ['bin/kembar.js', 'serve'], {
    cwd: REPO_ROOT,
    // No example data unless a journey asks for it (KEMBAR_DEMO=1): journeys check figures they write themselves.
    // NODE_ENV=production: under vitest it is 'test', with which Vite would build (and leave in dist/web) React's development bundle.
    env: { KEMBAR_DEMO: '0', ...process.env, NODE_ENV: 'production', PORT: String(port), KEMBAR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const log = captureLog(child);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    await terminate(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- server output ---\n${output()}`, { cause: error });
  }
  return { baseUrl, log, stop };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Keeps the last few kilobytes of the server's output, to explain a failed start. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

/** Keeps every JSON line the server writes to stdout (the setup link is one), parsed. */
function captureLog(child: ChildProcess): ServerLog {
  const entries: LogEntry[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry: unknown = JSON.parse(line);
        if (entry && typeof entry === 'object' && !Array.isArray(entry)) entries.push(entry as LogEntry);
      } catch {
        // Not a log line (a build message, a stack trace): the failure output still shows it.
      }
    }
  });

  return {
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = entries.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching line in the server log within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`kembar serve exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`GET ${baseUrl}/api/health did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM first so the server releases its data-folder lock cleanly; SIGKILL if it hangs. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
