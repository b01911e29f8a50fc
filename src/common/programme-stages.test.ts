import { describe, expect, it } from 'vitest';
import { decideStageMove, isStageMove, PROGRAMME_STAGES, stageMoves, type ProgrammeStage, type StageFacts } from './programme-stages.ts';

/** Every allowed move, written out by hand from the method (FORKALIM + GWOPA); everything else is refused. */
const ALLOWED: Record<ProgrammeStage, ProgrammeStage[]> = {
  identification: ['diagnostic', 'closure'],
  diagnostic: ['work_plan', 'identification', 'closure'],
  work_plan: ['implementation', 'diagnostic', 'closure'],
  implementation: ['monitoring_evaluation', 'work_plan', 'closure'],
  monitoring_evaluation: ['closure', 'implementation', 'work_plan'],
  closure: ['replication'],
  replication: [],
};

const READY: StageFacts = { plannedActivities: 2, indicators: 1, agreementInImplementation: true, note: 'alasan' };

describe('programme stages', () => {
  it('runs the method in order: identification → … → replication', () => {
    expect(PROGRAMME_STAGES).toEqual(['identification', 'diagnostic', 'work_plan', 'implementation', 'monitoring_evaluation', 'closure', 'replication']);
    for (let index = 0; index < PROGRAMME_STAGES.length - 1; index += 1) {
      expect(stageMoves(PROGRAMME_STAGES[index] as ProgrammeStage)[0]).toBe(PROGRAMME_STAGES[index + 1]);
    }
  });

  for (const from of PROGRAMME_STAGES) {
    for (const to of PROGRAMME_STAGES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(isStageMove(from, to)).toBe(allowed);
        const decision = decideStageMove(from, to, READY);
        if (allowed) expect(decision.unmet).toEqual([]);
        else expect(decision.unmet).toEqual([expect.stringContaining(`a programme in ${from} cannot move to ${to}; allowed: `)]);
      });
    }
  }

  it('names the allowed moves when refusing, and says when there are none', () => {
    expect(decideStageMove('closure', 'implementation', READY).unmet[0]).toBe('a programme in closure cannot move to implementation; allowed: replication');
    expect(decideStageMove('replication', 'closure', READY).unmet[0]).toBe('a programme in replication cannot move to closure; allowed: none (last stage)');
  });

  it('needs an activity in the work plan before implementation', () => {
    expect(decideStageMove('work_plan', 'implementation', { ...READY, plannedActivities: 0 }).unmet).toEqual([
      'the work plan has no activity: plan at least one before implementation',
    ]);
  });

  it('warns, without refusing, when the agreement is not in implementation yet', () => {
    const decision = decideStageMove('work_plan', 'implementation', { ...READY, agreementInImplementation: false });
    expect(decision.unmet).toEqual([]);
    expect(decision.warnings).toEqual([expect.stringContaining('not yet in implementation')]);
    expect(decideStageMove('work_plan', 'implementation', { ...READY, agreementInImplementation: null }).warnings).toEqual([]);
  });

  it('needs an indicator before monitoring and evaluation, from either side', () => {
    expect(decideStageMove('implementation', 'monitoring_evaluation', { ...READY, indicators: 0 }).unmet).toEqual([
      'the results framework has no indicator: monitoring needs at least one',
    ]);
  });

  it('closes early only with a note; closing after M&E needs none', () => {
    for (const from of ['identification', 'diagnostic', 'work_plan', 'implementation'] as const) {
      expect(decideStageMove(from, 'closure', { ...READY, note: '  ' }).unmet).toEqual(['closing before monitoring and evaluation needs a note saying why']);
      expect(decideStageMove(from, 'closure', { ...READY, note: null }).unmet).toHaveLength(1);
    }
    expect(decideStageMove('monitoring_evaluation', 'closure', { ...READY, note: null }).unmet).toEqual([]);
  });

  it('reports every unmet guard together', () => {
    const decision = decideStageMove('work_plan', 'implementation', { plannedActivities: 0, indicators: 0, agreementInImplementation: false, note: null });
    expect(decision.unmet).toHaveLength(1);
    expect(decision.warnings).toHaveLength(1);
  });
});
