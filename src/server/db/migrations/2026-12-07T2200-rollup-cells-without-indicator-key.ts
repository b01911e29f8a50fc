import { sql, type Kysely } from 'kysely';

/**
 * indicator_value no longer has a foreign key to indicator. Its cells are derived: every one is
 * computed from observations, which keep their own foreign key to indicator, and rebuilt from them
 * on repair. The key only cost: a lookup in indicator for every cell written, about a third of the
 * time a full rebuild spends storing 5 M cells on PGlite (measured 2026-12-07: 10 of 25.5 CPU-s at
 * 8.7 M observations).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator_value DROP CONSTRAINT IF EXISTS indicator_value_indicator_code_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_indicator_code_fkey FOREIGN KEY (indicator_code) REFERENCES indicator (code)`.execute(db);
}
