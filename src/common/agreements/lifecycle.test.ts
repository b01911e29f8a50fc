import { describe, expect, it } from 'vitest';
import { evaluateTransition, isTerminal, transitionOptions, type LifecycleSnapshot, type SnapshotDocument } from './lifecycle.ts';
import { DEFAULT_RULE_PACK, DEFAULT_RULES, type RulePack } from './rule-pack.ts';
import { AGREEMENT_STATUSES, CLAUSE_KEYS, type AgreementStatus } from './vocabulary.ts';

/**
 * The lifecycle, exhaustively: every ordered pair of states (allowed or forbidden, written out
 * here independently of TRANSITIONS), then every guard on its own and all at once.
 */
const ALLOWED = new Set([
  'draft>tkksd_review',
  'draft>kb_negotiation',
  'draft>kb_signed',
  'draft>withdrawn',
  'tkksd_review>draft',
  'tkksd_review>offer',
  'tkksd_review>kb_negotiation',
  'tkksd_review>rejected',
  'tkksd_review>withdrawn',
  'offer>kb_negotiation',
  'offer>rejected',
  'offer>withdrawn',
  'kb_negotiation>kb_signed',
  'kb_negotiation>rejected',
  'kb_negotiation>withdrawn',
  'kb_signed>awaiting_dprd',
  'kb_signed>pks_negotiation',
  'kb_signed>pks_signed',
  'kb_signed>expired',
  'kb_signed>terminated_early',
  'awaiting_dprd>pks_negotiation',
  'awaiting_dprd>rejected',
  'awaiting_dprd>withdrawn',
  'pks_negotiation>pks_signed',
  'pks_negotiation>withdrawn',
  'pks_negotiation>expired',
  'pks_signed>implementation',
  'pks_signed>terminated_early',
  'implementation>evaluation',
  'implementation>amended',
  'implementation>ended',
  'implementation>terminated_early',
  'evaluation>implementation',
  'evaluation>amended',
  'evaluation>ended',
  'evaluation>terminated_early',
  'amended>implementation',
  'amended>evaluation',
  'amended>ended',
  'amended>terminated_early',
]);
const SKIPS = new Set(['draft>kb_negotiation', 'draft>kb_signed', 'tkksd_review>kb_negotiation', 'kb_signed>pks_signed']);

const TODAY = '2026-11-28';
const KSB = { organisationId: 'ksb', name: 'Pemerintah Kabupaten Sumbawa Barat', kind: 'pemda' as const, partyNumber: 1 };
const BEKASI = { organisationId: 'bekasi', name: 'Pemerintah Kota Bekasi', kind: 'pemda' as const, partyNumber: 2 };

const BUPATI = { organisationId: 'ksb', name: 'Dr. Ir. H. W. Musyafirin, MM', position: 'Bupati Sumbawa Barat', capacity: 'kepala_daerah' as const, powerOfAttorneyDocumentId: null };
const WALI_KOTA = { organisationId: 'bekasi', name: 'Nama Wali Kota (contoh)', position: 'Wali Kota Bekasi', capacity: 'kepala_daerah' as const, powerOfAttorneyDocumentId: null };

function signedDocument(id: string, kind: SnapshotDocument['kind'], overrides: Partial<SnapshotDocument> = {}): SnapshotDocument {
  return {
    id,
    kind,
    title: `${kind.toUpperCase()} Sumbawa Barat–Bekasi`,
    signedOn: '2021-10-26',
    signatories: [BUPATI, WALI_KOTA],
    numberedBy: ['ksb', 'bekasi'],
    clauses: [...CLAUSE_KEYS],
    fileCount: 1,
    ...overrides,
  };
}

const SIGNED = [signedDocument('kb', 'kb'), signedDocument('pks', 'pks'), signedDocument('addendum', 'addendum')];
const DPRD_APPROVAL = { ...signedDocument('dprd', 'persetujuan_dprd'), signatories: [] };

