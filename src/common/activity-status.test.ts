import { describe, expect, it } from 'vitest';
import { ACTIVITY_STATUSES, activityMoves, activityProblems, displayStatus, dueDate, isOverdue, type ActivityDates, type ActivityStatus } from './activity-status.ts';

const TODAY = '2026-11-28';
/** Dates that satisfy each status, so a move test fails only on the move itself. */
const DATES: Record<ActivityStatus, Omit<ActivityDates, 'status'>> = {
  planned: { plannedStart: '2026-12-01', plannedEnd: '2026-12-03', actualStart: null, actualEnd: null },
  ongoing: { plannedStart: '2026-11-20', plannedEnd: '2026-12-03', actualStart: '2026-11-21', actualEnd: null },
  done: { plannedStart: '2026-11-01', plannedEnd: '2026-11-03', actualStart: '2026-11-01', actualEnd: '2026-11-04' },
  cancelled: { plannedStart: '2026-12-01', plannedEnd: null, actualStart: null, actualEnd: null },
};
const ALLOWED: Record<ActivityStatus, ActivityStatus[]> = { planned: ['ongoing', 'done', 'cancelled'], ongoing: ['done', 'cancelled'], done: [], cancelled: ['planned'] };

describe('activity status', () => {
  for (const from of ACTIVITY_STATUSES) {
    for (const to of ACTIVITY_STATUSES) {
      const allowed = from === to || ALLOWED[from].includes(to);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const problems = activityProblems({ status: to, ...DATES[to] }, from, TODAY);
        if (allowed) expect(problems).toEqual([]);
        else expect(problems).toEqual([expect.stringMatching(new RegExp(`^status: a ${from} activity cannot become ${to}; allowed: `))]);
      });
    }
  }

  it('lists the moves, done being final', () => {
    expect(ACTIVITY_STATUSES.map((status) => activityMoves(status))).toEqual([['ongoing', 'done', 'cancelled'], ['done', 'cancelled'], [], ['planned']]);
    expect(activityProblems({ status: 'ongoing', ...DATES.ongoing }, 'done', TODAY)[0]).toBe('status: a done activity cannot become ongoing; allowed: none (done is final)');
  });

  it('creates an activity as planned or as done (recorded afterwards), never ongoing or cancelled', () => {
    expect(activityProblems({ status: 'planned', ...DATES.planned }, null, TODAY)).toEqual([]);
    expect(activityProblems({ status: 'done', ...DATES.done }, null, TODAY)).toEqual([]);
    expect(activityProblems({ status: 'ongoing', ...DATES.ongoing }, null, TODAY)).toEqual(['status: a new activity is planned (or recorded as done), not ongoing']);
    expect(activityProblems({ status: 'cancelled', ...DATES.cancelled }, null, TODAY)).toEqual(['status: a new activity is planned (or recorded as done), not cancelled']);
  });

  it('names every date problem with its field', () => {
    expect(activityProblems({ status: 'planned', plannedStart: '2026-12-05', plannedEnd: '2026-12-01', actualStart: null, actualEnd: null }, null, TODAY)).toEqual([
      'plannedEnd: 2026-12-01 is before plannedStart 2026-12-05',
    ]);
    expect(activityProblems({ status: 'done', plannedStart: '2026-11-01', plannedEnd: null, actualStart: null, actualEnd: '2026-11-02' }, 'planned', TODAY)).toEqual([
      'actualStart: give the actual start with the actual end',
      'actualStart, actualEnd: a done activity needs the dates it actually ran',
    ]);
    expect(activityProblems({ status: 'done', plannedStart: '2026-11-01', plannedEnd: null, actualStart: '2026-11-05', actualEnd: '2026-11-02' }, 'ongoing', TODAY)).toEqual([
      'actualEnd: 2026-11-02 is before actualStart 2026-11-05',
    ]);
    expect(activityProblems({ status: 'ongoing', plannedStart: '2026-11-01', plannedEnd: null, actualStart: '2026-11-29', actualEnd: null }, 'planned', TODAY)).toEqual([
      'actualStart: 2026-11-29 is in the future; it is a planned date until it happens',
    ]);
    expect(activityProblems({ status: 'done', plannedStart: '2026-11-01', plannedEnd: null, actualStart: '2026-11-20', actualEnd: '2026-12-01' }, 'ongoing', TODAY)).toEqual(['actualEnd: 2026-12-01 is in the future']);
    expect(activityProblems({ status: 'ongoing', plannedStart: '2026-11-01', plannedEnd: null, actualStart: null, actualEnd: null }, 'planned', TODAY)).toEqual([
      'actualStart: an ongoing activity has started; give the date it started',
    ]);
    expect(activityProblems({ status: 'planned', plannedStart: '2026-11-01', plannedEnd: null, actualStart: '2026-11-01', actualEnd: null }, 'planned', TODAY)).toEqual([
      'status: an activity with actual dates is ongoing or done, not planned',
    ]);
  });

  it('derives overdue from the planned end (or start), for planned and ongoing activities only', () => {
    const late: Omit<ActivityDates, 'status'> = { plannedStart: '2026-11-01', plannedEnd: '2026-11-27', actualStart: null, actualEnd: null };
    expect(dueDate(late)).toBe('2026-11-27');
    expect(dueDate({ plannedStart: '2026-11-01', plannedEnd: null })).toBe('2026-11-01');
    expect(displayStatus({ status: 'planned', ...late }, TODAY)).toBe('overdue');
    expect(displayStatus({ status: 'ongoing', ...late, actualStart: '2026-11-02' }, TODAY)).toBe('overdue');
    expect(displayStatus({ status: 'done', ...late }, TODAY)).toBe('done');
    expect(displayStatus({ status: 'cancelled', ...late }, TODAY)).toBe('cancelled');
    expect(isOverdue({ status: 'planned', ...late, plannedEnd: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'planned', ...late, plannedEnd: null, plannedStart: '2026-11-27' }, TODAY)).toBe(true);
  });
});
