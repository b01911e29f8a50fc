// Preloaded (node --import) into a `kembar serve` child by serve.test.ts: once the file named by
// KEMBAR_TEST_DISK_FAILS exists, every fsync fails with EIO, as a failing disk's would.
import fs from 'node:fs';

const marker = process.env.KEMBAR_TEST_DISK_FAILS;
const fsyncSync = fs.fsyncSync;
fs.fsyncSync = (fd: number) => {
  if (marker && fs.existsSync(marker)) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
  fsyncSync(fd);
};
