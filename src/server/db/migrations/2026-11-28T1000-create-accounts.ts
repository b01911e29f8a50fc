import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Organisations: pemda are generated from the areas (code = area code); the rest are coded by slug.
  await sql`
    CREATE TABLE organisation (
      id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code        text COLLATE "C" NOT NULL UNIQUE,
      name        text NOT NULL,
      kind        text NOT NULL CHECK (kind IN ('pemda', 'opd', 'operator', 'association', 'ministry', 'development_partner', 'other')),
      area_code   varchar(13) COLLATE "C" REFERENCES area (code),
      parent_id   uuid REFERENCES organisation (id),
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'pemda' OR (area_code IS NOT NULL AND parent_id IS NULL)),
      CHECK (kind <> 'opd' OR parent_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX organisation_area_code_idx ON organisation (area_code)`.execute(db);

  await sql`
    CREATE TABLE app_user (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email               text NOT NULL,
      name                text NOT NULL,
      organisation_id     uuid NOT NULL REFERENCES organisation (id),
      roles               text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'coordinator', 'data_officer', 'facilitator', 'observer']::text[]),
      password_hash       text,
      password_changed_at timestamptz,
      totp_secret         text,
      totp_enabled_at     timestamptz,
      totp_last_step      bigint,
      disabled_at         timestamptz,
      is_demo             boolean NOT NULL DEFAULT false,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email))`.execute(db);

  // Session ids and tokens are stored as SHA-256 hashes: a copy of the database grants no access.
  await sql`
    CREATE TABLE session (
      id_hash      text PRIMARY KEY,
      user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      csrf_secret  text NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at   timestamptz NOT NULL,
      ip           text,
      user_agent   text
    )`.execute(db);
  await sql`CREATE INDEX session_user_id_idx ON session (user_id)`.execute(db);

  await sql`
    CREATE TABLE api_token (
      id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      name         text NOT NULL,
      token_hash   text NOT NULL UNIQUE,
      prefix       text NOT NULL,
      scope        text NOT NULL CHECK (scope IN ('read', 'read_write')),
      created_at   timestamptz NOT NULL DEFAULT now(),
      expires_at   timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at   timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE one_time_link (
      token_hash  text PRIMARY KEY,
      purpose     text NOT NULL CHECK (purpose IN ('invite', 'reset_password', 'setup')),
      user_id     uuid REFERENCES app_user (id) ON DELETE CASCADE,
      created_by  uuid REFERENCES app_user (id) ON DELETE SET NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      expires_at  timestamptz NOT NULL,
      used_at     timestamptz,
      CHECK ((purpose = 'setup') = (user_id IS NULL))
    )`.execute(db);

  await sql`
    CREATE TABLE sign_in_attempt (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email      text NOT NULL,
      at         timestamptz NOT NULL DEFAULT now(),
      succeeded  boolean NOT NULL,
      ip         text
    )`.execute(db);
  await sql`CREATE INDEX sign_in_attempt_email_at_idx ON sign_in_attempt (email, at)`.execute(db);

  await createAudit(db);
}

/**
 * The audit trail is written by triggers, in the same transaction as the change, so no write path
 * can forget it. Who and which request come from transaction-local settings (`kembar.actor`,
 * `kembar.request_id`) that the services set (see audit/actor-transaction.ts); a write without
 * them is refused. Secret columns are left out of the recorded rows. Audit rows cannot be changed.
 */
async function createAudit(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_log (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at            timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid,
      actor_label   text NOT NULL,
      request_id    text,
      entity        text NOT NULL,
      entity_id     text NOT NULL,
      action        text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
      before        jsonb,
      after         jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id)`.execute(db);

  await sql`
    CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      actor text := current_setting('kembar.actor', true);
      old_row jsonb;
      new_row jsonb;
      arg text;
      key_columns text[];
      record_id text;
    BEGIN
      IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
      IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
      -- Arguments name columns to leave out, or (as 'key=a,b,c') the natural key of a table without an id.
      FOREACH arg IN ARRAY coalesce(TG_ARGV, '{}'::text[]) LOOP
        IF arg LIKE 'key=%' THEN
          key_columns := string_to_array(substr(arg, 5), ',');
        ELSE
          old_row := old_row - arg;
          new_row := new_row - arg;
        END IF;
      END LOOP;
      -- An update of left-out columns only (a token's last use) is bookkeeping, not a change.
      IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
      END IF;
      IF actor IS NULL OR actor = '' THEN
        RAISE EXCEPTION 'audit: no actor set for a change to %', TG_TABLE_NAME USING ERRCODE = 'KB001';
      END IF;
      IF key_columns IS NULL THEN
        record_id := coalesce(new_row ->> 'id', old_row ->> 'id');
      ELSE
        SELECT string_agg(coalesce(new_row, old_row) ->> column_name, '|' ORDER BY position)
          INTO record_id FROM unnest(key_columns) WITH ORDINALITY AS k(column_name, position);
      END IF;
      INSERT INTO audit_log (actor_user_id, actor_label, request_id, entity, entity_id, action, before, after)
      VALUES (
        CASE WHEN actor ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN actor::uuid END,
        actor,
        nullif(current_setting('kembar.request_id', true), ''),
        TG_TABLE_NAME,
        record_id,
        lower(TG_OP),
        old_row,
        new_row
      );
      RETURN NULL;
    END
    $$`.execute(db);

  await sql`
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'KB002';
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);

  await sql`CREATE TRIGGER organisation_audit AFTER INSERT OR UPDATE OR DELETE ON organisation FOR EACH ROW EXECUTE FUNCTION audit_row()`.execute(db);
  await sql`CREATE TRIGGER app_user_audit AFTER INSERT OR UPDATE OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION audit_row('password_hash', 'totp_secret', 'totp_last_step')`.execute(db);
  await sql`CREATE TRIGGER api_token_audit AFTER INSERT OR UPDATE OR DELETE ON api_token FOR EACH ROW EXECUTE FUNCTION audit_row('token_hash', 'last_used_at')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'sign_in_attempt', 'one_time_link', 'api_token', 'session', 'app_user', 'organisation']) {
    await sql`DROP TABLE ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION audit_row()`.execute(db);
  await sql`DROP FUNCTION audit_log_is_append_only()`.execute(db);
}
