/**
 * The twinning method as a stage machine, on top of an agreement. Pure: no I/O.
 *
 * FORKALIM's method (UNICEF, Setiabudi 2021: identification → diagnostic → MoU → implementation →
 * M&E by the mentor) joined with GWOPA/WaterLinks practice (a work plan with learning and process
 * targets, then implementation and regular monitoring with corrective measures) and the replication
 * step Kembar exists for (research/kerjasama-twinning.md §2.1, §2.2, §3.2):
 *
 *   identification → diagnostic → work_plan → implementation ⇄ monitoring_evaluation → closure → replication
 *
 * Besides the forward steps: diagnostic, work plan and implementation may step back one stage
 * (revise before going on); monitoring and evaluation may send the programme back to the work plan
 * (corrective measures); any open stage may close early (the agreement ended or was terminated),
 * which needs a note. Replication is the last stage: the closed programme's plan is reused by new pairs.
 */
export const PROGRAMME_STAGES = ['identification', 'diagnostic', 'work_plan', 'implementation', 'monitoring_evaluation', 'closure', 'replication'] as const;
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];

const FORWARD: Record<ProgrammeStage, ProgrammeStage | null> = {
  identification: 'diagnostic',
  diagnostic: 'work_plan',
  work_plan: 'implementation',
  implementation: 'monitoring_evaluation',
  monitoring_evaluation: 'closure',
  closure: 'replication',
  replication: null,
};

const BACK: Record<ProgrammeStage, readonly ProgrammeStage[]> = {
  identification: [],
  diagnostic: ['identification'],
  work_plan: ['diagnostic'],
  implementation: ['work_plan'],
  // The periodic M&E cycle: back to implementation, or to the work plan for corrective measures.
  monitoring_evaluation: ['implementation', 'work_plan'],
  closure: [],
  replication: [],
};

/** Stages that may close early (before M&E has run its course). */
const OPEN: ReadonlySet<ProgrammeStage> = new Set(['identification', 'diagnostic', 'work_plan', 'implementation']);

/** Every stage reachable from `from` in one move, forward first. */
export function stageMoves(from: ProgrammeStage): ProgrammeStage[] {
  const moves: ProgrammeStage[] = [];
  const forward = FORWARD[from];
  if (forward) moves.push(forward);
  moves.push(...BACK[from]);
  if (OPEN.has(from)) moves.push('closure');
  return moves;
}

export function isStageMove(from: ProgrammeStage, to: ProgrammeStage): boolean {
  return stageMoves(from).includes(to);
}

/** What the service knows about the programme when a move is asked for. */
export interface StageFacts {
  /** Activities in the work plan that are not cancelled. */
  plannedActivities: number;
  /** Indicators in the results framework. */
  indicators: number;
  /** Whether the legal agreement is in implementation (PKS signed); null when unknown. */
  agreementInImplementation: boolean | null;
  note: string | null;
}

export interface StageDecision {
  /** Reasons the move is refused (all of them); empty when it is allowed. */
  unmet: string[];
  /** Reasons to look again that do not block (rules the sources could not confirm). */
  warnings: string[];
}

/**
 * Checks a move: illegal moves and unmet guards are reasons to refuse; the legal-agreement check is
 * only a warning, because the research marks it as an inference [I], and pre-agreement activities
 * (scoping visits, webinars) are normal in FORKALIM practice.
 */
export function decideStageMove(from: ProgrammeStage, to: ProgrammeStage, facts: StageFacts): StageDecision {
  if (!isStageMove(from, to)) {
    const allowed = stageMoves(from);
    return { unmet: [`a programme in ${from} cannot move to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (last stage)'}`], warnings: [] };
  }
  const unmet: string[] = [];
  const warnings: string[] = [];
  const early = to === 'closure' && OPEN.has(from);
  if (early && !facts.note?.trim()) unmet.push('closing before monitoring and evaluation needs a note saying why');
  if (to === 'implementation' && from === 'work_plan') {
    if (facts.plannedActivities === 0) unmet.push('the work plan has no activity: plan at least one before implementation');
    if (facts.agreementInImplementation === false) warnings.push('the agreement is not yet in implementation (PKS signed); only pre-agreement activities should spend money');
  }
  if (to === 'monitoring_evaluation' && facts.indicators === 0) unmet.push('the results framework has no indicator: monitoring needs at least one');
  return { unmet, warnings };
}