/** An agreement that meets every guard (its funding needs, and has, DPRD approval) of every state, so only the graph decides. */
function ready(status: AgreementStatus, overrides: Partial<LifecycleSnapshot> = {}): LifecycleSnapshot {
  return {
    status,
    category: 'ksdd_sukarela',
    title: 'Twinning Program Sumbawa Barat–Bekasi',
    objectives: 'Meningkatkan derajat kesehatan dan kesejahteraan masyarakat',
    startDate: '2021-10-26',
    endDate: '2026-10-26',
    burdensPublic: false,
    unbudgeted: true,
    parties: [KSB, BEKASI],
    scopeItems: [{ label: 'Kesehatan', needsLegalReview: false }],
    documents: [...SIGNED, DPRD_APPROVAL, { ...signedDocument('laporan', 'laporan'), signatories: [] }],
    statusChangedOn: '2021-10-26',
    ...overrides,
  };
}

const context = { rules: DEFAULT_RULE_PACK, today: TODAY, note: 'Alasan tercatat' };
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

describe('the lifecycle graph: every ordered pair of states', () => {
  for (const from of AGREEMENT_STATUSES) {
    for (const to of AGREEMENT_STATUSES) {
      const key = `${from}>${to}`;
      if (ALLOWED.has(key)) {
        it(`allows ${from} → ${to}`, () => {
          const result = evaluateTransition(ready(from), to, context);
          expect(result.unmet).toEqual([]);
          expect(result.allowed).toBe(true);
          expect(codes(result.warnings)).toEqual(SKIPS.has(key) ? ['stage_skipped'] : []);
        });
      } else {
        it(`forbids ${from} → ${to}`, () => {
          const result = evaluateTransition(ready(from), to, context);
          expect(result.allowed).toBe(false);
          expect(codes(result.unmet)).toEqual(['illegal_transition']);
          expect(result.unmet[0]?.ruleId).toBe('lifecycle.graph');
        });
      }
    }
  }

  it('closes ended, terminated_early, rejected, withdrawn and expired, and only those', () => {
    expect(AGREEMENT_STATUSES.filter(isTerminal)).toEqual(['ended', 'terminated_early', 'rejected', 'withdrawn', 'expired']);
  });

  it('names where an agreement can go when the move is illegal', () => {
    expect(evaluateTransition(ready('draft'), 'implementation', context).unmet[0]?.message).toBe(
      'An agreement cannot move from draft to implementation; from draft it can move to tkksd_review, kb_negotiation, kb_signed, withdrawn',
    );
    expect(evaluateTransition(ready('ended'), 'implementation', context).unmet[0]?.message).toContain('nothing (it is closed)');
    expect(evaluateTransition(ready('draft'), 'draft', context).unmet[0]?.message).toBe('The agreement is already draft');
  });
});

