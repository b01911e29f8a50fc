import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  /*
   * One row per uploaded file: what it was (format, name, sha256, size), how far the background
   * run got (processed of total rows) and how it ended (errors by row and column, summary counts).
   * Audited: who started which import is part of the trail; progress-only updates are not.
   */
  await sql`
    CREATE TABLE import_job (
      id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      format       text NOT NULL CHECK (format IN ('stbm-recap', 'household', 'dhis2-json', 'dhis2-csv', 'template')),
      file_name    text NOT NULL,
      sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size         bigint NOT NULL CHECK (size >= 0),
      dry_run      boolean NOT NULL,
      period       text,
      area_code    varchar(13) COLLATE "C" REFERENCES area (code),
      status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
      processed    integer NOT NULL DEFAULT 0,
      total        integer NOT NULL DEFAULT 0,
      errors       jsonb NOT NULL DEFAULT '[]',
      error_count  integer NOT NULL DEFAULT 0,
      summary      jsonb,
      created_by   uuid REFERENCES app_user (id),
      created_at   timestamptz NOT NULL DEFAULT now(),
      started_at   timestamptz,
      finished_at  timestamptz,
      updated_at   timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX import_job_created_by_idx ON import_job (created_by, created_at DESC)`.execute(db);
  await sql`CREATE TRIGGER import_job_audit AFTER INSERT OR UPDATE OR DELETE ON import_job FOR EACH ROW EXECUTE FUNCTION audit_row('processed', 'total', 'updated_at')`.execute(db);

  /*
   * Household (KK) survey rows, kept so a re-import replaces the same households instead of
   * counting them twice. No personal data: the family-card number is stored only as an HMAC with
   * this installation's secret salt (installation_secret), names are never stored. Citus-ready:
   * the province code leads the primary key. Audited through the import job that wrote them
   * (import_job_id), not per row: a survey file holds up to a million rows. No foreign keys: the
   * import checks every village against the area table before writing, and per-row foreign-key
   * triggers would make bulk loads several times slower.
   */
  await sql`
    CREATE TABLE household_record (
      province_code  varchar(2) COLLATE "C" NOT NULL,
      period         text COLLATE "C" NOT NULL,
      kk_hash        text COLLATE "C" NOT NULL,
      village_code   varchar(13) COLLATE "C" NOT NULL,
      rt             text,
      rw             text,
      members        integer CHECK (members >= 0),
      pillar_1       text CHECK (pillar_1 IN ('JSP', 'JSSP', 'SHARING', 'BABS', 'LAYAK', 'TIDAK_LAYAK')),
      pillar_2       boolean,
      pillar_3       boolean,
      pillar_4       boolean,
      pillar_5       boolean,
      visit_status   text CHECK (visit_status IN ('proses', 'selesai')),
      surveyed_on    date,
      import_job_id  uuid NOT NULL,
      updated_at     timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, period, kk_hash),
      CHECK (province_code = left(village_code, 2))
    )`.execute(db);
  await sql`CREATE INDEX household_record_village_idx ON household_record (village_code, period)`.execute(db);

  // Installation-wide secrets that are not user data (the household hash salt): created on first use, never shown.
  await sql`
    CREATE TABLE installation_secret (
      name        text PRIMARY KEY,
      value       text NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE household_record`.execute(db);
  await sql`DROP TABLE import_job`.execute(db);
  await sql`DROP TABLE installation_secret`.execute(db);
}
