import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. Paths are absolute so the server can run `build({ configFile: <repo>/vite.config.ts })`
 * from any working directory and still write to `<repo>/dist/web`, which it then serves at `/`.
 */
const fromRepo = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRepo('./src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fromRepo('./dist/web'),
    emptyOutDir: true,
  },
  server: {
    // `npm run dev`-style work: the API runs separately on 3001 while Vite serves the pages.
    proxy: { '/api': 'http://127.0.0.1:3001' },
  },
});
