import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { Engine } from '../../src/server/db/connect.ts';
import { PACKAGE_VERSION } from '../../src/server/paths.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
}

/** The HTTP app over a fresh test database, called in process with `app.inject()` (no port). */
export async function createTestApp(engine: Engine, options: Partial<AppOptions> = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase(engine);
  const app = await buildApp({ database: testDatabase.database, version: PACKAGE_VERSION, ...options });
  return {
    ...testDatabase,
    app,
    dispose: async () => {
      await app.close();
      await testDatabase.dispose();
    },
  };
}
