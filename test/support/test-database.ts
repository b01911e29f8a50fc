import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { connect, type Database, type Engine } from '../../src/server/db/connect.ts';
import { adminQuery, dropDatabase, withDatabase } from './template.ts';

export interface TestDatabase {
  database: Database;
  /** Closes the connection and removes the database. */
  dispose(): Promise<void>;
}

/**
 * The engines integration suites run on: always PGlite, plus PostgreSQL when TEST_DATABASE_URL
 * is set (CI sets it). Use with `describe.each(testEngines())`.
 */
export function testEngines(): Engine[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh database of its own, migrated and holding every area, cloned from the run's template. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const template = fs.readFileSync(inject('pgliteTemplate'));
    const database = await connect({ engine: 'pglite', memory: true, loadDataDir: new Blob([template]) });
    return { database, dispose: () => database.close() };
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is not set: no PostgreSQL server to test against');
  const name = `kembar_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  const database = await connect({ engine: 'postgres', url: withDatabase(template.serverUrl, name) });
  return {
    database,
    dispose: async () => {
      await database.close();
      await dropDatabase(template.serverUrl, name);
    },
  };
}