describe('guards', () => {
  it('draft contents: title, objectives, scope items, two parties — every unmet reason at once', () => {
    const result = evaluateTransition(ready('draft', { title: ' ', objectives: '', scopeItems: [], parties: [KSB] }), 'tkksd_review', context);
    expect(result.allowed).toBe(false);
    expect(codes(result.unmet)).toEqual(['missing_title', 'missing_objectives', 'no_scope_items', 'too_few_parties']);
    for (const to of ['offer', 'kb_negotiation', 'kb_signed'] as const) {
      const from = to === 'offer' ? 'tkksd_review' : to === 'kb_signed' ? 'kb_negotiation' : 'offer';
      expect(codes(evaluateTransition(ready(from, { scopeItems: [] }), to, context).unmet)).toEqual(['no_scope_items']);
    }
  });

  it('KSDD parties must be pemda; other categories may have other parties', () => {
    const operator = { organisationId: 'op', name: 'Perumda Air Minum', kind: 'operator' as const, partyNumber: 2 };
    const ksdd = evaluateTransition(ready('draft', { parties: [KSB, operator] }), 'tkksd_review', context);
    expect(codes(ksdd.unmet)).toEqual(['party_not_pemda']);
    expect(ksdd.unmet[0]?.message).toBe('PIHAK 2 Perumda Air Minum is a operator; in a KSDD every legal party is a regional government (pemda)');
    expect(evaluateTransition(ready('draft', { parties: [KSB, operator], category: 'ksdpk' }), 'tkksd_review', context).allowed).toBe(true);
    expect(codes(evaluateTransition(ready('pks_negotiation', { parties: [KSB, operator], category: 'ksdd_wajib' }), 'pks_signed', context).unmet)).toContain('party_not_pemda');
  });

  it('scope items for legal review only warn', () => {
    const result = evaluateTransition(ready('draft', { scopeItems: [{ label: 'Ilmu Pengetahuan dan Teknologi', needsLegalReview: true }] }), 'tkksd_review', context);
    expect(result.allowed).toBe(true);
    expect(codes(result.warnings)).toEqual(['scope_needs_review']);
    expect(result.warnings[0]?.message).toContain('"Ilmu Pengetahuan dan Teknologi"');
  });

  it('KB signed needs a KB with a date and a signatory of every party', () => {
    expect(codes(evaluateTransition(ready('kb_negotiation', { documents: [] }), 'kb_signed', context).unmet)).toEqual(['no_signed_kb']);
    const undated = evaluateTransition(ready('kb_negotiation', { documents: [signedDocument('kb', 'kb', { signedOn: null })] }), 'kb_signed', context);
    expect(undated.unmet.map((finding) => finding.message)).toEqual(['KB "KB Sumbawa Barat–Bekasi" has no signing date']);
    const oneSigner = signedDocument('kb', 'kb');
    const half = evaluateTransition(ready('kb_negotiation', { documents: [{ ...oneSigner, signatories: oneSigner.signatories.slice(0, 1) }] }), 'kb_signed', context);
    expect(half.unmet.map((finding) => finding.message)).toEqual(['PIHAK 2 Pemerintah Kota Bekasi has no signatory on KB "KB Sumbawa Barat–Bekasi"']);
    expect(evaluateTransition(ready('kb_negotiation', { documents: [signedDocument('nk', 'nota_kesepakatan')] }), 'kb_signed', context).allowed).toBe(true);
  });

  it('a signed KB warns about missing numbers, file, names, clauses, a kuasa signing and an over-long term', () => {
    const kb = signedDocument('kb', 'kb', {
      numberedBy: ['ksb'],
      fileCount: 0,
      clauses: ['identitas'],
      signatories: [BUPATI, { ...WALI_KOTA, name: null, capacity: 'kuasa' }],
    });
    const result = evaluateTransition(ready('kb_negotiation', { documents: [kb], endDate: '2027-01-01' }), 'kb_signed', context);
    expect(result.allowed).toBe(true);
    expect(codes(result.warnings)).toEqual(['signatory_unnamed', 'kb_not_signed_by_kepala_daerah', 'numbers_missing', 'file_missing', 'clauses_missing', 'term_too_long']);
    expect(result.warnings.find((warning) => warning.code === 'term_too_long')?.ruleId).toBe('term.max_years');
  });

  it('a term of exactly the maximum is fine, including across 29 February', () => {
    expect(codes(evaluateTransition(ready('kb_negotiation', { startDate: '2020-02-29', endDate: '2025-02-28' }), 'kb_signed', context).warnings)).toEqual([]);
    expect(codes(evaluateTransition(ready('kb_negotiation', { startDate: '2020-02-29', endDate: '2025-03-01' }), 'kb_signed', context).warnings)).toEqual(['term_too_long']);
  });

  it('DPRD: awaiting_dprd only when required; PKS blocked until the approval document exists', () => {
    const budgeted = ready('kb_signed', { unbudgeted: false, documents: SIGNED });
    expect(codes(evaluateTransition(budgeted, 'awaiting_dprd', context).unmet)).toEqual(['dprd_not_required']);
    expect(evaluateTransition(budgeted, 'pks_negotiation', context).allowed).toBe(true);
    expect(evaluateTransition({ ...budgeted, burdensPublic: true }, 'awaiting_dprd', context).allowed).toBe(true);
    const needs = ready('kb_signed', { unbudgeted: false, burdensPublic: true, documents: SIGNED });
    expect(codes(evaluateTransition(needs, 'pks_negotiation', context).unmet)).toEqual(['dprd_approval_missing']);
    expect(codes(evaluateTransition(needs, 'pks_signed', context).unmet)).toEqual(['dprd_approval_missing']);
    const approved = ready('awaiting_dprd', { unbudgeted: false, burdensPublic: true, documents: [...SIGNED, DPRD_APPROVAL] });
    expect(evaluateTransition(approved, 'pks_negotiation', context).allowed).toBe(true);
  });

  it('DPRD timer (unconfirmed) only warns, and never lifts the block', () => {
    const waiting = ready('awaiting_dprd', { documents: SIGNED, statusChangedOn: '2026-09-01' });
    const result = evaluateTransition(waiting, 'pks_negotiation', context);
    expect(codes(result.unmet)).toEqual(['dprd_approval_missing']);
    expect(codes(result.warnings)).toEqual(['dprd_deemed_period_passed']);
    expect(codes(evaluateTransition({ ...waiting, statusChangedOn: '2026-11-20' }, 'pks_negotiation', context).warnings)).toEqual([]);
  });

  it('PKS signed needs a PKS signed for every party by the kepala daerah or a kuasa with a surat kuasa', () => {
    expect(codes(evaluateTransition(ready('pks_negotiation', { unbudgeted: false, documents: [signedDocument('kb', 'kb')] }), 'pks_signed', context).unmet)).toEqual(['no_signed_pks']);
    const base = signedDocument('pks', 'pks');
    const kuasa = { ...WALI_KOTA, name: 'Kepala Dinas (contoh)', capacity: 'kuasa' as const };
    const noLetter = evaluateTransition(ready('pks_negotiation', { unbudgeted: false, documents: [{ ...base, signatories: [BUPATI, kuasa] }] }), 'pks_signed', context);
    expect(codes(noLetter.unmet)).toEqual(['kuasa_without_surat_kuasa']);
    const letter = { ...signedDocument('sk', 'surat_kuasa'), signatories: [] };
    const withLetter = ready('pks_negotiation', { unbudgeted: false, documents: [letter, { ...base, signatories: [BUPATI, { ...kuasa, powerOfAttorneyDocumentId: 'sk' }] }] });
    expect(evaluateTransition(withLetter, 'pks_signed', context).allowed).toBe(true);
    const partner = evaluateTransition(ready('pks_negotiation', { unbudgeted: false, documents: [{ ...base, signatories: [BUPATI, { ...kuasa, capacity: 'pimpinan_mitra' }] }] }), 'pks_signed', context);
    expect(codes(partner.unmet)).toEqual(['signatory_capacity']);
  });

  it('Sinergi: a nota kesepakatan serves as KB and PKS', () => {
    const sinergi = ready('pks_negotiation', { category: 'sinergi', unbudgeted: false, documents: [signedDocument('nk', 'nota_kesepakatan')] });
    expect(evaluateTransition(sinergi, 'pks_signed', context).allowed).toBe(true);
  });

  it('implementation starts on or after the start date; an unknown start date and a missing PKS file only warn', () => {
    expect(codes(evaluateTransition(ready('pks_signed', { startDate: '2027-01-01', endDate: '2028-01-01' }), 'implementation', context).unmet)).toEqual(['start_date_future']);
    const unknown = evaluateTransition(ready('pks_signed', { startDate: null, documents: [signedDocument('pks', 'pks', { fileCount: 0 })] }), 'implementation', context);
    expect(unknown.allowed).toBe(true);
    expect(codes(unknown.warnings)).toEqual(['start_date_missing', 'file_missing']);
    expect(evaluateTransition(ready('evaluation', { startDate: '2027-01-01', endDate: '2028-01-01' }), 'implementation', context).allowed).toBe(true);
  });

  it('amended needs a signed addendum of every party', () => {
    expect(codes(evaluateTransition(ready('implementation', { documents: [] }), 'amended', context).unmet)).toEqual(['no_signed_addendum']);
    const half = signedDocument('add', 'addendum');
    expect(codes(evaluateTransition(ready('evaluation', { documents: [{ ...half, signatories: half.signatories.slice(1) }] }), 'amended', context).unmet)).toEqual(['addendum_party_unsigned']);
  });

  it('ended needs the end date passed; the final report only warns', () => {
    expect(codes(evaluateTransition(ready('implementation', { endDate: '2027-01-01' }), 'ended', context).unmet)).toEqual(['end_date_not_reached']);
    expect(codes(evaluateTransition(ready('implementation', { endDate: null }), 'ended', context).unmet)).toEqual(['end_date_missing']);
    const noReport = evaluateTransition(ready('implementation', { documents: [] }), 'ended', context);
    expect(noReport.allowed).toBe(true);
    expect(codes(noReport.warnings)).toEqual(['final_report_missing']);
  });

  it('rejecting, withdrawing, terminating early and expiring need a reason', () => {
    for (const [from, to] of [['tkksd_review', 'rejected'], ['draft', 'withdrawn'], ['implementation', 'terminated_early'], ['kb_signed', 'expired']] as const) {
      const result = evaluateTransition(ready(from), to, { ...context, note: '  ' });
      expect(codes(result.unmet), `${from} → ${to}`).toEqual(['note_required']);
    }
  });

  it('KB-without-PKS expiry (unconfirmed) only warns before the configured period', () => {
    const recent = ready('kb_signed', { documents: [signedDocument('kb', 'kb', { signedOn: '2026-06-01' })] });
    const result = evaluateTransition(recent, 'expired', context);
    expect(result.allowed).toBe(true);
    expect(codes(result.warnings)).toEqual(['kb_not_yet_expired']);
    expect(result.warnings[0]?.message).toContain('2027-06-01');
  });
});

