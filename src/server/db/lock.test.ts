import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, readLockHolder, type LockMechanism } from './lock.ts';

describe.each<LockMechanism>(['socket', 'file'])('data folder lock (%s)', (mechanism) => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records the holder and refuses a second holder, naming the first', async () => {
    const dir = freshDir();
    const lock = await acquireDataDirLock(dir, mechanism);
    expect(readLockHolder(lock.lockFile)?.pid).toBe(process.pid);
    const second = acquireDataDirLock(dir, mechanism);
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`in use by process ${process.pid}`);
    await lock.release();
  });

  it('can be taken again once released, and removes its lock file', async () => {
    const dir = freshDir();
    const first = await acquireDataDirLock(dir, mechanism);
    await first.release();
    expect(fs.existsSync(first.lockFile)).toBe(false);
    const again = await acquireDataDirLock(dir, mechanism);
    await again.release();
  });

  it('takes over a lock file left by a process that no longer exists', async () => {
    const dir = freshDir();
    const gonePid = 2 ** 22 + 12345; // above Linux's pid_max: no such process
    fs.writeFileSync(path.join(dir, 'kembar.lock'), JSON.stringify({ pid: gonePid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'kembar serve' }));
    const lock = await acquireDataDirLock(dir, mechanism);
    expect(readLockHolder(lock.lockFile)?.pid).toBe(process.pid);
    await lock.release();
  });
});
