import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ProgrammeStage } from '../../common/programme-stages.ts';
import type { Schema } from '../db/schema.ts';

/** A date column as 'YYYY-MM-DD' text, whatever the driver (and its time zone) would make of a Date. */
export function isoDate(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

/** A nullable date column as 'YYYY-MM-DD' text or null. */
export function isoDateOrNull(column: string): RawBuilder<string | null> {
  return sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

export interface ProgrammeRow {
  id: string;
  agreementId: string;
  title: string;
  summary: string | null;
  stage: ProgrammeStage;
  stageChangedAt: Date;
  replicatedFromId: string | null;
  createdAt: Date;
  updatedAt: Date;
  activityCount: number;
  plannedActivities: number;
  indicators: number;
}

export async function findProgramme(db: Kysely<Schema>, agreementId: string): Promise<ProgrammeRow | null> {
  const row = await db
    .selectFrom('programme as p')
    .select((eb) => [
      'p.id',
      'p.agreement_id',
      'p.title',
      'p.summary',
      'p.stage',
      'p.stage_changed_at',
      'p.replicated_from_id',
      'p.created_at',
      'p.updated_at',
      eb.selectFrom('activity as a').whereRef('a.programme_id', '=', 'p.id').select((inner) => inner.fn.countAll<number>().as('n')).as('activity_count'),
      eb
        .selectFrom('activity as a')
        .whereRef('a.programme_id', '=', 'p.id')
        .where('a.status', '<>', 'cancelled')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('planned_activities'),
      eb
        .selectFrom('result_indicator as i')
        .innerJoin('result as r', 'r.id', 'i.result_id')
        .whereRef('r.programme_id', '=', 'p.id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('indicators'),
    ])
    .where('p.agreement_id', '=', agreementId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    agreementId: row.agreement_id,
    title: row.title,
    summary: row.summary,
    stage: row.stage,
    stageChangedAt: row.stage_changed_at,
    replicatedFromId: row.replicated_from_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    activityCount: Number(row.activity_count ?? 0),
    plannedActivities: Number(row.planned_activities ?? 0),
    indicators: Number(row.indicators ?? 0),
  };
}

/** The agreement a programme belongs to (for routes addressed by a child's id). */
export async function agreementOfProgramme(db: Kysely<Schema>, programmeId: string): Promise<string | null> {
  const row = await db.selectFrom('programme').select('agreement_id').where('id', '=', programmeId).executeTakeFirst();
  return row?.agreement_id ?? null;
}

export async function insertProgramme(
  db: Kysely<Schema>,
  values: { agreementId: string; title: string; summary: string | null; createdBy: string | null; replicatedFromId?: string | null },
): Promise<string> {
  const row = await db
    .insertInto('programme')
    .values({ agreement_id: values.agreementId, title: values.title, summary: values.summary, created_by: values.createdBy, replicated_from_id: values.replicatedFromId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgramme(db: Kysely<Schema>, id: string, values: { title?: string; summary?: string | null; stage?: ProgrammeStage }): Promise<void> {
  await db
    .updateTable('programme')
    .set({ ...values, updated_at: new Date(), ...(values.stage && { stage_changed_at: new Date() }) })
    .where('id', '=', id)
    .execute();
}

/** Locks the programme row for the rest of the transaction (serialises stage moves and copies). */
export async function lockProgramme(db: Kysely<Schema>, id: string): Promise<ProgrammeStage | null> {
  const row = await db.selectFrom('programme').select('stage').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.stage ?? null;
}

/** Every agreement that has a programme (reminders are computed for these). */
export async function listProgrammeAgreementIds(db: Kysely<Schema>): Promise<string[]> {
  return (await db.selectFrom('programme').select('agreement_id').orderBy('agreement_id').execute()).map((row) => row.agreement_id);
}
