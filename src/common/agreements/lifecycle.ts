import type { OrganisationKind } from '../roles.ts';
import { addDays, addWorkingDays, addYears } from './calendar.ts';
import type { RuleId, RulePack } from './rule-pack.ts';
import { REGION_TO_REGION_CATEGORIES, type AgreementCategory, type AgreementStatus, type ClauseKey, type DocumentKind, type SignatoryCapacity } from './vocabulary.ts';

/**
 * The legal lifecycle of an agreement as a pure state machine (research/kerjasama-twinning.md §3.1):
 * draft → tkksd_review → offer → kb_negotiation → kb_signed → [awaiting_dprd] → pks_negotiation →
 * pks_signed → implementation ⇄ evaluation → amended / ended / terminated_early; rejected, withdrawn,
 * expired. `evaluateTransition` answers whether a move is allowed and lists EVERY unmet guard and
 * every warning; which findings block and which only warn is the rule pack's decision (a rule the
 * sources could not confirm only warns). No I/O: the caller passes a snapshot and today's date.
 */
export const TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ['tkksd_review', 'kb_negotiation', 'kb_signed', 'withdrawn'],
  tkksd_review: ['draft', 'offer', 'kb_negotiation', 'rejected', 'withdrawn'],
  offer: ['kb_negotiation', 'rejected', 'withdrawn'],
  kb_negotiation: ['kb_signed', 'rejected', 'withdrawn'],
  kb_signed: ['awaiting_dprd', 'pks_negotiation', 'pks_signed', 'expired', 'terminated_early'],
  awaiting_dprd: ['pks_negotiation', 'rejected', 'withdrawn'],
  pks_negotiation: ['pks_signed', 'withdrawn', 'expired'],
  pks_signed: ['implementation', 'terminated_early'],
  implementation: ['evaluation', 'amended', 'ended', 'terminated_early'],
  evaluation: ['implementation', 'amended', 'ended', 'terminated_early'],
  amended: ['implementation', 'evaluation', 'ended', 'terminated_early'],
  ended: [],
  terminated_early: [],
  rejected: [],
  withdrawn: [],
  expired: [],
};

/** Moves that skip a stage, e.g. registering a KB that was signed before the agreement was entered: allowed, with a warning. */
const SHORTCUTS: ReadonlySet<string> = new Set(['draft>kb_negotiation', 'draft>kb_signed', 'tkksd_review>kb_negotiation', 'kb_signed>pks_signed']);

/** Moves that need a reason in the note. */
const NEEDS_REASON: ReadonlySet<AgreementStatus> = new Set(['rejected', 'withdrawn', 'terminated_early', 'expired']);

/** Before signing, the draft must hold its contents (title, objectives, scope, parties). */
const CONTENT_CHECKED: ReadonlySet<AgreementStatus> = new Set(['tkksd_review', 'offer', 'kb_negotiation', 'kb_signed']);

