import type { Kysely } from 'kysely';
import type { ActivityStatus } from '../../common/activity-status.ts';
import type { Schema } from '../db/schema.ts';
import { isoDate, isoDateOrNull } from './programmes.repo.ts';

type ActivityType = Schema['activity']['type'];
type BudgetSource = Schema['activity_budget_line']['source'];
type OrganisationRef = { id: string; code: string; name: string };

export interface ActivityRow {
  id: string;
  programmeId: string;
  agreementId: string;
  type: ActivityType;
  title: string;
  description: string | null;
  host: OrganisationRef;
  plannedStart: string;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  location: string | null;
  status: ActivityStatus;
  outputs: string | null;
  lessons: string | null;
  participants: { organisation: OrganisationRef; female: number; male: number }[];
  budget: { source: BudgetSource; organisation: OrganisationRef | null; planned: number; actual: number | null; note: string | null }[];
  evidenceCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields an activity is written with (organisations already resolved to ids). */
export interface ActivityWrite {
  type: ActivityType;
  title: string;
  description: string | null;
  hostOrganisationId: string;
  plannedStart: string;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  location: string | null;
  status: ActivityStatus;
  outputs: string | null;
  lessons: string | null;
  participants: { organisationId: string; female: number; male: number }[];
  budget: { source: BudgetSource; organisationId: string | null; planned: number; actual: number | null; note: string | null }[];
}

/** Activities of one programme (or one activity), with their host, participants, budget and evidence count. */
export async function listActivities(db: Kysely<Schema>, where: { programmeId?: string; activityId?: string }): Promise<ActivityRow[]> {
  let query = db
    .selectFrom('activity as a')
    .innerJoin('programme as p', 'p.id', 'a.programme_id')
    .innerJoin('organisation as h', 'h.id', 'a.host_organisation_id')
    .select((eb) => [
      'a.id',
      'a.programme_id',
      'p.agreement_id',
      'a.type',
      'a.title',
      'a.description',
      'h.id as host_id',
      'h.code as host_code',
      'h.name as host_name',
      isoDate('a.planned_start').as('planned_start'),
      isoDateOrNull('a.planned_end').as('planned_end'),
      isoDateOrNull('a.actual_start').as('actual_start'),
      isoDateOrNull('a.actual_end').as('actual_end'),
      'a.location',
      'a.status',
      'a.outputs',
      'a.lessons',
      'a.created_at',
      'a.updated_at',
      eb.selectFrom('activity_evidence as e').whereRef('e.activity_id', '=', 'a.id').select((inner) => inner.fn.countAll<number>().as('n')).as('evidence_count'),
    ])
    .orderBy('a.planned_start')
    .orderBy('a.created_at');
  if (where.programmeId) query = query.where('a.programme_id', '=', where.programmeId);
  if (where.activityId) query = query.where('a.id', '=', where.activityId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const participants = await db
    .selectFrom('activity_participant as ap')
    .innerJoin('organisation as o', 'o.id', 'ap.organisation_id')
    .select(['ap.activity_id', 'o.id', 'o.code', 'o.name', 'ap.female', 'ap.male'])
    .where('ap.activity_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  const budget = await db
    .selectFrom('activity_budget_line as b')
    .leftJoin('organisation as o', 'o.id', 'b.organisation_id')
    .select(['b.activity_id', 'b.source', 'o.id as organisation_id', 'o.code', 'o.name', 'b.planned', 'b.actual', 'b.note'])
    .where('b.activity_id', 'in', ids)
    .orderBy('b.position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    programmeId: row.programme_id,
    agreementId: row.agreement_id,
    type: row.type,
    title: row.title,
    description: row.description,
    host: { id: row.host_id, code: row.host_code, name: row.host_name },
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    location: row.location,
    status: row.status,
    outputs: row.outputs,
    lessons: row.lessons,
    participants: participants
      .filter((participant) => participant.activity_id === row.id)
      .map((participant) => ({ organisation: { id: participant.id, code: participant.code, name: participant.name }, female: participant.female, male: participant.male })),
    budget: budget
      .filter((line) => line.activity_id === row.id)
      .map((line) => ({
        source: line.source,
        organisation: line.organisation_id && line.code && line.name ? { id: line.organisation_id, code: line.code, name: line.name } : null,
        planned: Number(line.planned),
        actual: line.actual === null ? null : Number(line.actual),
        note: line.note,
      })),
    evidenceCount: Number(row.evidence_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function insertActivity(db: Kysely<Schema>, programmeId: string, write: ActivityWrite, createdBy: string | null): Promise<string> {
  const row = await db
    .insertInto('activity')
    .values({ programme_id: programmeId, ...columns(write), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceLists(db, row.id, write);
  return row.id;
}

export async function updateActivity(db: Kysely<Schema>, id: string, write: ActivityWrite, lists: { participants: boolean; budget: boolean }): Promise<void> {
  await db.updateTable('activity').set({ ...columns(write), updated_at: new Date() }).where('id', '=', id).execute();
  await replaceLists(db, id, write, lists);
}

function columns(write: ActivityWrite) {
  return {
    type: write.type,
    title: write.title,
    description: write.description,
    host_organisation_id: write.hostOrganisationId,
    planned_start: write.plannedStart,
    planned_end: write.plannedEnd,
    actual_start: write.actualStart,
    actual_end: write.actualEnd,
    location: write.location,
    status: write.status,
    outputs: write.outputs,
    lessons: write.lessons,
  };
}

async function replaceLists(db: Kysely<Schema>, activityId: string, write: ActivityWrite, lists = { participants: true, budget: true }): Promise<void> {
  if (lists.participants) {
    await db.deleteFrom('activity_participant').where('activity_id', '=', activityId).execute();
    if (write.participants.length > 0) {
      await db
        .insertInto('activity_participant')
        .values(write.participants.map((participant) => ({ activity_id: activityId, organisation_id: participant.organisationId, female: participant.female, male: participant.male })))
        .execute();
    }
  }
  if (lists.budget) {
    await db.deleteFrom('activity_budget_line').where('activity_id', '=', activityId).execute();
    if (write.budget.length > 0) {
      await db
        .insertInto('activity_budget_line')
        .values(write.budget.map((line, index) => ({ activity_id: activityId, position: index + 1, source: line.source, organisation_id: line.organisationId, planned: line.planned, actual: line.actual, note: line.note })))
        .execute();
    }
  }
}

/** Open activities (planned or ongoing) of these agreements' programmes, for reminders. */
export async function listOpenActivities(db: Kysely<Schema>, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('activity as a')
    .innerJoin('programme as p', 'p.id', 'a.programme_id')
    .select([
      'a.id',
      'p.agreement_id as agreementId',
      'a.title',
      'a.status',
      isoDate('a.planned_start').as('plannedStart'),
      isoDateOrNull('a.planned_end').as('plannedEnd'),
      isoDateOrNull('a.actual_start').as('actualStart'),
      isoDateOrNull('a.actual_end').as('actualEnd'),
    ])
    .where('p.agreement_id', 'in', agreementIds)
    .where('a.status', 'in', ['planned', 'ongoing'])
    .execute();
}