describe('the rule pack decides what blocks', () => {
  it('a confirmed rule set to warn no longer blocks', () => {
    const lenient: RulePack = { ...DEFAULT_RULE_PACK, rules: { ...DEFAULT_RULES, 'ended.end_date': { ...DEFAULT_RULES['ended.end_date'], effect: 'warn' } } };
    const result = evaluateTransition(ready('implementation', { endDate: '2027-01-01' }), 'ended', { ...context, rules: lenient });
    expect(result.allowed).toBe(true);
    expect(codes(result.warnings)).toEqual(['end_date_not_reached']);
  });

  it('the parameters are configurable', () => {
    const strict: RulePack = { ...DEFAULT_RULE_PACK, maxTermYears: 2 };
    expect(codes(evaluateTransition(ready('kb_negotiation'), 'kb_signed', { ...context, rules: strict }).warnings)).toEqual(['term_too_long']);
  });
});

describe('transition options', () => {
  it('lists every move the graph allows, evaluated, and which need a note', () => {
    const options = transitionOptions(ready('kb_signed', { documents: SIGNED }), { rules: DEFAULT_RULE_PACK, today: TODAY });
    expect(options.map((option) => [option.to, option.allowed, option.noteRequired, codes(option.unmet)])).toEqual([
      ['awaiting_dprd', true, false, []],
      ['pks_negotiation', false, false, ['dprd_approval_missing']],
      ['pks_signed', false, false, ['dprd_approval_missing']],
      ['expired', true, true, []],
      ['terminated_early', true, true, []],
    ]);
  });
});
