import type { ColumnType, Generated } from 'kysely';
import type { AreaKind, AreaLevel } from '../../common/area-code.ts';
import type { OrganisationKind, Role, TokenScope } from '../../common/roles.ts';
import type { FREQUENCIES, INDICATOR_GROUPS } from '../../common/api/indicators.ts';
import type * as Agreements from '../../common/agreements/vocabulary.ts';
import type { ActivityStatus } from '../../common/activity-status.ts';
import type { ACTIVITY_TYPES, BUDGET_SOURCES, EVIDENCE_KINDS } from '../../common/api/programmes.ts';
import type { INDICATOR_MEASURES, INDICATOR_TYPES, RESULT_TYPES, TARGET_KINDS } from '../../common/api/results.ts';
import type { ProgrammeStage } from '../../common/programme-stages.ts';
import type { UpdateStatus } from '../../common/result-update-workflow.ts';

/** A timestamp the database fills in by default. */
type CreatedAt = ColumnType<Date, Date | undefined, Date>;
type NullableTime = ColumnType<Date | null, Date | null | undefined, Date | null>;

/**
 * Kysely table types. Columns are snake_case in SQL and here, so raw SQL and typed queries read alike.
 * Every table is declared by a migration in ./migrations; keep both in step.
 */
export interface Schema {
  area: AreaTable;
  area_source: AreaSourceTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  one_time_link: OneTimeLinkTable;
  sign_in_attempt: SignInAttemptTable;
  audit_log: AuditLogTable;
  indicator: IndicatorTable;
  observation: ObservationTable;
  indicator_value: IndicatorValueTable;
  import_job: ImportJobTable;
  household_record: HouseholdRecordTable;
  household_village_tally: HouseholdVillageTallyTable;
  installation_secret: InstallationSecretTable;
  example_region: ExampleRegionTable;
  published_figure: PublishedFigureTable;
  agreement: AgreementTable;
  agreement_participant: AgreementParticipantTable;
  agreement_person: AgreementPersonTable;
  agreement_scope_item: AgreementScopeItemTable;
  agreement_document: AgreementDocumentTable;
  agreement_document_number: AgreementDocumentNumberTable;
  agreement_document_signatory: AgreementDocumentSignatoryTable;
  agreement_document_version: AgreementDocumentVersionTable;
  agreement_transition: AgreementTransitionTable;
  programme: ProgrammeTable;
  activity: ActivityTable;
  activity_participant: ActivityParticipantTable;
  activity_budget_line: ActivityBudgetLineTable;
  activity_evidence: ActivityEvidenceTable;
  result: ResultTable;
  result_indicator: ResultIndicatorTable;
  result_period: ResultPeriodTable;
  result_update: ResultUpdateTable;
  result_update_evidence: ResultUpdateEvidenceTable;
}

/**
 * Every Indonesian administrative area. A Citus reference table in a national deployment
 * (replicated to every node), so large tables keyed by area code can join it locally.
 */
