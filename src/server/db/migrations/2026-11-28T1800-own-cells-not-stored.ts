import { sql, type Kysely } from 'kysely';

/**
 * Own cells (an indicator's value for an area at its collection level: a village for village
 * indicators) are no longer stored in indicator_value: readers compute them from the observations
 * (ADR 0005). Removes the ones earlier versions stored, and any cell below an indicator's
 * collection level; the rollups above them stay as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM indicator_value v USING indicator i
    WHERE i.code = v.indicator_code
      AND (CASE WHEN v.area_code = 'ID' THEN 0 ELSE length(v.area_code) - length(replace(v.area_code, '.', '')) + 1 END)
          >= (CASE i.collection_level WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'regency' THEN 2 WHEN 'district' THEN 3 ELSE 4 END)`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: `kembar values rebuild` of the earlier version stores own cells again.
}
