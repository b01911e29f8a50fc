// `npm run build`: builds the web app into dist/web (also done by `npm start` when stale).
import { ensureWebBuild } from '../src/server/web-build.ts';

const result = await ensureWebBuild((message) => console.log(message));
console.log(result.built ? `web app built in ${result.durationMs} ms` : 'web app is up to date');
