import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureReferenceData } from '../../src/server/bootstrap.ts';
import { connect } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { PACKAGE_ROOT } from '../../src/server/paths.ts';

/** Scratch space for test runs (gitignored). */
export const TEST_TMP = path.join(PACKAGE_ROOT, '.tmp', 'test');

/**
 * Builds the PGlite template once per test run: migrated, with all 91,599 areas, dumped to a
 * tarball. Every test file then starts its own database from it in a fraction of a second.
 */
export async function buildPGliteTemplate(file: string): Promise<void> {
  const database = await connect({ engine: 'pglite', memory: true });
  try {
    await migrateToLatest(database.db);
    await ensureReferenceData(database, () => undefined);
    const dump = await database.dump();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** The same template on a PostgreSQL server, as a database other databases are created from. */
export async function buildPostgresTemplate(serverUrl: string, templateName: string): Promise<void> {
  await dropDatabase(serverUrl, templateName);
  await adminQuery(serverUrl, `CREATE DATABASE ${templateName}`);
  const database = await connect({ engine: 'postgres', url: withDatabase(serverUrl, templateName) });
  try {
    await migrateToLatest(database.db);
    await ensureReferenceData(database, () => undefined);
  } finally {
    await database.close();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
