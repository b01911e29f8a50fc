import { ensureReferenceData, openDatabase } from '../server/bootstrap.ts';
import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/connect.ts';
import { createServices, type Services } from '../server/services.ts';

/**
 * Opens the database (migrated, with the reference data in place) and wires the services, for a
 * command to use and close. The CLI goes through the same services as the HTTP API.
 */
export async function withServices<T>(config: Config, work: (services: Services, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, () => undefined);
  try {
    await ensureReferenceData(database, () => undefined);
    return await work(createServices(database, config.publicUrl, { dir: config.filesDir, maxBytes: config.uploadMaxBytes }), database);
  } finally {
    await database.close();
  }
}
