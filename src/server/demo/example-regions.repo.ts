import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

export function listExampleRegions(db: Kysely<Schema>): Promise<Array<{ areaCode: string; description: string; loadedAt: Date }>> {
  return db.selectFrom('example_region').select(['area_code as areaCode', 'description', 'loaded_at as loadedAt']).orderBy('area_code').execute();
}

export async function upsertExampleRegion(db: Kysely<Schema>, areaCode: string, description: string): Promise<void> {
  await db
    .insertInto('example_region')
    .values({ area_code: areaCode, description })
    .onConflict((conflict) => conflict.column('area_code').doUpdateSet({ description, loaded_at: new Date() }))
    .execute();
}
