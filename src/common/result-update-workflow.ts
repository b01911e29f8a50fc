/**
 * The result-update workflow (Akvo RSR's draft → pending → revision → approved, research
 * anchor-platforms.md §1 and kerjasama-twinning.md §4). Pure: no I/O.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *                        │  ▲
 *                  return│  │submit
 *                        ▼  │
 *                      returned
 *
 * Who: anyone who may submit results for the agreement edits and submits drafts and returned
 * updates. A submitted update is reviewed (returned or approved) by an admin or by a coordinator of
 * a legal party OTHER than the submitter's: in a twinning the partner confirms the result. Nobody
 * reviews an update they submitted themselves. Returning needs a comment saying what to revise.
 * Approved is final: it is what the period's actual is computed from. A locked period takes no
 * change at all.
 */
export const UPDATE_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const UPDATE_ACTIONS = ['submit', 'return', 'approve'] as const;
export type UpdateAction = (typeof UPDATE_ACTIONS)[number];

const MOVES: Record<UpdateAction, { from: readonly UpdateStatus[]; to: UpdateStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
};

/** Statuses in which the value, narrative and evidence may still be edited. */
export function isEditable(status: UpdateStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** The actions the workflow allows from a status (before asking who is acting). */
export function actionsFrom(status: UpdateStatus): UpdateAction[] {
  return UPDATE_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** The acting user as the workflow sees them. */
export interface UpdateActor {
  userId: string;
  isAdmin: boolean;
  isCoordinator: boolean;
  /** May submit results for this agreement (participant with an editing role, or admin). */
  maySubmit: boolean;
  /** The legal party of the agreement the user belongs to (organisation or area), or null. */
  partyId: string | null;
}

export interface UpdateFacts {
  status: UpdateStatus;
  periodLocked: boolean;
  /** Who submitted it last, and their party; null while it was never submitted. */
  submittedBy: string | null;
  submitterPartyId: string | null;
  comment: string | null;
}

export type UpdateDecision =
  | { ok: true; to: UpdateStatus }
  | { ok: false; kind: 'conflict' | 'forbidden' | 'invalid'; message: string };

/** Decides one workflow step: the state machine first, then who may take it, then its input. */
export function decideUpdateAction(action: UpdateAction, actor: UpdateActor, facts: UpdateFacts): UpdateDecision {
  if (facts.periodLocked) return { ok: false, kind: 'conflict', message: 'the period is locked: its updates can no longer change' };
  const move = MOVES[action];
  if (!move.from.includes(facts.status)) {
    const allowed = actionsFrom(facts.status);
    return { ok: false, kind: 'conflict', message: `an update that is ${facts.status} cannot be ${PAST[action]}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (approved is final)'}` };
  }
  if (action === 'submit') {
    return actor.maySubmit ? { ok: true, to: move.to } : { ok: false, kind: 'forbidden', message: 'only participants of the agreement may submit its results' };
  }
  const refusal = reviewRefusal(actor, facts);
  if (refusal) return { ok: false, kind: 'forbidden', message: refusal };
  if (action === 'return' && !facts.comment?.trim()) return { ok: false, kind: 'invalid', message: 'comment: say what to revise when returning an update' };
  return { ok: true, to: move.to };
}

/** Why this actor may not review this update, or null when they may. */
export function reviewRefusal(actor: UpdateActor, facts: Pick<UpdateFacts, 'submittedBy' | 'submitterPartyId'>): string | null {
  if (facts.submittedBy !== null && facts.submittedBy === actor.userId) return 'you submitted this update: another party must review it';
  if (actor.isAdmin) return null;
  if (!actor.isCoordinator) return 'only a coordinator of a party to the agreement (or an admin) may review updates';
  if (actor.partyId === null) return 'only a coordinator of a party to the agreement may review its updates';
  if (actor.partyId === facts.submitterPartyId) return "the update comes from your own party: the partner's coordinator reviews it";
  return null;
}

const PAST: Record<UpdateAction, string> = { submit: 'submitted', return: 'returned', approve: 'approved' };
