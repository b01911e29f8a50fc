import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they must not depend on today's schema types.
export async function up(db: Kysely<unknown>): Promise<void> {
  // COLLATE "C" makes prefix ranges (`code >= '52.07.' AND code < '52.07/'`) use byte order, whatever
  // the server's locale: under a linguistic collation punctuation can be ignored and ranges break.
  await sql`
    CREATE TABLE area (
      code        varchar(13) COLLATE "C" PRIMARY KEY,
      parent_code varchar(13) COLLATE "C",
      level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
      kind        text NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan')),
      name        text NOT NULL,
      search_name text NOT NULL,
      search_core text NOT NULL,
      retired_at  timestamptz,
      updated_at  timestamptz NOT NULL DEFAULT now(),
      CHECK ((level = 1) = (parent_code IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX area_parent_code_idx ON area (parent_code, code)`.execute(db);
  await sql`CREATE INDEX area_level_idx ON area (level, code)`.execute(db);

  await sql`
    CREATE TABLE area_source (
      id              integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      package_name    text NOT NULL,
      package_version text NOT NULL,
      applied_at      timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE area_source`.execute(db);
  await sql`DROP TABLE area`.execute(db);
}
