// `npm run dev`: the API with restart-on-change (tsx watch) on port 3001, and Vite's dev server with
// hot reload on PORT (default 3000), which proxies /api to the API. Open the Vite URL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createServer } from 'vite';
import { PACKAGE_ROOT } from '../src/server/paths.ts';

const apiPort = '3001';
const api = spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/cli/main.ts', 'serve'], {
  cwd: PACKAGE_ROOT,
  env: { ...process.env, PORT: apiPort, KEMBAR_SKIP_WEB_BUILD: '1', NODE_ENV: 'development' },
  stdio: 'inherit',
});

const vite = await createServer({ configFile: path.join(PACKAGE_ROOT, 'vite.config.ts'), server: { port: Number(process.env.PORT ?? 3000) } });
await vite.listen();
vite.printUrls();

const stop = async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
