import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: `npx vitest run --config e2e/vitest.e2e.config.ts`. Each file starts the real
 * app (or uses E2E_BASE_URL) and drives Debian's Chromium, so files run one at a time.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    // The first start of a fresh data folder loads all 91,599 areas before /api/health answers.
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
