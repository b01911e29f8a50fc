import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_UPLOAD_BYTES, type FileStoreOptions } from './file-store.ts';

/**
 * A fresh folder under the system's temporary directory, for apps built without a configured
 * file store (tests, benchmarks). `kembar serve` always passes KEMBAR_FILES_DIR's folder.
 */
export function temporaryFileStoreOptions(maxBytes = DEFAULT_MAX_UPLOAD_BYTES): FileStoreOptions {
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-files-')), maxBytes };
}
