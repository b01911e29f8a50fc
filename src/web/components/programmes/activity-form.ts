import type { Activity } from '../../../common/api/programmes.ts';
import type { ActivityStatus } from '../../../common/activity-status.ts';
import type { ActivityInput } from '../../api/programmes.ts';
import { parseRupiah } from '../agreements/format.ts';

/*
 * The activity form's state as people type it (text boxes), and its conversion into the API's
 * input: headcounts and rupiah parsed, empty boxes to null, each problem named by its field.
 */

export interface ParticipantRow {
  organisationCode: string;
  female: string;
  male: string;
}

export interface BudgetRow {
  source: 'apbd' | 'sponsor' | 'other';
  organisationCode: string;
  planned: string;
  actual: string;
}

export interface ActivityFormState {
  type: ActivityInput['type'];
  title: string;
  description: string;
  hostOrganisationCode: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  location: string;
  status: ActivityStatus;
  participants: ParticipantRow[];
  budget: BudgetRow[];
  outputs: string;
  lessons: string;
}

export type ActivityFormErrors = Partial<Record<'title' | 'hostOrganisationCode' | 'plannedStart' | 'plannedEnd' | `participants.${number}` | `budget.${number}`, 'required' | 'endBeforeStart' | 'headcount' | 'amount' | 'organisation'>>;

export function emptyActivity(hostOrganisationCode: string): ActivityFormState {
  return {
    type: 'study_visit',
    title: '',
    description: '',
    hostOrganisationCode,
    plannedStart: '',
    plannedEnd: '',
    actualStart: '',
    actualEnd: '',
    location: '',
    status: 'planned',
    participants: [],
    budget: [],
    outputs: '',
    lessons: '',
  };
}

/** The form state of a stored activity, for editing it. */
export function activityState(activity: Activity): ActivityFormState {
  return {
    type: activity.type,
    title: activity.title,
    description: activity.description ?? '',
    hostOrganisationCode: activity.host.code,
    plannedStart: activity.plannedStart,
    plannedEnd: activity.plannedEnd ?? '',
    actualStart: activity.actualStart ?? '',
    actualEnd: activity.actualEnd ?? '',
    location: activity.location ?? '',
    status: activity.status,
    participants: activity.participants.map((row) => ({ organisationCode: row.organisation.code, female: String(row.female), male: String(row.male) })),
    budget: activity.budget.map((line) => ({ source: line.source, organisationCode: line.organisation?.code ?? '', planned: String(line.planned), actual: line.actual === null ? '' : String(line.actual) })),
    outputs: activity.outputs ?? '',
    lessons: activity.lessons ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const HEADCOUNT = /^\d{1,6}$/;

/** The API input, or the problems that keep the form from being sent. */
export function toActivityInput(state: ActivityFormState): { input: ActivityInput } | { errors: ActivityFormErrors } {
  const errors: ActivityFormErrors = {};
  if (state.title.trim().length < 3) errors.title = 'required';
  if (!state.hostOrganisationCode) errors.hostOrganisationCode = 'required';
  if (!state.plannedStart) errors.plannedStart = 'required';
  if (state.plannedStart && state.plannedEnd && state.plannedEnd < state.plannedStart) errors.plannedEnd = 'endBeforeStart';
  state.participants.forEach((row, index) => {
    if (!row.organisationCode) errors[`participants.${index}`] = 'organisation';
    else if (!HEADCOUNT.test(row.female.trim() || '0') || !HEADCOUNT.test(row.male.trim() || '0')) errors[`participants.${index}`] = 'headcount';
  });
  const budget = state.budget.map((line, index) => {
    const planned = parseRupiah(line.planned);
    const actual = line.actual.trim() === '' ? null : parseRupiah(line.actual);
    if (planned === null || (line.actual.trim() !== '' && actual === null)) errors[`budget.${index}`] = 'amount';
    else if (line.source === 'apbd' && !line.organisationCode) errors[`budget.${index}`] = 'organisation';
    return { source: line.source, organisationCode: line.organisationCode || null, planned: planned ?? 0, actual };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      type: state.type,
      title: state.title.trim(),
      description: orNull(state.description),
      hostOrganisationCode: state.hostOrganisationCode,
      plannedStart: state.plannedStart,
      plannedEnd: state.plannedEnd || null,
      actualStart: state.actualStart || null,
      actualEnd: state.actualEnd || null,
      location: orNull(state.location),
      status: state.status,
      participants: state.participants.map((row) => ({ organisationCode: row.organisationCode, female: Number(row.female.trim() || '0'), male: Number(row.male.trim() || '0') })),
      budget,
      outputs: orNull(state.outputs),
      lessons: orNull(state.lessons),
    },
  };
}
