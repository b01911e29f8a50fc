import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the embedded data folder.
 *
 * PGlite takes no lock of its own: a second process can open the same folder, and its writes are
 * silently lost (measured in research/db-bench.md). So only one process may hold a data folder.
 *
 * The lock itself is a Linux abstract-namespace socket named after the folder's real path. The
 * kernel releases it the instant the holder dies, even on SIGKILL, so a lock can never go stale and
 * there is no stale-lock race to get wrong. Beside it, `kembar.lock` records who holds the lock,
 * only so a refused process can say which process to look at. On systems without abstract
 * sockets (macOS) the lock file alone is the lock, created exclusively, and a lock file whose
 * process is gone is taken over.
 */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname} (${holder.command}, started ${holder.startedAt})`
      : 'another process';
    super(`The data folder ${dataDir} is in use by ${who}. Stop that process first, or set KEMBAR_DATA_DIR to another folder.`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly lockFile: string;
  release(): Promise<void>;
}

const LOCK_FILE = 'kembar.lock';

/** `socket` where the kernel offers abstract sockets (Linux), `file` elsewhere. */
export type LockMechanism = 'socket' | 'file';
const DEFAULT_MECHANISM: LockMechanism = process.platform === 'linux' ? 'socket' : 'file';

export async function acquireDataDirLock(dataDir: string, mechanism: LockMechanism = DEFAULT_MECHANISM): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const realDir = fs.realpathSync(dataDir);
  const lockFile = path.join(realDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).map((part) => path.basename(part)).join(' '),
  };

  if (mechanism === 'socket') {
    const server = await listenAbstract(realDir, lockFile);
    fs.writeFileSync(lockFile, JSON.stringify(holder, null, 2));
    return {
      lockFile,
      release: async () => {
        removeIfOurs(lockFile);
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  takeLockFile(realDir, lockFile, holder);
  return { lockFile, release: async () => removeIfOurs(lockFile) };
}

/** Reads the holder recorded in a data folder's lock file, if any. */
export function readLockHolder(lockFile: string): LockHolder | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    return isLockHolder(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function listenAbstract(realDir: string, lockFile: string): Promise<net.Server> {
  const name = `\0kembar-${createHash('sha256').update(realDir).digest('hex').slice(0, 32)}`;
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new DataDirLockedError(realDir, readLockHolder(lockFile)));
      else reject(error);
    });
    server.listen(name, () => {
      // The lock must not keep an otherwise finished process alive.
      server.unref();
      resolve(server);
    });
  });
}

function takeLockFile(realDir: string, lockFile: string, holder: LockHolder): void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(holder, null, 2), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readLockHolder(lockFile);
      if (current && isAlive(current)) throw new DataDirLockedError(realDir, current);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(realDir, readLockHolder(lockFile));
}

function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true; // cannot check another machine: assume alive
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfOurs(lockFile: string): void {
  if (readLockHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
}

function isLockHolder(value: unknown): value is LockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.pid === 'number' && typeof record.hostname === 'string' && typeof record.startedAt === 'string' && typeof record.command === 'string';
}
