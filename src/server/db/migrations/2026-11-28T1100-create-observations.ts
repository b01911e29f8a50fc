import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The indicator catalogue: seeded from research/stbm-indicators.md; admins may add entries.
  await sql`
    CREATE TABLE indicator (
      code              text COLLATE "C" PRIMARY KEY,
      group_code        text NOT NULL,
      name_id           text NOT NULL,
      name_en           text NOT NULL,
      definition        text NOT NULL,
      unit              text NOT NULL,
      measure           text NOT NULL CHECK (measure IN ('ratio', 'value', 'status')),
      numerator         text,
      denominator       text,
      proportion        boolean NOT NULL DEFAULT true,
      status_values     text[],
      area_aggregation  text NOT NULL CHECK (area_aggregation IN ('sum', 'ratio', 'count_status', 'none')),
      time_aggregation  text NOT NULL CHECK (time_aggregation IN ('sum', 'last')),
      direction         text NOT NULL CHECK (direction IN ('ascending', 'descending', 'none')),
      collection_level  text NOT NULL CHECK (collection_level IN ('household', 'village', 'district', 'regency', 'province', 'national')),
      frequency         text NOT NULL,
      source            text NOT NULL,
      national_target   jsonb,
      evidence          text[] NOT NULL DEFAULT '{}',
      builtin           boolean NOT NULL DEFAULT false,
      position          integer NOT NULL DEFAULT 0,
      created_at        timestamptz NOT NULL DEFAULT now(),
      updated_at        timestamptz NOT NULL DEFAULT now(),
      CHECK ((measure = 'ratio') = (numerator IS NOT NULL AND denominator IS NOT NULL)),
      CHECK ((measure = 'status') = (status_values IS NOT NULL))
    )`.execute(db);

  /*
   * One value per (indicator, area, period, source kind): different sources of the same cell sit
   * side by side. Citus-ready: the province code leads the primary key (the distribution column),
   * and the foreign keys point at reference tables (area, indicator, app_user).
   */
  await sql`
    CREATE TABLE observation (
      province_code  varchar(2) COLLATE "C" NOT NULL,
      indicator_code text COLLATE "C" NOT NULL REFERENCES indicator (code),
      area_code      varchar(13) COLLATE "C" NOT NULL REFERENCES area (code),
      period         text COLLATE "C" NOT NULL,
      source_kind    text NOT NULL CHECK (source_kind IN ('routine', 'survey', 'verification', 'import')),
      value          numeric,
      numerator      numeric CHECK (numerator >= 0),
      denominator    numeric CHECK (denominator >= 0),
      status_value   text,
      status         text NOT NULL DEFAULT 'submitted' CHECK (status IN ('draft', 'submitted', 'approved')),
      comment        text,
      created_by     uuid REFERENCES app_user (id),
      updated_by     uuid REFERENCES app_user (id),
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, indicator_code, area_code, period, source_kind),
      CHECK (province_code = left(area_code, 2)),
      CHECK ((value IS NOT NULL)::int + (numerator IS NOT NULL AND denominator IS NOT NULL)::int + (status_value IS NOT NULL)::int = 1)
    )`.execute(db);
  await sql`CREATE INDEX observation_area_period_idx ON observation (area_code, period)`.execute(db);

  await sql`CREATE TRIGGER indicator_audit AFTER INSERT OR UPDATE OR DELETE ON indicator FOR EACH ROW EXECUTE FUNCTION audit_row('key=code')`.execute(db);
  await sql`CREATE TRIGGER observation_audit AFTER INSERT OR UPDATE OR DELETE ON observation FOR EACH ROW EXECUTE FUNCTION audit_row('key=indicator_code,area_code,period,source_kind')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE observation`.execute(db);
  await sql`DROP TABLE indicator`.execute(db);
}
