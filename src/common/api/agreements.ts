import { z } from 'zod';
import {
  AGREEMENT_CATEGORIES,
  AGREEMENT_STATUSES,
  ATTENDANCE_KINDS,
  CLAUSE_KEYS,
  DOCUMENT_KINDS,
  PARTICIPANT_ROLES,
  SIGNATORY_CAPACITIES,
  VISIBILITIES,
} from '../agreements/vocabulary.ts';
import { areaCodeSchema } from './areas.ts';
import { organisationCodeSchema, organisationKindSchema } from './organisations.ts';

/*
 * The agreements API (kerja sama daerah): list, detail, create/update, participants, people,
 * scope items, documents (numbers per party, signatories, clause checklist, file versions),
 * lifecycle transitions with their guards and warnings, the timeline, reminders and "use as
 * template". Shared by the server (validation, OpenAPI) and the web client. Keep it stable:
 * the web and the programmes feature build on it; add fields, do not rename them.
 */

export const agreementCategorySchema = z.enum(AGREEMENT_CATEGORIES);
export const agreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export const visibilitySchema = z.enum(VISIBILITIES);
export const participantRoleSchema = z.enum(PARTICIPANT_ROLES);
export const attendanceSchema = z.enum(ATTENDANCE_KINDS);
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export const clauseKeySchema = z.enum(CLAUSE_KEYS);
export const signatoryCapacitySchema = z.enum(SIGNATORY_CAPACITIES);

/** A calendar date, 'YYYY-MM-DD'. */
export const dateSchema = z.iso.date().describe('A date, YYYY-MM-DD');
const idSchema = z.uuid();
const shortText = (max: number) => z.string().trim().min(1).max(max);
/** Where a fact comes from (a URL or a citation); shown beside seeded facts. */
const sourcesSchema = z.array(shortText(500)).max(20);

export const agreementIdParamsSchema = z.object({ id: idSchema });

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export const organisationRefSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  kind: organisationKindSchema,
  areaCode: z.string().nullable(),
});
export type OrganisationRef = z.infer<typeof organisationRefSchema>;

export const participantSchema = z.object({
  id: idSchema,
  organisation: organisationRefSchema,
  role: participantRoleSchema,
  partyNumber: z.number().int().nullable().describe('PIHAK PERTAMA = 1, PIHAK KEDUA = 2; null for non-party roles'),
  attendance: attendanceSchema.nullable(),
  note: z.string().nullable().describe("E.g. the region's recognised achievement"),
  sources: z.array(z.string()),
});
export type Participant = z.infer<typeof participantSchema>;

export const personSchema = z.object({
  id: idSchema,
  organisation: organisationRefSchema,
  name: z.string().nullable().describe('Null when the sources give the position only'),
  position: z.string(),
  attendance: attendanceSchema.nullable(),
  note: z.string().nullable(),
  sources: z.array(z.string()),
});
export type Person = z.infer<typeof personSchema>;

export const scopeItemSchema = z.object({
  id: idSchema,
  label: z.string(),
  description: z.string().nullable(),
  urusanCode: z.string().nullable(),
  urusanName: z.string().nullable(),
  needsLegalReview: z.boolean().describe('Not an urusan (or not clearly one): for TKKSD legal review'),
  reviewNote: z.string().nullable(),
});
export type ScopeItem = z.infer<typeof scopeItemSchema>;

export const documentNumberSchema = z.object({ organisation: organisationRefSchema, number: z.string() });

