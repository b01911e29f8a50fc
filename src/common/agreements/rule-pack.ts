import type { ClauseKey } from './vocabulary.ts';

/**
 * The legal rule pack: every rule the agreement lifecycle checks, with the source it comes from
 * (research/kerjasama-twinning.md; [V] verified, [P] partly, [U] unverified, [I] inference) and
 * whether that source confirms it. A rule the sources could not confirm only warns: it never
 * blocks a transition until a lawyer has checked it against the official text and the pack is
 * changed (confirmed: true). `validateRulePack` refuses an unconfirmed rule that blocks.
 * The numbers (maximum term, DPRD timer, KB-without-PKS expiry, reminder steps) are parameters.
 * See docs/decisions/0006-agreement-lifecycle-rules.md for which rules block and why.
 */
export const RULE_IDS = [
  'lifecycle.graph',
  'stages.sequence',
  'draft.contents',
  'ksdd.parties_are_pemda',
  'signing.non_signing_roles',
  'scope.legal_review',
  'kb.signed',
  'kb.signed_by_kepala_daerah',
  'dprd.approval_required',
  'dprd.deemed_approval',
  'pks.signed',
  'documents.numbers_per_party',
  'documents.file_uploaded',
  'signatories.named',
  'clauses.checklist',
  'term.max_years',
  'implementation.start_date',
  'amended.addendum',
  'ended.end_date',
  'ended.final_report',
  'reason.required',
  'kb.expiry_without_pks',
  'reminders.end_date',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type RuleEffect = 'block' | 'warn';

export interface Rule {
  id: RuleId;
  description: string;
  source: string;
  /** True when the cited source confirms the rule ([V], or [P] for its substance). */
  confirmed: boolean;
  effect: RuleEffect;
}

export interface RulePack {
  rules: Readonly<Record<RuleId, Rule>>;
  /** `term.max_years` [U]: a KB is often cited as lasting at most 5 years. */
  maxTermYears: number;
  /** `dprd.deemed_approval` [U]: the DPRD is deemed to approve after this many working days. */
  dprdDeemedApprovalWorkingDays: number;
  /** `kb.expiry_without_pks` [U; no figure in any source: 365 is a placeholder to configure]. */
  kbWithoutPksExpiryDays: number;
  /** `reminders.end_date` [V S32]: remind this many days before the end date. */
  endReminderDays: readonly number[];
  /** `clauses.checklist` [U]: clauses each signed document kind is expected to contain (§1.4). */
  expectedClauses: Readonly<Record<'kb' | 'pks' | 'addendum' | 'nota_kesepakatan', readonly ClauseKey[]>>;
}

const rule = (id: RuleId, confirmed: boolean, effect: RuleEffect, description: string, source: string): Rule => ({ id, confirmed, effect, description, source });

export const DEFAULT_RULES: Readonly<Record<RuleId, Rule>> = Object.fromEntries(
  [
    rule('lifecycle.graph', true, 'block', 'An agreement moves only along the lifecycle graph; KB comes before PKS', 'PP 28/2018; practice: the KB is followed by a PKS [V S2, S8]; Permendagri 22/2020 "Tahapan" [V S5]'),
    rule('stages.sequence', false, 'warn', 'Skipping TKKSD review, the offer or PKS negotiation (recording an agreement signed earlier)', 'Exact order and optional steps of the tahapan are unverified [U §1.3]'),
    rule('draft.contents', true, 'block', 'Before review and signing: a title, objectives (maksud dan tujuan), at least one scope item and at least two legal parties', 'Permendagri 22/2020: mapping urusan, purpose [V S5, S10, S11]'),
    rule('ksdd.parties_are_pemda', true, 'block', 'In a KSDD every legal party (PIHAK) is a regional government', 'PP 28/2018 Pasal 1: kerja sama daerah dengan daerah lain [V S1, S2]'),
    rule('signing.non_signing_roles', true, 'block', 'Facilitators and witnesses never sign; only legal parties do', 'A KSDD KB/PKS is between the regions only; FORKALIM, sponsors and witnesses are non-party roles [research §2.1; design.md]'),
    rule('scope.legal_review', false, 'warn', 'Scope items that are not an urusan (IPTEK, ASN training, "other fields") need TKKSD legal review', 'Objek KSDD is urusan the region holds [V S2, S6]; which items fall outside is an inference [I §1.1]'),
    rule('kb.signed', true, 'block', 'KB signed: a KB (or nota kesepakatan) with a signing date and a signatory for every legal party', 'PP 28/2018 Pasal 2; KB signed by both kepala daerah [V S2, S8, S17]'),
    rule('kb.signed_by_kepala_daerah', true, 'warn', 'The KB is signed by the kepala daerah themself (a kuasa signs the PKS)', 'Practice: KB by the kepala daerah, PKS by the kepala OPD with a surat kuasa [V S8]'),
    rule('dprd.approval_required', true, 'block', 'DPRD approval before the PKS when the plan burdens the public and the region, or its funding is not in the current APBD', 'PP 28/2018 (DPRD clause) [V S2, S3]'),
    rule('dprd.deemed_approval', false, 'warn', 'Without an answer within N working days the DPRD is deemed to approve', 'The 45-working-day rule is unverified [U §1.2]'),
    rule('pks.signed', true, 'block', 'PKS signed: a PKS with a signing date and a signatory for every legal party, each the kepala daerah or a kuasa with a surat kuasa', 'PP 28/2018 Pasal 2(2) [V S2]'),
    rule('documents.numbers_per_party', true, 'warn', 'Each party registers the signed KB/PKS under its own number', 'KB_AKTIF entry condition: each party’s KB number [V S2, S8, S17]; unknown numbers stay empty'),
    rule('documents.file_uploaded', true, 'warn', 'The signed document is uploaded (and checked for paraf, materai, stempel)', 'SIKERJA practice [V S32]'),
    rule('signatories.named', true, 'warn', 'Signatories are named, not only by position', 'Komparisi: name, jabatan, acting for [V S35, S37]'),
    rule('clauses.checklist', false, 'warn', 'The KB/PKS contains the expected clauses', 'The exact list of mandatory clauses is unverified [U §1.4]'),
    rule('term.max_years', false, 'warn', 'The term does not exceed the maximum number of years', 'KB often cited as at most 5 years [U §1.4]'),
    rule('implementation.start_date', true, 'block', 'Implementation starts on or after the start date', 'SIKERJA practice: start date reached [V S32]'),
    rule('amended.addendum', true, 'block', 'An amendment needs a signed addendum with a signatory for every legal party', 'Perubahan kerja sama by addendum [P S39]'),
    rule('ended.end_date', true, 'block', 'An agreement ends (selesai) once its end date has passed; earlier is an early termination', '"Berakhirnya KSDD" [P S12]; SIKERJA closes at the end date [V S32]'),
    rule('ended.final_report', true, 'warn', 'A final report (laporan akhir) is filed when the agreement ends', 'SIKERJA requires a final monev report [V S32]'),
    rule('reason.required', true, 'block', 'Rejecting, withdrawing, terminating early or expiring needs a reason (note)', 'SIKERJA and SIKAP practice: reason required [V S32, S34]'),
    rule('kb.expiry_without_pks', false, 'warn', 'A KB without a PKS expires after N days', 'Unverified rule [U §3.1 KEDALUWARSA]; no source gives a figure'),
    rule('reminders.end_date', true, 'warn', 'Reminders 90, 60, 30, 7 and 0 days before the end date', 'SIKERJA practice [V S32]'),
  ].map((entry) => [entry.id, entry]),
) as Record<RuleId, Rule>;

const KB_CLAUSES: readonly ClauseKey[] = ['identitas', 'dasar_hukum', 'maksud_tujuan', 'ruang_lingkup', 'pelaksanaan', 'jangka_waktu', 'keadaan_kahar', 'penyelesaian_perselisihan', 'perubahan', 'pengakhiran', 'penutup'];
const PKS_CLAUSES: readonly ClauseKey[] = [
  'identitas',
  'dasar_hukum',
  'maksud_tujuan',
  'ruang_lingkup',
  'hak_kewajiban',
  'pendanaan',
  'jangka_waktu',
  'keadaan_kahar',
  'penyelesaian_perselisihan',
  'perubahan',
  'pengakhiran',
  'monev_pelaporan',
  'penutup',
];

export const DEFAULT_RULE_PACK: RulePack = {
  rules: DEFAULT_RULES,
  maxTermYears: 5,
  dprdDeemedApprovalWorkingDays: 45,
  kbWithoutPksExpiryDays: 365,
  endReminderDays: [90, 60, 30, 7, 0],
  expectedClauses: { kb: KB_CLAUSES, nota_kesepakatan: KB_CLAUSES, pks: PKS_CLAUSES, addendum: ['identitas', 'dasar_hukum', 'perubahan', 'penutup'] },
};

/** The problems of a pack (an unconfirmed rule that blocks, a bad number); empty when it is sound. */
export function validateRulePack(pack: RulePack): string[] {
  const problems: string[] = [];
  for (const id of RULE_IDS) {
    const entry = pack.rules[id];
    if (!entry) problems.push(`${id}: missing`);
    else if (!entry.confirmed && entry.effect === 'block') problems.push(`${id}: not confirmed by its source, so it may only warn`);
  }
  if (!(pack.maxTermYears > 0)) problems.push('maxTermYears must be positive');
  if (!(pack.dprdDeemedApprovalWorkingDays > 0)) problems.push('dprdDeemedApprovalWorkingDays must be positive');
  if (!(pack.kbWithoutPksExpiryDays > 0)) problems.push('kbWithoutPksExpiryDays must be positive');
  if (pack.endReminderDays.some((days) => !Number.isInteger(days) || days < 0)) problems.push('endReminderDays must be whole days, 0 or more');
  return problems;
}
