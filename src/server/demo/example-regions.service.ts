import type { Kysely } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import { listExampleRegions, upsertExampleRegion } from './example-regions.repo.ts';

/**
 * Which regions example (demo) data was loaded for: a record of what `kembar demo data` did. Whether
 * a FIGURE is example follows the data itself (indicator_value.example_reporting), never this list:
 * a real figure for a demo region is not example.
 */
export class ExampleRegionsService {
  constructor(private readonly database: Database) {}

  async list(): Promise<Array<{ areaCode: string; description: string; loadedAt: Date }>> {
    return listExampleRegions(this.database.db);
  }

  /** Records that a region holds example data, in the caller's (audited) transaction. */
  mark(trx: Kysely<Schema>, areaCode: string, description: string): Promise<void> {
    return upsertExampleRegion(trx, areaCode, description);
  }
}
