import { describe, expect, it } from 'vitest';
import { actionsFrom, decideUpdateAction, isEditable, UPDATE_ACTIONS, UPDATE_STATUSES, type UpdateActor, type UpdateFacts, type UpdateStatus } from './result-update-workflow.ts';

// Parties: KSB (52.07) and Kota Bekasi (32.75) of the founding agreement; a third region's coordinator belongs to neither.
const submitter: UpdateActor = { userId: 'u-ksb-officer', isAdmin: false, isCoordinator: false, maySubmit: true, partyId: 'party-ksb' };
const partnerCoordinator: UpdateActor = { userId: 'u-bekasi-coord', isAdmin: false, isCoordinator: true, maySubmit: true, partyId: 'party-bekasi' };
const ownCoordinator: UpdateActor = { userId: 'u-ksb-coord', isAdmin: false, isCoordinator: true, maySubmit: true, partyId: 'party-ksb' };
const thirdRegionCoordinator: UpdateActor = { userId: 'u-other-coord', isAdmin: false, isCoordinator: true, maySubmit: false, partyId: null };
const admin: UpdateActor = { userId: 'u-admin', isAdmin: true, isCoordinator: false, maySubmit: true, partyId: null };
const outsider: UpdateActor = { ...submitter, userId: 'u-x', maySubmit: false, partyId: null };

const facts = (status: UpdateStatus, extra: Partial<UpdateFacts> = {}): UpdateFacts => ({
  status,
  periodLocked: false,
  submittedBy: status === 'draft' ? null : submitter.userId,
  submitterPartyId: status === 'draft' ? null : 'party-ksb',
  comment: 'perbaiki angka',
  ...extra,
});

/** The state machine, written out by hand. */
const EXPECTED_TO: Record<UpdateStatus, Partial<Record<(typeof UPDATE_ACTIONS)[number], UpdateStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { return: 'returned', approve: 'approved' },
  returned: { submit: 'submitted' },
  approved: {},
};

describe('result-update workflow', () => {
  for (const status of UPDATE_STATUSES) {
    for (const action of UPDATE_ACTIONS) {
      const to = EXPECTED_TO[status][action];
      it(`${status} --${action}--> ${to ?? 'refused (409)'}`, () => {
        const actor = action === 'submit' ? submitter : partnerCoordinator;
        const decision = decideUpdateAction(action, actor, facts(status));
        if (to) expect(decision).toEqual({ ok: true, to });
        else expect(decision).toMatchObject({ ok: false, kind: 'conflict' });
      });
    }
  }

  it('lists the actions each status allows and which statuses are editable', () => {
    expect(UPDATE_STATUSES.map((status) => [status, actionsFrom(status), isEditable(status)])).toEqual([
      ['draft', ['submit'], true],
      ['submitted', ['return', 'approve'], false],
      ['returned', ['submit'], true],
      ['approved', [], false],
    ]);
    expect(decideUpdateAction('submit', submitter, facts('approved'))).toEqual({ ok: false, kind: 'conflict', message: 'an update that is approved cannot be submitted; allowed: none (approved is final)' });
  });

  it("lets the partner's coordinator approve and return, with a comment to return", () => {
    expect(decideUpdateAction('approve', partnerCoordinator, facts('submitted', { comment: null }))).toEqual({ ok: true, to: 'approved' });
    expect(decideUpdateAction('return', partnerCoordinator, facts('submitted', { comment: ' ' }))).toEqual({ ok: false, kind: 'invalid', message: 'comment: say what to revise when returning an update' });
  });

  it('refuses the submitter, their own party, a third region, a non-coordinator; an admin may review others', () => {
    for (const action of ['approve', 'return'] as const) {
      expect(decideUpdateAction(action, { ...submitter, isCoordinator: true }, facts('submitted'))).toEqual({ ok: false, kind: 'forbidden', message: 'you submitted this update: another party must review it' });
      expect(decideUpdateAction(action, ownCoordinator, facts('submitted'))).toMatchObject({ ok: false, kind: 'forbidden', message: expect.stringContaining('your own party') });
      expect(decideUpdateAction(action, thirdRegionCoordinator, facts('submitted'))).toMatchObject({ ok: false, kind: 'forbidden', message: expect.stringContaining('coordinator of a party') });
      expect(decideUpdateAction(action, { ...partnerCoordinator, isCoordinator: false }, facts('submitted'))).toMatchObject({ ok: false, kind: 'forbidden' });
      expect(decideUpdateAction(action, admin, facts('submitted'))).toMatchObject({ ok: true });
      expect(decideUpdateAction(action, admin, facts('submitted', { submittedBy: admin.userId }))).toMatchObject({ ok: false, kind: 'forbidden' });
    }
  });

  it('lets any party coordinator review an update submitted by a non-party (a facilitator)', () => {
    expect(decideUpdateAction('approve', ownCoordinator, facts('submitted', { submittedBy: 'u-forkalim', submitterPartyId: null }))).toEqual({ ok: true, to: 'approved' });
  });

  it('lets only participants submit', () => {
    expect(decideUpdateAction('submit', outsider, facts('draft'))).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(decideUpdateAction('submit', submitter, facts('returned'))).toEqual({ ok: true, to: 'submitted' });
  });

  it('refuses every step on a locked period, before anything else', () => {
    for (const status of UPDATE_STATUSES) {
      for (const action of UPDATE_ACTIONS) {
        expect(decideUpdateAction(action, admin, facts(status, { periodLocked: true }))).toEqual({ ok: false, kind: 'conflict', message: 'the period is locked: its updates can no longer change' });
      }
    }
  });
});
