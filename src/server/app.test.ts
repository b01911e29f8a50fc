import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../common/api/errors.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { testEngines } from '../../test/support/test-database.ts';
import { PACKAGE_VERSION } from './paths.ts';

describe.each(testEngines())('HTTP app on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
  });
  afterAll(() => context.dispose());

  it('reports health with the database engine and version', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: engine, version: PACKAGE_VERSION });
  });

  it('publishes an OpenAPI document describing every route, and the browsable docs', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.keys(document.paths);
    const declared = context.app.declaredRoutes.map((route) => route.url.replace(/:(\w+)/g, '{$1}'));
    expect(declared).toContain('/api/areas/{code}');
    expect(new Set(documented)).toEqual(new Set(declared));
    const docs = await context.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('echoes a request id on every response, keeping a sane one from the caller', async () => {
    const generated = await context.app.inject({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await context.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('trace-1234abcd');
    const replaced = await context.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id\u0007' } });
    expect(replaced.headers['x-request-id']).not.toBe('bad id\u0007');
  });

  it('answers unknown API routes with a JSON 404 in the error shape', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().error).toEqual({ code: 'not_found', message: 'No route for GET /api/nothing-here' });
  });

  it('sends security headers, without forcing https on plain-http addresses', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('refuses a body over the size limit with 413 in the error shape', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error.code).toBe('payload_too_large');
  });
});
