import { sql, type Kysely } from 'kysely';

/**
 * Own cells (an indicator's value for an area at its collection level: a village for village
 * indicators) are no longer stored in indicator_value: readers compute them from the observations
 * (ADR 0005). Removes the ones earlier versions stored, and any cell below an indicator's
 * collection level; the rollups above them stay as they are. Every read of stored cells now names
 * the province (the primary key's first column), so the second index goes: it doubled the cost of
 * each cell written and of a rebuild's index build.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM indicator_value v USING indicator i
    WHERE i.code = v.indicator_code
      AND (CASE WHEN v.area_code = 'ID' THEN 0 ELSE length(v.area_code) - length(replace(v.area_code, '.', '')) + 1 END)
          >= (CASE i.collection_level WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'regency' THEN 2 WHEN 'district' THEN 3 ELSE 4 END)`.execute(db);
  await sql`DROP INDEX indicator_value_lookup_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The own cells are not put back: `kembar values rebuild` of the earlier version stores them again.
  await sql`CREATE INDEX indicator_value_lookup_idx ON indicator_value (indicator_code, period, area_code)`.execute(db);
}
