import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PACKAGE_ROOT, WEB_BUILD_DIR } from './paths.ts';

/** Everything the web build is made from; a change to any of it makes the build stale. */
const INPUTS = ['src/web', 'src/common', 'vite.config.ts', 'package-lock.json'];
const STAMP_FILE = '.build-inputs';
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt|map)$/;

export interface WebBuildResult {
  built: boolean;
  durationMs: number;
}

/**
 * Builds the web app when dist/web is missing or older than its sources (compared by a hash of
 * the source files, not by timestamps, which a fresh clone resets). Build output is never committed.
 */
export async function ensureWebBuild(onProgress: (message: string) => void = () => undefined): Promise<WebBuildResult> {
  const started = performance.now();
  const inputsHash = hashInputs();
  const stampPath = path.join(WEB_BUILD_DIR, STAMP_FILE);
  const current = fs.existsSync(stampPath) ? fs.readFileSync(stampPath, 'utf8') : null;
  if (current === inputsHash && fs.existsSync(path.join(WEB_BUILD_DIR, 'index.html'))) {
    return { built: false, durationMs: Math.round(performance.now() - started) };
  }
  onProgress(current ? 'web app sources changed: rebuilding' : 'web app not built yet: building');
  await buildWebApp();
  fs.writeFileSync(stampPath, inputsHash);
  return { built: true, durationMs: Math.round(performance.now() - started) };
}

/** Runs the Vite production build, then writes .br and .gz copies for the static server. */
export async function buildWebApp(): Promise<void> {
  // Loaded lazily: serving an existing build must not pay for loading the bundler.
  const { build } = await import('vite');
  await build({ configFile: path.join(PACKAGE_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  await precompress(WEB_BUILD_DIR);
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function precompress(dir: string): Promise<void> {
  for (const file of listFiles(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const content = fs.readFileSync(file);
    if (content.length < 1024) continue;
    fs.writeFileSync(`${file}.br`, await brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, await gzip(content, { level: 9 }));
  }
}

function hashInputs(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const absolute = path.join(PACKAGE_ROOT, input);
    if (!fs.existsSync(absolute)) continue;
    const files = fs.statSync(absolute).isDirectory() ? listFiles(absolute) : [absolute];
    for (const file of files.filter((name) => !/\.test\.tsx?$/.test(name)).sort()) {
      hash.update(path.relative(PACKAGE_ROOT, file));
      hash.update(fs.readFileSync(file));
    }
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
