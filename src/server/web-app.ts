import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { body } from './http-errors.ts';

/**
 * Serves the built web app from `webDir` (dist/web) with a single-page-app fallback: any GET that
 * is not an API call and accepts HTML gets index.html. Hashed assets are cached for a year, so a
 * phone on a slow connection downloads them once; index.html is revalidated on every visit.
 * Pre-compressed .br/.gz files written by the build are served when the browser accepts them.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const hasBuild = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      // Wildcard: files are looked up per request, so a rebuild's new asset names are served at once.
      wildcard: true,
      preCompressed: true,
      // Our setHeaders decides caching; the plugin's own max-age would overwrite it.
      cacheControl: false,
      index: false,
      setHeaders: (response, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.status(404).send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
    if (!hasBuild) {
      // API-only tests pass no webDir; a real server without a build tells the operator what to run.
      return reply.status(503).type('text/plain').send('The Kembar web app has not been built yet: run `npm run build`, then restart.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
