import { sql, type Kysely } from 'kysely';

/**
 * Programmes (the twinning method on top of an agreement), their work plan of activities with
 * participants, budget lines and evidence, and the results framework (result → indicator → period
 * → update). Allowed values mirror src/common/programme-stages.ts, activity-status.ts,
 * result-update-workflow.ts and common/api/{programmes,results}.ts; keep both in step.
 * Evidence files live in the file store (server/files), never here: a row keeps the sha256.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE programme (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id        uuid NOT NULL UNIQUE REFERENCES agreement (id) ON DELETE CASCADE,
      title               text NOT NULL,
      summary             text,
      stage               text NOT NULL DEFAULT 'identification' CHECK (stage IN (
                            'identification', 'diagnostic', 'work_plan', 'implementation', 'monitoring_evaluation', 'closure', 'replication')),
      stage_changed_at    timestamptz NOT NULL DEFAULT now(),
      replicated_from_id  uuid REFERENCES programme (id) ON DELETE SET NULL,
      created_by          uuid REFERENCES app_user (id),
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE activity (
      id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id          uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
      type                  text NOT NULL CHECK (type IN ('study_visit', 'training', 'on_the_job_coaching', 'staff_exchange', 'joint_planning',
                              'peer_review', 'technology_demonstration', 'webinar', 'policy_dialogue', 'coordination_meeting')),
      title                 text NOT NULL,
      description           text,
      host_organisation_id  uuid NOT NULL REFERENCES organisation (id),
      planned_start         date NOT NULL,
      planned_end           date,
      actual_start          date,
      actual_end            date,
      location              text,
      status                text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled')),
      outputs               text,
      lessons               text,
      created_by            uuid REFERENCES app_user (id),
      created_at            timestamptz NOT NULL DEFAULT now(),
      updated_at            timestamptz NOT NULL DEFAULT now(),
      CHECK (planned_end IS NULL OR planned_end >= planned_start),
      CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start))
    )`.execute(db);
  await sql`CREATE INDEX activity_programme_idx ON activity (programme_id, planned_start)`.execute(db);

  // Participants by organisation and sex (counts, as attendance lists report them).
  await sql`
    CREATE TABLE activity_participant (
      id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      activity_id      uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
      organisation_id  uuid NOT NULL REFERENCES organisation (id),
      female           integer NOT NULL CHECK (female >= 0),
      male             integer NOT NULL CHECK (male >= 0),
      UNIQUE (activity_id, organisation_id)
    )`.execute(db);

  // Budget lines in whole rupiah: the APBD of a party (named), a sponsor, or another source.
  await sql`
    CREATE TABLE activity_budget_line (
      id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      activity_id      uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
      position         integer NOT NULL,
      source           text NOT NULL CHECK (source IN ('apbd', 'sponsor', 'other')),
      organisation_id  uuid REFERENCES organisation (id),
      planned          bigint NOT NULL CHECK (planned >= 0),
      actual           bigint CHECK (actual >= 0),
      note             text,
      UNIQUE (activity_id, position),
      CHECK (source <> 'apbd' OR organisation_id IS NOT NULL)
    )`.execute(db);

  await sql`
    CREATE TABLE activity_evidence (
      id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      activity_id  uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
      kind         text NOT NULL CHECK (kind IN ('photo', 'attendance_list', 'document', 'link')),
      caption      text NOT NULL,
      url          text,
      sha256       text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes   bigint CHECK (size_bytes > 0),
      media_type   text,
      file_name    text,
      created_by   uuid REFERENCES app_user (id),
      created_at   timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'link') = (url IS NOT NULL)),
      CHECK ((kind = 'link') = (sha256 IS NULL)),
      CHECK ((sha256 IS NULL) = (size_bytes IS NULL AND media_type IS NULL AND file_name IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX activity_evidence_activity_idx ON activity_evidence (activity_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE result (
      id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id  uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
      position      integer NOT NULL,
      type          text NOT NULL CHECK (type IN ('output', 'outcome', 'impact')),
      title         text NOT NULL,
      description   text,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX result_programme_idx ON result (programme_id, position)`.execute(db);

  await sql`
    CREATE TABLE result_indicator (
      id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      result_id                 uuid NOT NULL REFERENCES result (id) ON DELETE CASCADE,
      position                  integer NOT NULL,
      title                     text NOT NULL,
      description               text,
      type                      text NOT NULL CHECK (type IN ('quantitative', 'qualitative')),
      measure                   text NOT NULL CHECK (measure IN ('unit', 'percentage')),
      unit                      text,
      cumulative                boolean NOT NULL DEFAULT false,
      ascending                 boolean NOT NULL DEFAULT true,
      target_kind               text NOT NULL CHECK (target_kind IN ('learning', 'process', 'performance')),
      baseline_year             integer,
      baseline_value            numeric,
      baseline_numerator        numeric CHECK (baseline_numerator >= 0),
      baseline_denominator      numeric CHECK (baseline_denominator >= 0),
      baseline_comment          text,
      catalogue_indicator_code  text COLLATE "C" REFERENCES indicator (code),
      area_code                 varchar(13) COLLATE "C" REFERENCES area (code),
      created_at                timestamptz NOT NULL DEFAULT now(),
      updated_at                timestamptz NOT NULL DEFAULT now(),
      CHECK (type = 'quantitative' OR measure = 'unit'),
      CHECK ((baseline_numerator IS NULL) = (baseline_denominator IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX result_indicator_result_idx ON result_indicator (result_id, position)`.execute(db);

  // The actual columns are derived from approved updates (server/results/period-actual.ts), written in the approving transaction.
  await sql`
    CREATE TABLE result_period (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      indicator_id        uuid NOT NULL REFERENCES result_indicator (id) ON DELETE CASCADE,
      period_start        date NOT NULL,
      period_end          date NOT NULL,
      target_value        numeric,
      target_comment      text,
      locked              boolean NOT NULL DEFAULT false,
      actual_value        numeric,
      actual_numerator    numeric,
      actual_denominator  numeric,
      actual_narrative    text,
      approved_updates    integer NOT NULL DEFAULT 0,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      UNIQUE (indicator_id, period_start),
      CHECK (period_end >= period_start)
    )`.execute(db);

  await sql`
    CREATE TABLE result_update (
      id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      period_id       uuid NOT NULL REFERENCES result_period (id) ON DELETE CASCADE,
      status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
      value           numeric,
      numerator       numeric CHECK (numerator >= 0),
      denominator     numeric CHECK (denominator >= 0),
      narrative       text,
      created_by      uuid REFERENCES app_user (id),
      submitted_by    uuid REFERENCES app_user (id),
      submitted_at    timestamptz,
      reviewed_by     uuid REFERENCES app_user (id),
      reviewed_at     timestamptz,
      review_comment  text,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      CHECK (status = 'draft' OR submitted_by IS NOT NULL),
      CHECK (status NOT IN ('returned', 'approved') OR reviewed_at IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX result_update_period_idx ON result_update (period_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE result_update_evidence (
      update_id    uuid NOT NULL REFERENCES result_update (id) ON DELETE CASCADE,
      evidence_id  uuid NOT NULL REFERENCES activity_evidence (id) ON DELETE CASCADE,
      PRIMARY KEY (update_id, evidence_id)
    )`.execute(db);

  for (const table of ['programme', 'activity', 'activity_participant', 'activity_budget_line', 'activity_evidence', 'result', 'result_indicator', 'result_period', 'result_update']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_audit`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION audit_row()`.execute(db);
  }
  await sql`CREATE TRIGGER result_update_evidence_audit AFTER INSERT OR UPDATE OR DELETE ON result_update_evidence FOR EACH ROW EXECUTE FUNCTION audit_row('key=update_id,evidence_id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['result_update_evidence', 'result_update', 'result_period', 'result_indicator', 'result', 'activity_evidence', 'activity_budget_line', 'activity_participant', 'activity', 'programme']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
