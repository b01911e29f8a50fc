/**
 * Work-plan activities: their stored status, the moves between statuses, the date rules, and the
 * derived "overdue" shown to users. Pure: dates are ISO `YYYY-MM-DD` strings and "today" is given.
 *
 *   planned ──▶ ongoing ──▶ done
 *      │  ▲        │
 *      ▼  │        ▼
 *    cancelled ◀───┘          (a cancelled activity may be planned again; done is final)
 *
 * Overdue is never stored: an activity that is planned or ongoing after its planned end date
 * (its planned start when it has no end) is overdue, until it is done or cancelled.
 */
export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type ActivityDisplayStatus = ActivityStatus | 'overdue';

const MOVES: Record<ActivityStatus, readonly ActivityStatus[]> = {
  planned: ['ongoing', 'done', 'cancelled'],
  ongoing: ['done', 'cancelled'],
  done: [],
  cancelled: ['planned'],
};

export function activityMoves(from: ActivityStatus): readonly ActivityStatus[] {
  return MOVES[from];
}

export interface ActivityDates {
  status: ActivityStatus;
  plannedStart: string;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

/** The date by which the activity should be over: its planned end, or its planned start. */
export function dueDate(activity: Pick<ActivityDates, 'plannedStart' | 'plannedEnd'>): string {
  return activity.plannedEnd ?? activity.plannedStart;
}

export function isOverdue(activity: ActivityDates, today: string): boolean {
  return (activity.status === 'planned' || activity.status === 'ongoing') && dueDate(activity) < today;
}

export function displayStatus(activity: ActivityDates, today: string): ActivityDisplayStatus {
  return isOverdue(activity, today) ? 'overdue' : activity.status;
}

/**
 * Every problem with an activity's status and dates, each naming its field; empty when fine.
 * `previous` is the stored status before this change (null for a new activity).
 */
export function activityProblems(next: ActivityDates, previous: ActivityStatus | null, today: string): string[] {
  const problems: string[] = [];
  if (previous === null && next.status !== 'planned' && next.status !== 'done') {
    problems.push(`status: a new activity is planned (or recorded as done), not ${next.status}`);
  }
  if (previous !== null && previous !== next.status && !MOVES[previous].includes(next.status)) {
    const allowed = MOVES[previous];
    problems.push(`status: a ${previous} activity cannot become ${next.status}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (done is final)'}`);
  }
  if (next.plannedEnd !== null && next.plannedEnd < next.plannedStart) problems.push(`plannedEnd: ${next.plannedEnd} is before plannedStart ${next.plannedStart}`);
  if (next.actualEnd !== null && next.actualStart === null) problems.push('actualStart: give the actual start with the actual end');
  if (next.actualStart !== null && next.actualEnd !== null && next.actualEnd < next.actualStart) problems.push(`actualEnd: ${next.actualEnd} is before actualStart ${next.actualStart}`);
  if (next.actualStart !== null && next.actualStart > today) problems.push(`actualStart: ${next.actualStart} is in the future; it is a planned date until it happens`);
  if (next.actualEnd !== null && next.actualEnd > today) problems.push(`actualEnd: ${next.actualEnd} is in the future`);
  if (next.status === 'ongoing' && next.actualStart === null) problems.push('actualStart: an ongoing activity has started; give the date it started');
  if (next.status === 'done' && (next.actualStart === null || next.actualEnd === null)) problems.push('actualStart, actualEnd: a done activity needs the dates it actually ran');
  if (next.status === 'planned' && (next.actualStart !== null || next.actualEnd !== null)) problems.push('status: an activity with actual dates is ongoing or done, not planned');
  return problems;
}
