import { sql, type Kysely } from 'kysely';

/**
 * Agreements (kerja sama daerah): the legal layer of a twinning. One agreement holds its parties
 * and other participants, the people who attended or signed, its scope items (each mapped to an
 * urusan), its documents (KB, PKS, addenda, …) with numbers per party, signatories and file
 * versions, and the record of every lifecycle transition. Files live in the file store (see
 * server/files/file-store.ts), never here: a version row keeps only the sha256 that names the file.
 * Allowed values mirror src/common/agreements/*.ts; keep both in step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreement (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title               text NOT NULL,
      category            text NOT NULL CHECK (category IN ('ksdd_sukarela', 'ksdd_wajib', 'ksdpk', 'ksdpl', 'ksdll', 'sinergi')),
      is_twinning         boolean NOT NULL DEFAULT true,
      objectives          text NOT NULL DEFAULT '',
      status              text NOT NULL DEFAULT 'draft' CHECK (status IN (
                            'draft', 'tkksd_review', 'offer', 'kb_negotiation', 'kb_signed', 'awaiting_dprd', 'pks_negotiation',
                            'pks_signed', 'implementation', 'evaluation', 'amended', 'ended', 'terminated_early', 'rejected',
                            'withdrawn', 'expired')),
      status_changed_at   timestamptz NOT NULL DEFAULT now(),
      visibility          text NOT NULL DEFAULT 'internal' CHECK (visibility IN ('public', 'internal')),
      start_date          date,
      end_date            date,
      renewal_terms       text,
      burdens_public      boolean NOT NULL DEFAULT false,
      unbudgeted          boolean NOT NULL DEFAULT false,
      replicated_from_id  uuid REFERENCES agreement (id) ON DELETE SET NULL,
      note                text,
      sources             text[] NOT NULL DEFAULT '{}',
      created_by          uuid REFERENCES app_user (id),
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
    )`.execute(db);
  await sql`CREATE INDEX agreement_status_idx ON agreement (status)`.execute(db);

  // Roles are separate: a pemda can be PIHAK (legal party, numbered) and MENTOR at once, in two rows.
  await sql`
    CREATE TABLE agreement_participant (
      id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id     uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
      organisation_id  uuid NOT NULL REFERENCES organisation (id),
      role             text NOT NULL CHECK (role IN ('pihak', 'mentor', 'mentee', 'fasilitator', 'saksi', 'sponsor', 'implementing_opd', 'ssp')),
      party_number     integer CHECK (party_number BETWEEN 1 AND 99),
      attendance       text CHECK (attendance IN ('in_person', 'online')),
      note             text,
      sources          text[] NOT NULL DEFAULT '{}',
      created_at       timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agreement_id, organisation_id, role),
      UNIQUE (agreement_id, party_number),
      CHECK ((role = 'pihak') = (party_number IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX agreement_participant_organisation_idx ON agreement_participant (organisation_id)`.execute(db);

  // People attending or signing, by position; a name may be unknown (left empty, never guessed).
  await sql`
    CREATE TABLE agreement_person (
      id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id     uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
      organisation_id  uuid NOT NULL REFERENCES organisation (id),
      name             text,
      position         text NOT NULL,
      attendance       text CHECK (attendance IN ('in_person', 'online')),
      sort_order       integer NOT NULL DEFAULT 0,
      note             text,
      sources          text[] NOT NULL DEFAULT '{}',
      created_at       timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_person_agreement_idx ON agreement_person (agreement_id)`.execute(db);

  await sql`
    CREATE TABLE agreement_scope_item (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id        uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
      sort_order          integer NOT NULL DEFAULT 0,
      label               text NOT NULL,
      description         text,
      urusan_code         text,
      needs_legal_review  boolean NOT NULL DEFAULT false,
      review_note         text,
      created_at          timestamptz NOT NULL DEFAULT now(),
      CHECK (urusan_code IS NOT NULL OR needs_legal_review)
    )`.execute(db);
  await sql`CREATE INDEX agreement_scope_item_agreement_idx ON agreement_scope_item (agreement_id)`.execute(db);

  await sql`
    CREATE TABLE agreement_document (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id        uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
      kind                text NOT NULL CHECK (kind IN ('surat_penawaran', 'kak', 'kajian', 'kb', 'pks', 'addendum', 'nota_kesepakatan',
                            'surat_kuasa', 'persetujuan_dprd', 'berita_acara', 'laporan', 'other')),
      title               text NOT NULL,
      signed_on           date,
      signed_place        text,
      effective_start     date,
      effective_end       date,
      parent_document_id  uuid REFERENCES agreement_document (id) ON DELETE SET NULL,
      clauses             text[] NOT NULL DEFAULT '{}',
      note                text,
      sources             text[] NOT NULL DEFAULT '{}',
      created_by          uuid REFERENCES app_user (id),
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      CHECK (effective_end IS NULL OR effective_start IS NULL OR effective_end >= effective_start)
    )`.execute(db);
  await sql`CREATE INDEX agreement_document_agreement_idx ON agreement_document (agreement_id)`.execute(db);

  // Each party registers the document under its own number.
  await sql`
    CREATE TABLE agreement_document_number (
      document_id      uuid NOT NULL REFERENCES agreement_document (id) ON DELETE CASCADE,
      organisation_id  uuid NOT NULL REFERENCES organisation (id),
      number           text NOT NULL,
      PRIMARY KEY (document_id, organisation_id)
    )`.execute(db);

  await sql`
    CREATE TABLE agreement_document_signatory (
      id                              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id                     uuid NOT NULL REFERENCES agreement_document (id) ON DELETE CASCADE,
      person_id                       uuid NOT NULL REFERENCES agreement_person (id) ON DELETE CASCADE,
      capacity                        text NOT NULL CHECK (capacity IN ('kepala_daerah', 'kuasa', 'pimpinan_mitra')),
      power_of_attorney_document_id   uuid REFERENCES agreement_document (id) ON DELETE SET NULL,
      created_at                      timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, person_id)
    )`.execute(db);

  // File versions: a new upload of the same document adds a version; the bytes live in the file store.
  await sql`
    CREATE TABLE agreement_document_version (
      id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id   uuid NOT NULL REFERENCES agreement_document (id) ON DELETE CASCADE,
      version       integer NOT NULL CHECK (version >= 1),
      sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
      media_type    text NOT NULL,
      file_name     text NOT NULL,
      uploaded_by   uuid REFERENCES app_user (id),
      uploaded_at   timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, version)
    )`.execute(db);

  // The lifecycle record: who (and in which roles) moved the agreement, when, from → to, why.
  await sql`
    CREATE TABLE agreement_transition (
      id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id   uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
      from_status    text,
      to_status      text NOT NULL,
      note           text,
      warnings       text[] NOT NULL DEFAULT '{}',
      actor_user_id  uuid REFERENCES app_user (id),
      actor_label    text NOT NULL,
      actor_roles    text[] NOT NULL DEFAULT '{}',
      at             timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreement_transition_agreement_idx ON agreement_transition (agreement_id, at)`.execute(db);

  for (const table of ['agreement', 'agreement_participant', 'agreement_person', 'agreement_scope_item', 'agreement_document', 'agreement_document_signatory', 'agreement_document_version', 'agreement_transition']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_audit`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION audit_row()`.execute(db);
  }
  await sql`CREATE TRIGGER agreement_document_number_audit AFTER INSERT OR UPDATE OR DELETE ON agreement_document_number FOR EACH ROW EXECUTE FUNCTION audit_row('key=document_id,organisation_id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agreement_transition', 'agreement_document_version', 'agreement_document_signatory', 'agreement_document_number', 'agreement_document', 'agreement_scope_item', 'agreement_person', 'agreement_participant', 'agreement']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
