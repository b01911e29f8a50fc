import fs from 'node:fs';
import path from 'node:path';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** What this module uses of Emscripten's NODEFS and FS, which PGlite's types leave out. */
interface NodeFsInternals {
  stream_ops: { fsync?: (stream: HostStream) => number };
  realPath(node: unknown): string;
  /** Node's error code (EINVAL, …) as Emscripten's errno; undefined for codes it does not know. */
  convertNodeCode(error: { code?: string }): number | undefined;
}
interface HostStream {
  /** The host file descriptor NODEFS opened for this stream (files and directories). */
  nfd?: number;
  node: unknown;
}
type ErrnoErrorClass = new (errno: number) => Error;

/** Emscripten's errno for EIO, for host errors without a code it knows. */
const EIO = 29;

/**
 * PGlite's NodeFS, with fsync reaching the disk: the embedded database's commits are durable.
 *
 * Why: as shipped (0.5.x), PGlite starts PostgreSQL with fsync=off (`-F`), and its Node filesystem
 * has no fsync at all (Emscripten's fd_sync finds no handler, fdatasync is a no-op), so a commit
 * was acknowledged once its WAL reached the OS page cache. A power cut or an OS crash could then
 * lose saved data, or corrupt the folder: PostgreSQL's recovery assumes that what it fsynced is on
 * disk. District offices lose power. See https://github.com/electric-sql/pglite/issues/1107.
 *
 * What: every fsync() PostgreSQL issues (WAL at commit, data files at checkpoint, directories)
 * calls the host's fsync on the same file. connect.ts starts PostgreSQL with fsync on and
 * `wal_sync_method=fsync`, because fdatasync, the Linux default, never reaches this handler.
 */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(...args);
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        // After NodeFS's own step, which mounts the folder: before PostgreSQL starts.
        preRun: [
          ...(emscriptenOpts.preRun ?? []),
          (mod) => installHostFsync(mod.NODEFS as unknown as NodeFsInternals, (mod.FS as unknown as { ErrnoError: ErrnoErrorClass }).ErrnoError),
        ],
      },
    };
  }
}

function installHostFsync(nodefs: NodeFsInternals, ErrnoError: ErrnoErrorClass): void {
  nodefs.stream_ops.fsync = (stream) => {
    try {
      if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
      else fsyncPath(nodefs.realPath(stream.node));
      return 0;
    } catch (error) {
      // The host's own errno: PostgreSQL PANICs on a failed fsync, as natively, but ignores the
      // EINVAL or EBADF some filesystems answer a directory fsync with.
      throw new ErrnoError(nodefs.convertNodeCode(error as { code?: string }) ?? EIO);
    }
  };
}

/**
 * fsyncs every file and directory under `root`, children before their directory. For a data
 * folder PGlite has just created: it writes initdb's files with plain writes and never syncs them,
 * and PostgreSQL's later checkpoints sync only what they dirty, so without this a power cut after
 * the first start could leave catalog files that no WAL can rebuild (a native initdb syncs the
 * whole folder before it ends).
 */
export function fsyncTree(root: string): void {
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const entryPath = path.join(root, entry.name);
    if (entry.isDirectory()) fsyncTree(entryPath);
    else if (entry.isFile()) fsyncPath(entryPath);
  }
  fsyncPath(root);
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
