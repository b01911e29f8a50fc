import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where package.json is), wherever the process was started from. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build` writes the web app, and where the server serves it from. */
export const WEB_BUILD_DIR = path.join(PACKAGE_ROOT, 'dist', 'web');

export const PACKAGE_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
