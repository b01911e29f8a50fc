import { sql, type Kysely } from 'kysely';

/**
 * Live rollups: the value of every indicator for every area that has data under it (village,
 * kecamatan, kab/kota, province and the nation, coded 'ID'), for every period data rolls into.
 * Derived from observations in the same transaction as each write, never by a nightly batch, so
 * it is not audited itself. Citus-ready like `observation` ('00' is the nation's province code).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator_value (
      province_code  varchar(2) COLLATE "C" NOT NULL,
      indicator_code text COLLATE "C" NOT NULL REFERENCES indicator (code),
      area_code      varchar(13) COLLATE "C" NOT NULL,
      period         text COLLATE "C" NOT NULL,
      value          numeric,
      numerator      numeric,
      denominator    numeric,
      status_counts  jsonb,
      reporting      integer NOT NULL DEFAULT 0,
      origin         text NOT NULL CHECK (origin IN ('observed', 'aggregated')),
      as_of          timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, indicator_code, area_code, period)
    )`.execute(db);
  await sql`CREATE INDEX indicator_value_lookup_idx ON indicator_value (indicator_code, period, area_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE indicator_value`.execute(db);
}
