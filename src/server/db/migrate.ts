import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Schema } from './schema.ts';

export interface MigrationReport {
  applied: string[];
}

/**
 * Brings the schema to the latest migration. Kysely's Migrator takes a database lock, runs each
 * pending migration in a transaction and refuses a history that diverges from the code.
 */
export async function migrateToLatest(db: Kysely<Schema>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((result: MigrationResult) => result.status === 'Success').map((result) => result.migrationName);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied };
}