export const signatorySchema = z.object({
  id: idSchema,
  personId: idSchema,
  name: z.string().nullable(),
  position: z.string(),
  organisation: organisationRefSchema,
  capacity: signatoryCapacitySchema,
  powerOfAttorneyDocumentId: idSchema.nullable().describe('The surat kuasa, when signing as kuasa'),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const documentVersionSchema = z.object({
  version: z.number().int(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
  fileName: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable().describe('Email of the uploader'),
  downloadUrl: z.string(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const agreementDocumentSchema = z.object({
  id: idSchema,
  kind: documentKindSchema,
  title: z.string(),
  signedOn: z.string().nullable(),
  signedPlace: z.string().nullable(),
  effectiveStart: z.string().nullable(),
  effectiveEnd: z.string().nullable(),
  parentDocumentId: idSchema.nullable(),
  numbers: z.array(documentNumberSchema).describe('Each party registers the document under its own number'),
  signatories: z.array(signatorySchema),
  clauses: z.array(clauseKeySchema).describe('Clauses the document contains (checklist)'),
  missingClauses: z.array(clauseKeySchema).describe('Clauses the rule pack expects for this kind that are not ticked'),
  versions: z.array(documentVersionSchema).describe('Uploaded files, newest last'),
  note: z.string().nullable(),
  sources: z.array(z.string()),
});
export type AgreementDocument = z.infer<typeof agreementDocumentSchema>;

export const agreementPartySchema = z.object({
  organisationCode: z.string(),
  name: z.string(),
  areaCode: z.string().nullable(),
  partyNumber: z.number().int(),
});

export const agreementSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  category: agreementCategorySchema,
  status: agreementStatusSchema,
  visibility: visibilitySchema,
  isTwinning: z.boolean(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  signedOn: z.string().nullable().describe('Signing date of the first signed KB (or nota kesepakatan)'),
  parties: z.array(agreementPartySchema),
  updatedAt: z.string(),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

export const agreementListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Words in the title, objectives or a participant’s name'),
  status: agreementStatusSchema.optional(),
  area: areaCodeSchema.optional().describe('A participant belongs to this area or one under it'),
  role: participantRoleSchema.optional().describe('With area: that participant holds this role; alone: any participant does'),
  category: agreementCategorySchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

export const agreementListSchema = z.object({ items: z.array(agreementSummarySchema), total: z.number().int() });

export const agreementDetailSchema = agreementSummarySchema.extend({
  objectives: z.string(),
  renewalTerms: z.string().nullable(),
  burdensPublic: z.boolean().describe('Burdens the public and the region (DPRD approval trigger)'),
  unbudgeted: z.boolean().describe('Funding not yet in the current APBD (DPRD approval trigger)'),
  dprdRequired: z.boolean().describe('By the rule pack: DPRD approval is needed before the PKS'),
  replicatedFromId: idSchema.nullable(),
  note: z.string().nullable(),
  sources: z.array(z.string()),
  statusChangedAt: z.string(),
  participants: z.array(participantSchema),
  people: z.array(personSchema),
  scopeItems: z.array(scopeItemSchema),
  documents: z.array(agreementDocumentSchema),
  canEdit: z.boolean().describe('The caller may edit and move this agreement (admin, or coordinator of a PIHAK)'),
});
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

const agreementFields = {
  title: shortText(300),
  category: agreementCategorySchema,
  isTwinning: z.boolean(),
  objectives: z.string().trim().max(5_000),
  visibility: visibilitySchema,
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  renewalTerms: z.string().trim().max(1_000).nullable(),
  burdensPublic: z.boolean(),
  unbudgeted: z.boolean(),
  note: z.string().trim().max(5_000).nullable(),
};

export const newScopeItemSchema = z.object({
  label: shortText(200),
  description: z.string().trim().max(2_000).nullable().optional(),
  urusanCode: z.string().max(60).nullable().optional().describe('An urusan code from GET /api/agreement-rules; empty flags the item for legal review'),
  needsLegalReview: z.boolean().optional().describe('Flag for TKKSD legal review even with an urusan'),
  reviewNote: z.string().trim().max(1_000).nullable().optional(),
});
export type NewScopeItem = z.infer<typeof newScopeItemSchema>;
export const updateScopeItemSchema = newScopeItemSchema.partial();

export const createAgreementSchema = z.object({
  ...agreementFields,
  isTwinning: agreementFields.isTwinning.default(true),
  objectives: agreementFields.objectives.default(''),
  visibility: agreementFields.visibility.default('internal'),
  startDate: agreementFields.startDate.optional(),
  endDate: agreementFields.endDate.optional(),
  renewalTerms: agreementFields.renewalTerms.optional(),
  burdensPublic: agreementFields.burdensPublic.default(false),
  unbudgeted: agreementFields.unbudgeted.default(false),
  note: agreementFields.note.optional(),
  parties: z.array(organisationCodeSchema).min(1).max(10).describe('Legal parties (PIHAK) in order: PIHAK PERTAMA first'),
  scopeItems: z.array(newScopeItemSchema).max(50).default([]),
});
export type CreateAgreement = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z.object(agreementFields).partial();
export type UpdateAgreement = z.infer<typeof updateAgreementSchema>;

export const newParticipantSchema = z.object({
  organisationCode: organisationCodeSchema,
  role: participantRoleSchema,
  partyNumber: z.number().int().min(1).max(99).optional().describe('For a PIHAK; the next free number when left out'),
  attendance: attendanceSchema.nullable().optional(),
  note: z.string().trim().max(2_000).nullable().optional(),
  sources: sourcesSchema.optional(),
});
export type NewParticipant = z.infer<typeof newParticipantSchema>;

export const newPersonSchema = z.object({
  organisationCode: organisationCodeSchema,
  name: z.string().trim().min(1).max(200).nullable().optional(),
  position: shortText(300),
  attendance: attendanceSchema.nullable().optional(),
  note: z.string().trim().max(2_000).nullable().optional(),
  sources: sourcesSchema.optional(),
});
export type NewPerson = z.infer<typeof newPersonSchema>;
export const updatePersonSchema = newPersonSchema.omit({ organisationCode: true }).partial();

const documentFields = {
  kind: documentKindSchema,
  title: shortText(300),
  signedOn: dateSchema.nullable(),
  signedPlace: z.string().trim().max(300).nullable(),
  effectiveStart: dateSchema.nullable(),
  effectiveEnd: dateSchema.nullable(),
  parentDocumentId: idSchema.nullable(),
  numbers: z.array(z.object({ organisationCode: organisationCodeSchema, number: shortText(200) })).max(10).describe('Replaces every number of the document'),
  clauses: z.array(clauseKeySchema).max(CLAUSE_KEYS.length),
  note: z.string().trim().max(5_000).nullable(),
  sources: sourcesSchema,
};
export const createDocumentSchema = z.object(documentFields).partial().required({ kind: true, title: true });
export type CreateDocument = z.infer<typeof createDocumentSchema>;
export const updateDocumentSchema = z.object(documentFields).omit({ kind: true }).partial();
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

export const newSignatorySchema = z.object({
  personId: idSchema.describe('A person of this agreement (POST …/people first)'),
  capacity: signatoryCapacitySchema,
  powerOfAttorneyDocumentId: idSchema.nullable().optional(),
});
export type NewSignatory = z.infer<typeof newSignatorySchema>;

export const documentParamsSchema = z.object({ id: idSchema, documentId: idSchema });
export const fileParamsSchema = z.object({ id: idSchema, documentId: idSchema, version: z.coerce.number().int().min(1).max(100_000) });
export const uploadQuerySchema = z.object({ fileName: z.string().trim().min(1).max(200).optional().describe('For a raw-body upload: the file’s name') });

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

/** One unmet guard or one warning: a stable code (for translation), a message, and the rule and source behind it. */
export const guardReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  ruleId: z.string().nullable(),
  source: z.string().nullable(),
});
export type GuardReasonDto = z.infer<typeof guardReasonSchema>;

export const transitionRequestSchema = z.object({
  to: agreementStatusSchema,
  note: z.string().trim().max(2_000).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

export const transitionOptionSchema = z.object({
  to: agreementStatusSchema,
  allowed: z.boolean().describe('Allowed now (a required note aside)'),
  noteRequired: z.boolean().describe('The move needs a reason in the note'),
  unmet: z.array(guardReasonSchema),
  warnings: z.array(guardReasonSchema),
});
export const transitionOptionsSchema = z.object({ status: agreementStatusSchema, options: z.array(transitionOptionSchema) });

export const timelineEntrySchema = z.object({
  id: idSchema,
  from: agreementStatusSchema.nullable(),
  to: agreementStatusSchema,
  note: z.string().nullable(),
  warnings: z.array(z.string()),
  at: z.string(),
  actor: z.object({ label: z.string(), email: z.string().nullable(), name: z.string().nullable(), roles: z.array(z.string()) }),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export const timelineSchema = z.object({ items: z.array(timelineEntrySchema) });

export const transitionResultSchema = z.object({
  status: agreementStatusSchema,
  transition: timelineEntrySchema,
  warnings: z.array(guardReasonSchema).describe('Unconfirmed rules that did not block the move'),
});

/**
 * The 409 answer to a blocked transition: the usual error body plus every unmet guard.
 * `error.reasons` is optional in the shared error body, so clients that read only code and
 * message keep working.
 */
export const transitionBlockedSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), reasons: z.array(guardReasonSchema).optional() }),
});

// ---------------------------------------------------------------------------------------------
// Reminders, template, reference data
// ---------------------------------------------------------------------------------------------

export const REMINDER_KINDS = ['agreement_ending', 'kb_without_pks', 'dprd_waiting', 'activity_overdue', 'report_due'] as const;
export const reminderSchema = z.object({
  kind: z.enum(REMINDER_KINDS),
  agreementId: idSchema,
  agreementTitle: z.string(),
  subject: z.object({ type: z.enum(['agreement', 'activity', 'report']), id: idSchema }),
  dueOn: z.string().describe('The date the reminder is about (end date, expiry, due date)'),
  daysLeft: z.number().int().describe('Negative when overdue'),
  threshold: z.number().int().nullable().describe('The reminder step reached (90, 60, 30, 7, 0 days)'),
  severity: z.enum(['info', 'warning', 'overdue']),
  message: z.string(),
  ruleId: z.string().nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;
export const reminderListSchema = z.object({ items: z.array(reminderSchema), asOf: z.string() });
export const reminderQuerySchema = z.object({ on: dateSchema.optional().describe('Compute as of this date (default today)') });

export const templateRequestSchema = z.object({
  parties: z.array(organisationCodeSchema).length(2).describe('The two regions of the new twinning (PIHAK PERTAMA first)'),
  title: shortText(300).optional(),
});

export const urusanSchema = z.object({ code: z.string(), name: z.string(), group: z.enum(['wajib_pelayanan_dasar', 'wajib_non_pelayanan_dasar', 'pilihan']), source: z.string() });
export const ruleSchema = z.object({
  id: z.string(),
  description: z.string(),
  source: z.string(),
  confirmed: z.boolean().describe('False: the sources could not confirm it, so it only warns'),
  effect: z.enum(['block', 'warn']),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])),
});
export const agreementRulesSchema = z.object({
  urusan: z.array(urusanSchema),
  rules: z.array(ruleSchema),
  expectedClauses: z.record(z.string(), z.array(clauseKeySchema)).describe('Clauses the checklist expects per document kind'),
  transitions: z.record(z.string(), z.array(agreementStatusSchema)).describe('The lifecycle graph: state → states it may move to'),
});
export type AgreementRules = z.infer<typeof agreementRulesSchema>;
