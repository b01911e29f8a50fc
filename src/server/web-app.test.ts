import Fastify, { type FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

describe(registerWebApp.name, () => {
  let app: FastifyInstance;
  let webDir: string;
  const script = `console.log(${JSON.stringify('x'.repeat(2000))});`;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Kembar</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'main-abc123.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'main-abc123.js.br'), zlib.brotliCompressSync(script));
    app = Fastify();
    await registerWebApp(app, webDir);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the app shell for any page address, so deep links work', async () => {
    const response = await app.inject({ method: 'GET', url: '/wilayah/52.07', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Kembar</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year and sends the brotli copy to browsers that take it', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.rawPayload.length).toBeLessThan(script.length);
  });

  it('serves assets written after start (a rebuild) without a restart', async () => {
    fs.writeFileSync(path.join(webDir, 'assets', 'late-def456.js'), 'console.log(1)');
    const response = await app.inject({ method: 'GET', url: '/assets/late-def456.js' });
    expect(response.statusCode).toBe(200);
  });

  it('answers a missing API route or asset with the JSON error body, not the app shell', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/missing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/missing' } });
    const asset = await app.inject({ method: 'GET', url: '/assets/gone.js' });
    expect(asset.statusCode).toBe(404);
  });

  it('tells the operator to build when there is no web build', async () => {
    const bare = Fastify();
    await registerWebApp(bare, path.join(webDir, 'nope'));
    const response = await bare.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });
});