export interface AreaTable {
  code: string;
  parent_code: string | null;
  level: AreaLevel;
  kind: AreaKind;
  name: string;
  /** normalizeSearchText(name) */
  search_name: string;
  /** coreSearchText(name): the name without "Kabupaten", "Kota", … */
  search_core: string;
  /** Set when the area left the official list but data still refers to it. */
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Which release of the area data was last applied (one row). */
export interface AreaSourceTable {
  id: Generated<number>;
  package_name: string;
  package_version: string;
  applied_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OrganisationTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: OrganisationKind;
  /** For a pemda the area it governs; an OPD or regional operator carries its pemda's area. */
  area_code: string | null;
  parent_id: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  organisation_id: string;
  roles: Role[];
  /** argon2id; null until an invitation is accepted. */
  password_hash: string | null;
  password_changed_at: NullableTime;
  totp_secret: string | null;
  totp_enabled_at: NullableTime;
  /** The 30-second step of the last accepted code: a code is never accepted twice. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  disabled_at: NullableTime;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_secret: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scope: TokenScope;
  created_at: CreatedAt;
  expires_at: Date;
  last_used_at: NullableTime;
  revoked_at: NullableTime;
}

export type OneTimeLinkPurpose = 'invite' | 'reset_password' | 'setup';

export interface OneTimeLinkTable {
  token_hash: string;
  purpose: OneTimeLinkPurpose;
  user_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: NullableTime;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  email: string;
  at: CreatedAt;
  succeeded: boolean;
  ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_label: string;
  request_id: string | null;
  entity: string;
  entity_id: string;
  action: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface IndicatorTable {
  code: string;
  group_code: (typeof INDICATOR_GROUPS)[number];
  name_id: string;
  name_en: string;
  definition: string;
  unit: string;
  measure: 'ratio' | 'value' | 'status';
  numerator: string | null;
  denominator: string | null;
  proportion: ColumnType<boolean, boolean | undefined, boolean>;
  status_values: string[] | null;
  area_aggregation: 'sum' | 'ratio' | 'count_status' | 'none';
  time_aggregation: 'sum' | 'last';
  direction: 'ascending' | 'descending' | 'none';
  collection_level: 'household' | 'village' | 'district' | 'regency' | 'province' | 'national';
  frequency: (typeof FREQUENCIES)[number];
  source: string;
  national_target: { value: number; year: number; source: string } | null;
  evidence: string[];
  builtin: ColumnType<boolean, boolean | undefined, boolean>;
  /** Order within the catalogue (totals before their breakdowns), as the research lists them. */
  position: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** See SOURCE_KINDS in common/api/observations.ts: `derived` is computed by rule, `example` is demo data. */
export type SourceKind = 'routine' | 'survey' | 'verification' | 'import' | 'derived' | 'example';
export type ObservationStatus = 'draft' | 'submitted' | 'approved';

/** numeric columns come back as strings (exact decimals); the repo converts them. */
type NumericColumn = ColumnType<string | null, number | null, number | null>;

export interface ObservationTable {
  province_code: string;
  indicator_code: string;
  area_code: string;
  period: string;
  source_kind: SourceKind;
  value: NumericColumn;
  numerator: NumericColumn;
  denominator: NumericColumn;
  status_value: string | null;
  /** A `derived` value computed from example (demo) inputs: example data too. */
  from_example: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<ObservationStatus, ObservationStatus | undefined, ObservationStatus>;
  comment: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface IndicatorValueTable {
  province_code: string;
  indicator_code: string;
  area_code: string;
  period: string;
  value: NumericColumn;
  numerator: NumericColumn;
  denominator: NumericColumn;
  status_counts: Record<string, number> | null;
  reporting: number;
  /** Of the reporting units, how many come from example (demo) observations. */
  example_reporting: ColumnType<number, number | undefined, number>;
  origin: 'observed' | 'aggregated';
  as_of: CreatedAt;
}

/** Regions example (demo) data was loaded for; figures that include them are marked example. */
export interface ExampleRegionTable {
  area_code: string;
  description: string;
  loaded_at: CreatedAt;
}

/** A real figure as published, with its citation; never rolled up (see migrations/2026-11-28T1530-derived-and-example-data.ts). */
export interface PublishedFigureTable {
  id: string;
  /** Null for the nation. */
  area_code: string | null;
  indicator_code: string | null;
  period: string | null;
  kind: 'figure' | 'target';
  label_id: string;
  label_en: string;
  value: NumericColumn;
  status_value: string | null;
  unit: string;
  citation: string;
  url: string;
  evidence: string[];
  note: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/**
 * A calendar date column, written as 'YYYY-MM-DD'. The drivers would parse it into a Date at local
 * midnight (a time-zone trap), so repos select it as text (`column::text`); the type says so.
 */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** Agreements (kerja sama daerah); see migrations/2026-11-28T1400-create-agreements.ts. */
export interface AgreementTable {
  id: Generated<string>;
  title: string;
  category: Agreements.AgreementCategory;
  is_twinning: ColumnType<boolean, boolean | undefined, boolean>;
  /** Maksud dan tujuan. */
  objectives: ColumnType<string, string | undefined, string>;
  status: ColumnType<Agreements.AgreementStatus, Agreements.AgreementStatus | undefined, Agreements.AgreementStatus>;
  status_changed_at: CreatedAt;
  visibility: ColumnType<Agreements.Visibility, Agreements.Visibility | undefined, Agreements.Visibility>;
  start_date: DateColumn;
  end_date: DateColumn;
  renewal_terms: string | null;
  /** DPRD approval trigger (PP 28/2018): the plan burdens the public and the region … */
  burdens_public: ColumnType<boolean, boolean | undefined, boolean>;
  /** … and/or its funding is not in the current APBD. */
  unbudgeted: ColumnType<boolean, boolean | undefined, boolean>;
  replicated_from_id: string | null;
  note: string | null;
  sources: TextArray;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface AgreementParticipantTable {
  id: Generated<string>;
  agreement_id: string;
  organisation_id: string;
  role: Agreements.ParticipantRole;
  /** PIHAK PERTAMA = 1, PIHAK KEDUA = 2, …; null for every other role. */
  party_number: number | null;
  attendance: Agreements.Attendance | null;
  note: string | null;
  sources: TextArray;
  created_at: CreatedAt;
}

export interface AgreementPersonTable {
  id: Generated<string>;
  agreement_id: string;
  organisation_id: string;
  /** Null when the sources give the position only. */
  name: string | null;
  position: string;
  attendance: Agreements.Attendance | null;
  sort_order: ColumnType<number, number | undefined, number>;
  note: string | null;
  sources: TextArray;
  created_at: CreatedAt;
}

export interface AgreementScopeItemTable {
  id: Generated<string>;
  agreement_id: string;
  sort_order: ColumnType<number, number | undefined, number>;
  label: string;
  description: string | null;
  urusan_code: string | null;
  needs_legal_review: boolean;
  review_note: string | null;
  created_at: CreatedAt;
}

export interface AgreementDocumentTable {
  id: Generated<string>;
  agreement_id: string;
  kind: Agreements.DocumentKind;
  title: string;
  signed_on: DateColumn;
  signed_place: string | null;
  effective_start: DateColumn;
  effective_end: DateColumn;
  parent_document_id: string | null;
  clauses: TextArray;
  note: string | null;
  sources: TextArray;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface AgreementDocumentNumberTable {
  document_id: string;
  organisation_id: string;
  number: string;
}

export interface AgreementDocumentSignatoryTable {
  id: Generated<string>;
  document_id: string;
  person_id: string;
  capacity: Agreements.SignatoryCapacity;
  power_of_attorney_document_id: string | null;
  created_at: CreatedAt;
}

export interface AgreementDocumentVersionTable {
  id: Generated<string>;
  document_id: string;
  version: number;
  sha256: string;
  size_bytes: number;
  media_type: string;
  file_name: string;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface AgreementTransitionTable {
  id: Generated<string>;
  agreement_id: string;
  from_status: Agreements.AgreementStatus | null;
  to_status: Agreements.AgreementStatus;
  note: string | null;
  warnings: TextArray;
  actor_user_id: string | null;
  actor_label: string;
  actor_roles: TextArray;
  at: CreatedAt;
}

// ---------------------------------------------------------------------------------------------
// Programmes and results (migrations/2026-11-28T1500-create-programmes.ts)

/** bigint columns (rupiah, byte sizes) come back as strings from pg; the repos convert them. */
type BigIntColumn = ColumnType<string | number, number, number>;
type NullableBigInt = ColumnType<string | number | null, number | null | undefined, number | null>;
/** date columns: written as 'YYYY-MM-DD', read back as Date (pg) — the repos format them. */
type IsoDateColumn = ColumnType<Date | string, string, string>;
type NullableIsoDate = ColumnType<Date | string | null, string | null | undefined, string | null>;
type OptionalNumeric = ColumnType<string | null, number | null | undefined, number | null>;

export interface ProgrammeTable {
  id: Generated<string>;
  agreement_id: string;
  title: string;
  summary: string | null;
  stage: ColumnType<ProgrammeStage, ProgrammeStage | undefined>;
  stage_changed_at: CreatedAt;
  replicated_from_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ActivityTable {
  id: Generated<string>;
  programme_id: string;
  type: (typeof ACTIVITY_TYPES)[number];
  title: string;
  description: string | null;
  host_organisation_id: string;
  planned_start: IsoDateColumn;
  planned_end: NullableIsoDate;
  actual_start: NullableIsoDate;
  actual_end: NullableIsoDate;
  location: string | null;
  status: ActivityStatus;
  outputs: string | null;
  lessons: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ActivityParticipantTable {
  id: Generated<string>;
  activity_id: string;
  organisation_id: string;
  female: number;
  male: number;
}

export interface ActivityBudgetLineTable {
  id: Generated<string>;
  activity_id: string;
  position: number;
  source: (typeof BUDGET_SOURCES)[number];
  organisation_id: string | null;
  planned: BigIntColumn;
  actual: NullableBigInt;
  note: string | null;
}

export interface ActivityEvidenceTable {
  id: Generated<string>;
  activity_id: string;
  kind: (typeof EVIDENCE_KINDS)[number];
  caption: string;
  url: string | null;
  sha256: string | null;
  size_bytes: NullableBigInt;
  media_type: string | null;
  file_name: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ResultTable {
  id: Generated<string>;
  programme_id: string;
  position: number;
  type: (typeof RESULT_TYPES)[number];
  title: string;
  description: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ResultIndicatorTable {
  id: Generated<string>;
  result_id: string;
  position: number;
  title: string;
  description: string | null;
  type: (typeof INDICATOR_TYPES)[number];
  measure: (typeof INDICATOR_MEASURES)[number];
  unit: string | null;
  cumulative: boolean;
  ascending: boolean;
  target_kind: (typeof TARGET_KINDS)[number];
  baseline_year: number | null;
  baseline_value: OptionalNumeric;
  baseline_numerator: OptionalNumeric;
  baseline_denominator: OptionalNumeric;
  baseline_comment: string | null;
  catalogue_indicator_code: string | null;
  area_code: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ResultPeriodTable {
  id: Generated<string>;
  indicator_id: string;
  period_start: IsoDateColumn;
  period_end: IsoDateColumn;
  target_value: OptionalNumeric;
  target_comment: string | null;
  locked: ColumnType<boolean, boolean | undefined, boolean>;
  actual_value: OptionalNumeric;
  actual_numerator: OptionalNumeric;
  actual_denominator: OptionalNumeric;
  actual_narrative: string | null;
  approved_updates: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ResultUpdateTable {
  id: Generated<string>;
  period_id: string;
  status: ColumnType<UpdateStatus, UpdateStatus | undefined>;
  value: OptionalNumeric;
  numerator: OptionalNumeric;
  denominator: OptionalNumeric;
  narrative: string | null;
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: NullableTime;
  reviewed_by: string | null;
  reviewed_at: NullableTime;
  review_comment: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ResultUpdateEvidenceTable {
  update_id: string;
  evidence_id: string;
}

export interface ImportJobTable {
  id: Generated<string>;
  format: 'stbm-recap' | 'household' | 'dhis2-json' | 'dhis2-csv' | 'template';
  file_name: string;
  sha256: string;
  size: number;
  dry_run: boolean;
  period: string | null;
  area_code: string | null;
  status: ColumnType<'queued' | 'running' | 'succeeded' | 'failed', 'queued' | 'running' | 'succeeded' | 'failed' | undefined>;
  processed: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  errors: ColumnType<Array<{ row: number; column: string; message: string }>, string | undefined, string>;
  error_count: ColumnType<number, number | undefined, number>;
  summary: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: NullableTime;
  finished_at: NullableTime;
  updated_at: CreatedAt;
  /** Null for jobs recorded before import files were kept. */
  media_type: ColumnType<string | null, string | null | undefined, string | null>;
  /** The file's bytes are in the file store under sha256 (never for household survey files). */
  file_kept: ColumnType<boolean, boolean | undefined, boolean>;
  /** The dry run this import confirmed. */
  confirms: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the retention policy deleted the file from the store (file_kept is false from then on). */
  file_deleted_at: NullableTime;
}

/** Household survey rows: the family-card number only as a salted hash, never names (UU PDP). */
export interface HouseholdRecordTable {
  province_code: string;
  period: string;
  /** SHA-256 over the installation's salt and the 16 digits: 32 bytes. */
  kk_hash: Uint8Array;
  village_code: string;
  rt: string | null;
  rw: string | null;
  members: number | null;
  pillar_1: string | null;
  pillar_2: boolean | null;
  pillar_3: boolean | null;
  pillar_4: boolean | null;
  pillar_5: boolean | null;
  visit_status: 'proses' | 'selesai' | null;
  surveyed_on: ColumnType<Date | null, string | null, string | null>;
  import_job_id: string;
  updated_at: CreatedAt;
}

/** Counts over the stored households of a village and period, kept by each household import. */
export interface HouseholdVillageTallyTable {
  province_code: string;
  period: string;
  village_code: string;
  households: number;
  pillar1: number;
  access: number;
  jsp: number;
  jssp: number;
  sharing: number;
  babs: number;
  yes_no: number;
  answered_2: number;
  met_2: number;
  answered_3: number;
  met_3: number;
  answered_4: number;
  met_4: number;
  answered_5: number;
  met_5: number;
}

export interface InstallationSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}
