import { z } from 'zod';
import { ACTIVITY_STATUSES } from '../activity-status.ts';
import { PROGRAMME_STAGES } from '../programme-stages.ts';
import { organisationCodeSchema } from './organisations.ts';

/**
 * The programme on top of an agreement (the twinning method), its work plan of activities, their
 * evidence, and the programme's reminders. Dates are ISO `YYYY-MM-DD`; money is whole rupiah.
 */
export const programmeStageSchema = z.enum(PROGRAMME_STAGES);
export const isoDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');

export const programmeSchema = z.object({
  id: z.string().uuid(),
  agreementId: z.string().uuid(),
  title: z.string(),
  summary: z.string().nullable(),
  stage: programmeStageSchema,
  stageChangedAt: z.string(),
  nextStages: z.array(programmeStageSchema).describe('Stages the programme may move to now (guards are checked on the move)'),
  activityCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof programmeSchema>;

/** Creates the agreement's programme (one per agreement) or changes its title and summary. */
export const saveProgrammeSchema = z.object({
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().max(4000).nullable().optional(),
});
export type SaveProgramme = z.infer<typeof saveProgrammeSchema>;

export const programmeTransitionSchema = z.object({
  to: programmeStageSchema,
  note: z.string().trim().max(2000).nullable().optional(),
});
export const programmeTransitionResultSchema = z.object({
  programme: programmeSchema,
  warnings: z.array(z.string()).describe('Rules the sources could not confirm: shown, not enforced'),
});

// ------------------------------------------------------------------------------------------------
// Activities

/** The activity menu of FORKALIM, GWOPA/WaterLinks WOPs and EU Twinning (research/kerjasama-twinning.md §2). */
export const ACTIVITY_TYPES = [
  'study_visit',
  'training',
  'on_the_job_coaching',
  'staff_exchange',
  'joint_planning',
  'peer_review',
  'technology_demonstration',
  'webinar',
  'policy_dialogue',
  'coordination_meeting',
] as const;
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export const activityDisplayStatusSchema = z.enum([...ACTIVITY_STATUSES, 'overdue']);

/** APBD of a party (name the party), a sponsor (e.g. UNICEF), or another source. */
export const BUDGET_SOURCES = ['apbd', 'sponsor', 'other'] as const;
export const budgetSourceSchema = z.enum(BUDGET_SOURCES);

const rupiahSchema = z.number().int().min(0).max(1e15).describe('Whole rupiah');
const headcountSchema = z.number().int().min(0).max(100_000);

export const participantInputSchema = z.object({
  organisationCode: organisationCodeSchema,
  female: headcountSchema,
  male: headcountSchema,
});
export const budgetLineInputSchema = z.object({
  source: budgetSourceSchema,
  organisationCode: organisationCodeSchema.nullable().optional().describe('apbd: the party whose APBD pays (required); sponsor: the sponsor'),
  planned: rupiahSchema,
  actual: rupiahSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

const organisationRefSchema = z.object({ code: z.string(), name: z.string() });

export const activityInputSchema = z.object({
  type: activityTypeSchema,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).nullable().optional(),
  hostOrganisationCode: organisationCodeSchema,
  plannedStart: isoDateSchema,
  plannedEnd: isoDateSchema.nullable().optional(),
  actualStart: isoDateSchema.nullable().optional(),
  actualEnd: isoDateSchema.nullable().optional(),
  location: z.string().trim().max(300).nullable().optional(),
  status: activityStatusSchema.default('planned'),
  participants: z.array(participantInputSchema).max(50).default([]),
  budget: z.array(budgetLineInputSchema).max(50).default([]),
  outputs: z.string().trim().max(4000).nullable().optional(),
  lessons: z.string().trim().max(4000).nullable().optional(),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

/** A partial change: only the fields given change; participants and budget, when given, replace the lists. */
export const activityPatchSchema = activityInputSchema.partial().extend({
  status: activityStatusSchema.optional(),
  participants: z.array(participantInputSchema).max(50).optional(),
  budget: z.array(budgetLineInputSchema).max(50).optional(),
});
export type ActivityPatch = z.infer<typeof activityPatchSchema>;

export const activitySchema = z.object({
  id: z.string().uuid(),
  agreementId: z.string().uuid(),
  programmeId: z.string().uuid(),
  type: activityTypeSchema,
  title: z.string(),
  description: z.string().nullable(),
  host: organisationRefSchema,
  plannedStart: z.string(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  location: z.string().nullable(),
  status: activityStatusSchema,
  displayStatus: activityDisplayStatusSchema.describe('The status, or overdue when planned/ongoing past its planned end'),
  nextStatuses: z.array(activityStatusSchema),
  participants: z.array(z.object({ organisation: organisationRefSchema, female: z.number().int(), male: z.number().int() })),
  budget: z.array(
    z.object({ source: budgetSourceSchema, organisation: organisationRefSchema.nullable(), planned: z.number().int(), actual: z.number().int().nullable(), note: z.string().nullable() }),
  ),
  totals: z.object({ female: z.number().int(), male: z.number().int(), budgetPlanned: z.number().int(), budgetActual: z.number().int() }),
  outputs: z.string().nullable(),
  lessons: z.string().nullable(),
  evidenceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityListSchema = z.object({ items: z.array(activitySchema) });

// ------------------------------------------------------------------------------------------------
// Evidence

export const EVIDENCE_KINDS = ['photo', 'attendance_list', 'document', 'link'] as const;
export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
/** Upload fields (multipart/form-data): `kind`, `caption`, then the `file` part. */
export const evidenceUploadFieldsSchema = z.object({
  kind: z.enum(['photo', 'attendance_list', 'document']),
  caption: z.string().trim().min(1).max(300),
});
export const evidenceLinkInputSchema = z.object({
  url: z.string().trim().max(2000).url().regex(/^https?:\/\//i, 'must be an http(s) address'),
  caption: z.string().trim().min(1).max(300),
});
export type EvidenceLinkInput = z.infer<typeof evidenceLinkInputSchema>;

export const evidenceSchema = z.object({
  id: z.string().uuid(),
  activityId: z.string().uuid(),
  kind: evidenceKindSchema,
  caption: z.string(),
  url: z.string().nullable().describe('For a link'),
  file: z.object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  downloadUrl: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('Email of who added it'),
});
export type Evidence = z.infer<typeof evidenceSchema>;
export const evidenceListSchema = z.object({ items: z.array(evidenceSchema) });

// ------------------------------------------------------------------------------------------------
// Reminders

export const programmeReminderSchema = z.object({
  kind: z.enum(['activity_overdue', 'report_due']),
  agreementId: z.string().uuid(),
  subjectId: z.string().uuid().describe('The activity, or the result period'),
  title: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number().int(),
});
export type ProgrammeReminderItem = z.infer<typeof programmeReminderSchema>;
export const programmeReminderListSchema = z.object({ items: z.array(programmeReminderSchema) });

export const idParamsSchema = z.object({ id: z.string().uuid() });
