import { isDescendantOf } from '../../common/area-code.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import { listExampleRegions, upsertExampleRegion } from './example-regions.repo.ts';

/** The nation's pseudo area code in values (as in indicator_value). */
const NATION = 'ID';

/**
 * Which regions hold example (demo) data, so that every figure including it is marked as example:
 * the region itself, everything under it, and everything above it (its province's and the
 * nation's figures mix it in).
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

  /** A predicate over area codes ('ID' for the nation), read once per request. */
  async marker(): Promise<(areaCode: string) => boolean> {
    const regions = (await this.list()).map((region) => region.areaCode);
    if (regions.length === 0) return () => false;
    return (areaCode) =>
      areaCode === NATION || regions.some((region) => areaCode === region || isDescendantOf(areaCode, region) || isDescendantOf(region, areaCode));
  }
}
