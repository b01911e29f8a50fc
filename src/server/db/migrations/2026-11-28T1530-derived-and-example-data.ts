import { sql, type Kysely } from 'kysely';

/**
 * Village statuses derived by rule, example (demo) data, and real published figures:
 * - observations may come from two more source kinds: `derived` (computed by the village status
 *   rules from other observations) and `example` (invented demo data, never real);
 * - `example_region` lists the regions example data was loaded for, so every figure that
 *   includes example data says so;
 * - `published_figure` holds REAL figures as published, each with its citation and URL; they are
 *   shown beside the live values and never roll up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE observation DROP CONSTRAINT observation_source_kind_check`.execute(db);
  await sql`
    ALTER TABLE observation ADD CONSTRAINT observation_source_kind_check
      CHECK (source_kind IN ('routine', 'survey', 'verification', 'import', 'derived', 'example'))`.execute(db);

  await sql`
    CREATE TABLE example_region (
      area_code   varchar(13) COLLATE "C" PRIMARY KEY REFERENCES area (code),
      description text NOT NULL,
      loaded_at   timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE published_figure (
      id             text COLLATE "C" PRIMARY KEY,
      area_code      varchar(13) COLLATE "C" REFERENCES area (code),
      indicator_code text COLLATE "C" REFERENCES indicator (code),
      period         text COLLATE "C",
      kind           text NOT NULL CHECK (kind IN ('figure', 'target')),
      label_id       text NOT NULL,
      label_en       text NOT NULL,
      value          numeric,
      status_value   text,
      unit           text NOT NULL,
      citation       text NOT NULL CHECK (citation <> ''),
      url            text NOT NULL CHECK (url ~ '^https?://'),
      evidence       text[] NOT NULL DEFAULT '{}',
      note           text,
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now(),
      CHECK (value IS NOT NULL OR status_value IS NOT NULL)
    )`.execute(db);
  await sql`COMMENT ON COLUMN published_figure.area_code IS 'NULL for the nation'`.execute(db);
  await sql`CREATE INDEX published_figure_area_idx ON published_figure (area_code)`.execute(db);

  await sql`CREATE TRIGGER example_region_audit AFTER INSERT OR UPDATE OR DELETE ON example_region FOR EACH ROW EXECUTE FUNCTION audit_row('key=area_code')`.execute(db);
  await sql`CREATE TRIGGER published_figure_audit AFTER INSERT OR UPDATE OR DELETE ON published_figure FOR EACH ROW EXECUTE FUNCTION audit_row()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE published_figure`.execute(db);
  await sql`DROP TABLE example_region`.execute(db);
  await sql`DELETE FROM observation WHERE source_kind IN ('derived', 'example')`.execute(db);
  await sql`ALTER TABLE observation DROP CONSTRAINT observation_source_kind_check`.execute(db);
  await sql`ALTER TABLE observation ADD CONSTRAINT observation_source_kind_check CHECK (source_kind IN ('routine', 'survey', 'verification', 'import'))`.execute(db);
}