export function isTerminal(status: AgreementStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export function canMove(from: AgreementStatus, to: AgreementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function needsReason(to: AgreementStatus): boolean {
  return NEEDS_REASON.has(to);
}

export interface SnapshotParty {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  partyNumber: number;
}

export interface SnapshotSignatory {
  /** The organisation the person signs for (a person is recorded under the party they represent). */
  organisationId: string;
  name: string | null;
  position: string;
  capacity: SignatoryCapacity;
  powerOfAttorneyDocumentId: string | null;
}

export interface SnapshotDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  signedOn: string | null;
  signatories: readonly SnapshotSignatory[];
  /** Organisations that registered a number for the document. */
  numberedBy: readonly string[];
  clauses: readonly ClauseKey[];
  fileCount: number;
}

/** What the guards look at: the agreement as stored, reduced to plain data. */
export interface LifecycleSnapshot {
  status: AgreementStatus;
  category: AgreementCategory;
  title: string;
  objectives: string;
  startDate: string | null;
  endDate: string | null;
  burdensPublic: boolean;
  unbudgeted: boolean;
  /** The legal parties (PIHAK), in party order. */
  parties: readonly SnapshotParty[];
  scopeItems: readonly { label: string; needsLegalReview: boolean }[];
  documents: readonly SnapshotDocument[];
  /** The date the agreement entered its current status. */
  statusChangedOn: string;
}

/** One reason: a stable code (for translation), a message naming the thing, and the rule behind it. */
export interface Finding {
  code: string;
  message: string;
  ruleId: RuleId;
  /** Advice even when its rule blocks (e.g. "no start date recorded"). */
  advisory?: boolean;
}

export interface Evaluation {
  allowed: boolean;
  /** Every unmet guard (blocking findings). */
  unmet: Finding[];
  /** Findings of rules that only warn. */
  warnings: Finding[];
}

export interface EvaluationContext {
  rules: RulePack;
  /** Today, 'YYYY-MM-DD'. */
  today: string;
  note?: string | undefined;
}

/** DPRD approval is needed when the plan burdens the public and the region, or is not budgeted (PP 28/2018). */
export function dprdRequired(snapshot: Pick<LifecycleSnapshot, 'burdensPublic' | 'unbudgeted'>): boolean {
  return snapshot.burdensPublic || snapshot.unbudgeted;
}

/** Whether moving to `to` is allowed, with every unmet guard and every warning. */
export function evaluateTransition(snapshot: LifecycleSnapshot, to: AgreementStatus, context: EvaluationContext): Evaluation {
  const from = snapshot.status;
  if (!canMove(from, to)) {
    const next = TRANSITIONS[from];
    const message =
      from === to
        ? `The agreement is already ${to}`
        : `An agreement cannot move from ${from} to ${to}; from ${from} it can move to ${next.length > 0 ? next.join(', ') : 'nothing (it is closed)'}`;
    return { allowed: false, unmet: [{ code: 'illegal_transition', message, ruleId: 'lifecycle.graph' }], warnings: [] };
  }
  const findings = collectFindings(snapshot, to, context);
  const unmet: Finding[] = [];
  const warnings: Finding[] = [];
  for (const finding of findings) {
    if (!finding.advisory && context.rules.rules[finding.ruleId].effect === 'block') unmet.push(finding);
    else warnings.push(finding);
  }
  return { allowed: unmet.length === 0, unmet, warnings };
}

export interface TransitionOption extends Evaluation {
  to: AgreementStatus;
  /** The move needs a reason in its note (not counted as unmet here: the dialog asks for it). */
  noteRequired: boolean;
}

/** Every move the graph allows from the current status, each evaluated (the transition dialog shows these). */
export function transitionOptions(snapshot: LifecycleSnapshot, context: Omit<EvaluationContext, 'note'>): TransitionOption[] {
  return TRANSITIONS[snapshot.status].map((to) => {
    const evaluation = evaluateTransition(snapshot, to, { ...context, note: 'ready' });
    return { to, noteRequired: needsReason(to), ...evaluation };
  });
}

function collectFindings(snapshot: LifecycleSnapshot, to: AgreementStatus, context: EvaluationContext): Finding[] {
  const findings: Finding[] = [];
  const add = (ruleId: RuleId, code: string, message: string, advisory = false) => findings.push({ ruleId, code, message, ...(advisory && { advisory }) });
  if (SHORTCUTS.has(`${snapshot.status}>${to}`)) {
    add('stages.sequence', 'stage_skipped', `Moving from ${snapshot.status} straight to ${to} skips a stage (acceptable when recording an agreement signed earlier)`);
  }
  if (CONTENT_CHECKED.has(to)) checkContents(snapshot, add);
  if (to === 'pks_signed') checkPartiesArePemda(snapshot, add);
  if (to === 'kb_signed') checkSigned(snapshot, context, kbKinds(snapshot.category), 'kb', 'kb.signed', add);
  if (to === 'awaiting_dprd' && !dprdRequired(snapshot)) {
    add('dprd.approval_required', 'dprd_not_required', 'DPRD approval is needed only when the plan burdens the public and the region or its funding is not in the current APBD: set burdensPublic or unbudgeted first');
  }
  if (to === 'pks_negotiation' || to === 'pks_signed') checkDprd(snapshot, context, add);
  if (to === 'pks_signed') checkSigned(snapshot, context, pksKinds(snapshot.category), 'pks', 'pks.signed', add);
  if (to === 'implementation' && snapshot.status === 'pks_signed') checkStart(snapshot, context, add);
  if (to === 'amended') checkSigned(snapshot, context, ['addendum'], 'addendum', 'amended.addendum', add);
  if (to === 'ended') checkEnd(snapshot, context, add);
  if (NEEDS_REASON.has(to) && !context.note?.trim()) add('reason.required', 'note_required', `Give the reason for moving to ${to} in the note`);
  if (to === 'expired') checkExpiry(snapshot, context, add);
  return findings;
}

type Add = (ruleId: RuleId, code: string, message: string, advisory?: boolean) => void;

function checkContents(snapshot: LifecycleSnapshot, add: Add): void {
  if (!snapshot.title.trim()) add('draft.contents', 'missing_title', 'The agreement needs a title');
  if (!snapshot.objectives.trim()) add('draft.contents', 'missing_objectives', 'The agreement needs its objectives (maksud dan tujuan)');
  if (snapshot.scopeItems.length === 0) add('draft.contents', 'no_scope_items', 'The agreement needs at least one scope item (ruang lingkup)');
  if (snapshot.parties.length < 2) add('draft.contents', 'too_few_parties', `The agreement needs at least two legal parties (PIHAK); it has ${snapshot.parties.length}`);
  checkPartiesArePemda(snapshot, add);
  const review = snapshot.scopeItems.filter((item) => item.needsLegalReview).map((item) => `"${item.label}"`);
  if (review.length > 0) add('scope.legal_review', 'scope_needs_review', `Scope items for TKKSD legal review (not, or not only, an urusan): ${review.join(', ')}`);
}

function checkPartiesArePemda(snapshot: LifecycleSnapshot, add: Add): void {
  if (!REGION_TO_REGION_CATEGORIES.has(snapshot.category)) return;
  for (const party of snapshot.parties) {
    if (party.kind !== 'pemda') add('ksdd.parties_are_pemda', 'party_not_pemda', `PIHAK ${party.partyNumber} ${party.name} is a ${party.kind}; in a KSDD every legal party is a regional government (pemda)`);
  }
}

function kbKinds(category: AgreementCategory): DocumentKind[] {
  return category === 'sinergi' ? ['nota_kesepakatan', 'kb'] : ['kb', 'nota_kesepakatan'];
}

/** Sinergi with a ministry has a nota kesepakatan with a rencana aksi, not a PKS (PP 28/2018 Pasal 46). */
function pksKinds(category: AgreementCategory): DocumentKind[] {
  return category === 'sinergi' ? ['pks', 'nota_kesepakatan'] : ['pks'];
}

/**
 * A document of one of `kinds` with a signing date and a signatory for every legal party. Among
 * several, the one covering most parties is judged. Then the warnings on that document.
 */
function checkSigned(snapshot: LifecycleSnapshot, context: EvaluationContext, kinds: DocumentKind[], label: string, ruleId: RuleId, add: Add): void {
  const name = label.toUpperCase();
  const candidates = snapshot.documents.filter((document) => kinds.includes(document.kind));
  const dated = candidates.filter((document) => document.signedOn !== null);
  if (dated.length === 0) {
    const undated = candidates.map((document) => `"${document.title}"`);
    add(ruleId, `no_signed_${label}`, undated.length > 0 ? `${name} ${undated.join(', ')} has no signing date` : `Add the ${name} document with its signing date`);
    return;
  }
  const coverage = (document: SnapshotDocument) => snapshot.parties.filter((party) => document.signatories.some((signatory) => signatory.organisationId === party.organisationId)).length;
  const document = [...dated].sort((a, b) => coverage(b) - coverage(a))[0] as SnapshotDocument;
  for (const party of snapshot.parties) {
    const signers = document.signatories.filter((signatory) => signatory.organisationId === party.organisationId);
    if (signers.length === 0) add(ruleId, `${label}_party_unsigned`, `PIHAK ${party.partyNumber} ${party.name} has no signatory on ${name} "${document.title}"`);
    for (const signer of signers) checkSignatory(snapshot, party, signer, document, label, ruleId, add);
  }
  const missingNumbers = snapshot.parties.filter((party) => !document.numberedBy.includes(party.organisationId)).map((party) => party.name);
  if (missingNumbers.length > 0) add('documents.numbers_per_party', 'numbers_missing', `${name} "${document.title}" has no number from ${missingNumbers.join(', ')}`);
  if (document.fileCount === 0) add('documents.file_uploaded', 'file_missing', `The signed ${name} "${document.title}" has not been uploaded`);
  const expected = (context.rules.expectedClauses as Partial<Record<DocumentKind, readonly ClauseKey[]>>)[document.kind] ?? [];
  const missingClauses = expected.filter((clause) => !document.clauses.includes(clause));
  if (missingClauses.length > 0) add('clauses.checklist', 'clauses_missing', `${name} "${document.title}" lacks the clauses ${missingClauses.join(', ')}`);
  if (label !== 'addendum' && snapshot.startDate && snapshot.endDate && snapshot.endDate > addYears(snapshot.startDate, context.rules.maxTermYears)) {
    add('term.max_years', 'term_too_long', `The term ${snapshot.startDate} – ${snapshot.endDate} is longer than ${context.rules.maxTermYears} years`);
  }
}

function checkSignatory(snapshot: LifecycleSnapshot, party: SnapshotParty, signer: SnapshotSignatory, document: SnapshotDocument, label: string, ruleId: RuleId, add: Add): void {
  const who = signer.name ?? signer.position;
  if (!signer.name) add('signatories.named', 'signatory_unnamed', `The signatory for ${party.name} (${signer.position}) has no name recorded`);
  if (label === 'kb' && party.kind === 'pemda' && signer.capacity !== 'kepala_daerah') {
    add('kb.signed_by_kepala_daerah', 'kb_not_signed_by_kepala_daerah', `${who} signs the KB for ${party.name} as ${signer.capacity}, not as kepala daerah`);
  }
  if (label === 'kb') return;
  if (party.kind === 'pemda' && signer.capacity === 'pimpinan_mitra') {
    add(ruleId, 'signatory_capacity', `${who} signs for the regional government ${party.name}: that is the kepala daerah or a kuasa, not pimpinan_mitra`);
  }
  if (signer.capacity === 'kuasa') {
    const letter = snapshot.documents.find((candidate) => candidate.id === signer.powerOfAttorneyDocumentId && candidate.kind === 'surat_kuasa');
    if (!letter) add(ruleId, 'kuasa_without_surat_kuasa', `${who} signs "${document.title}" as kuasa for ${party.name}: link the surat kuasa document`);
  }
}

function checkDprd(snapshot: LifecycleSnapshot, context: EvaluationContext, add: Add): void {
  if (!dprdRequired(snapshot)) return;
  if (snapshot.documents.some((document) => document.kind === 'persetujuan_dprd')) return;
  add('dprd.approval_required', 'dprd_approval_missing', 'This plan needs DPRD approval (it burdens the public and the region, or is not budgeted): move to awaiting_dprd and add the persetujuan_dprd document');
  if (snapshot.status === 'awaiting_dprd') {
    const deemed = addWorkingDays(snapshot.statusChangedOn, context.rules.dprdDeemedApprovalWorkingDays);
    if (deemed <= context.today) {
      add(
        'dprd.deemed_approval',
        'dprd_deemed_period_passed',
        `The DPRD has not answered within ${context.rules.dprdDeemedApprovalWorkingDays} working days (since ${snapshot.statusChangedOn}); if the deemed-approval rule applies (unconfirmed), record it as a persetujuan_dprd document`,
      );
    }
  }
}

function checkStart(snapshot: LifecycleSnapshot, context: EvaluationContext, add: Add): void {
  if (!snapshot.startDate) add('implementation.start_date', 'start_date_missing', 'No start date is recorded', true);
  else if (snapshot.startDate > context.today) add('implementation.start_date', 'start_date_future', `Implementation starts on ${snapshot.startDate}, after today (${context.today})`);
  const pks = snapshot.documents.filter((document) => pksKinds(snapshot.category).includes(document.kind) && document.signedOn);
  if (pks.length > 0 && pks.every((document) => document.fileCount === 0)) add('documents.file_uploaded', 'file_missing', 'The signed PKS has not been uploaded (to check paraf, materai and stempel)');
}

function checkEnd(snapshot: LifecycleSnapshot, context: EvaluationContext, add: Add): void {
  if (!snapshot.endDate) add('ended.end_date', 'end_date_missing', 'No end date is recorded: set it, or terminate early');
  else if (snapshot.endDate > context.today) add('ended.end_date', 'end_date_not_reached', `The agreement runs until ${snapshot.endDate}; to stop it before then, terminate it early`);
  if (!snapshot.documents.some((document) => document.kind === 'laporan')) add('ended.final_report', 'final_report_missing', 'No final report (laporan) has been added');
}

function checkExpiry(snapshot: LifecycleSnapshot, context: EvaluationContext, add: Add): void {
  const signedOn = snapshot.documents
    .filter((document) => kbKinds(snapshot.category).includes(document.kind) && document.signedOn)
    .map((document) => document.signedOn as string)
    .sort()[0];
  if (!signedOn) return;
  const expiry = addDays(signedOn, context.rules.kbWithoutPksExpiryDays);
  if (expiry > context.today) {
    add('kb.expiry_without_pks', 'kb_not_yet_expired', `The KB signed on ${signedOn} reaches the configured expiry without a PKS (${context.rules.kbWithoutPksExpiryDays} days, unconfirmed) only on ${expiry}`);
  }
}
