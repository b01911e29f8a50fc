import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { isoDate } from '../programmes/programmes.repo.ts';
import type { PeriodActual } from './period-actual.ts';

type ResultRow = Schema['result'];
type IndicatorRow = Schema['result_indicator'];

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

export interface PeriodRow {
  id: string;
  indicatorId: string;
  periodStart: string;
  periodEnd: string;
  targetValue: number | null;
  targetComment: string | null;
  locked: boolean;
  actual: PeriodActual;
  updateCounts: { draft: number; submitted: number; returned: number; approved: number };
}

export interface IndicatorData {
  id: string;
  resultId: string;
  title: string;
  description: string | null;
  type: IndicatorRow['type'];
  measure: IndicatorRow['measure'];
  unit: string | null;
  cumulative: boolean;
  ascending: boolean;
  targetKind: IndicatorRow['target_kind'];
  baselineYear: number | null;
  baselineValue: number | null;
  baselineNumerator: number | null;
  baselineDenominator: number | null;
  baselineComment: string | null;
  catalogueIndicatorCode: string | null;
  areaCode: string | null;
}

export interface FrameworkData {
  results: { id: string; type: ResultRow['type']; title: string; description: string | null }[];
  indicators: IndicatorData[];
  periods: PeriodRow[];
}

/** The whole results framework of a programme, in order. */
export async function loadFramework(db: Kysely<Schema>, programmeId: string): Promise<FrameworkData> {
  const results = await db.selectFrom('result').select(['id', 'type', 'title', 'description']).where('programme_id', '=', programmeId).orderBy('position').execute();
  const indicators = await db
    .selectFrom('result_indicator as i')
    .innerJoin('result as r', 'r.id', 'i.result_id')
    .selectAll('i')
    .where('r.programme_id', '=', programmeId)
    .orderBy('i.position')
    .execute();
  const periods = await listPeriods(db, { programmeId });
  return { results, indicators: indicators.map(toIndicator), periods };
}

export function toIndicator(row: Selectable<IndicatorRow>): IndicatorData {
  return {
    id: row.id,
    resultId: row.result_id,
    title: row.title,
    description: row.description,
    type: row.type,
    measure: row.measure,
    unit: row.unit,
    cumulative: row.cumulative,
    ascending: row.ascending,
    targetKind: row.target_kind,
    baselineYear: row.baseline_year,
    baselineValue: num(row.baseline_value),
    baselineNumerator: num(row.baseline_numerator),
    baselineDenominator: num(row.baseline_denominator),
    baselineComment: row.baseline_comment,
    catalogueIndicatorCode: row.catalogue_indicator_code,
    areaCode: row.area_code,
  };
}

/** Periods of a programme, an indicator, or one period, with counts of updates by status. */
export async function listPeriods(db: Kysely<Schema>, where: { programmeId?: string; indicatorId?: string; periodId?: string }): Promise<PeriodRow[]> {
  let query = db
    .selectFrom('result_period as p')
    .innerJoin('result_indicator as i', 'i.id', 'p.indicator_id')
    .innerJoin('result as r', 'r.id', 'i.result_id')
    .select((eb) => [
      'p.id',
      'p.indicator_id',
      isoDate('p.period_start').as('period_start'),
      isoDate('p.period_end').as('period_end'),
      'p.target_value',
      'p.target_comment',
      'p.locked',
      'p.actual_value',
      'p.actual_numerator',
      'p.actual_denominator',
      'p.actual_narrative',
      'p.approved_updates',
      countUpdates(eb, 'draft').as('n_draft'),
      countUpdates(eb, 'submitted').as('n_submitted'),
      countUpdates(eb, 'returned').as('n_returned'),
      countUpdates(eb, 'approved').as('n_approved'),
    ])
    .orderBy('p.period_start');
  if (where.programmeId) query = query.where('r.programme_id', '=', where.programmeId);
  if (where.indicatorId) query = query.where('p.indicator_id', '=', where.indicatorId);
  if (where.periodId) query = query.where('p.id', '=', where.periodId);
  const rows = await query.execute();
  return rows.map((row) => {
    return {
      id: row.id,
      indicatorId: row.indicator_id,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      targetValue: num(row.target_value),
      targetComment: row.target_comment,
      locked: row.locked,
      actual: {
        value: num(row.actual_value),
        numerator: num(row.actual_numerator),
        denominator: num(row.actual_denominator),
        narrative: row.actual_narrative,
        approvedUpdates: row.approved_updates,
      },
      updateCounts: { draft: Number(row.n_draft ?? 0), submitted: Number(row.n_submitted ?? 0), returned: Number(row.n_returned ?? 0), approved: Number(row.n_approved ?? 0) },
    };
  });
}

function countUpdates(eb: ExpressionBuilder<Schema & { p: Schema['result_period'] }, 'p'>, status: Schema['result_update']['status']['__select__']) {
  return eb
    .selectFrom('result_update as u')
    .whereRef('u.period_id', '=', 'p.id')
    .where('u.status', '=', status)
    .select((inner) => inner.fn.countAll<number>().as('n'));
}

/** Which agreement a result, indicator, period or update belongs to (null when the id is unknown). */
export async function agreementOf(db: Kysely<Schema>, kind: 'result' | 'indicator' | 'period' | 'update', id: string): Promise<string | null> {
  let query = db.selectFrom('result as r').innerJoin('programme as pg', 'pg.id', 'r.programme_id').select('pg.agreement_id');
  if (kind === 'result') query = query.where('r.id', '=', id);
  else {
    const withIndicator = query.innerJoin('result_indicator as i', 'i.result_id', 'r.id');
    if (kind === 'indicator') return (await withIndicator.where('i.id', '=', id).executeTakeFirst())?.agreement_id ?? null;
    const withPeriod = withIndicator.innerJoin('result_period as p', 'p.indicator_id', 'i.id');
    if (kind === 'period') return (await withPeriod.where('p.id', '=', id).executeTakeFirst())?.agreement_id ?? null;
    return (await withPeriod.innerJoin('result_update as u', 'u.period_id', 'p.id').where('u.id', '=', id).executeTakeFirst())?.agreement_id ?? null;
  }
  return (await query.executeTakeFirst())?.agreement_id ?? null;
}

export async function findIndicator(db: Kysely<Schema>, id: string): Promise<IndicatorData | null> {
  const row = await db.selectFrom('result_indicator').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toIndicator(row) : null;
}

/** The next position at the end of a list (results of a programme, indicators of a result). */
export async function nextPosition(db: Kysely<Schema>, table: 'result' | 'result_indicator', parentId: string): Promise<number> {
  const row =
    table === 'result'
      ? await db.selectFrom('result').select((eb) => eb.fn.max('position').as('last')).where('programme_id', '=', parentId).executeTakeFirst()
      : await db.selectFrom('result_indicator').select((eb) => eb.fn.max('position').as('last')).where('result_id', '=', parentId).executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertResult(db: Kysely<Schema>, values: { programmeId: string; position: number; type: ResultRow['type']; title: string; description: string | null }): Promise<string> {
  const row = await db
    .insertInto('result')
    .values({ programme_id: values.programmeId, position: values.position, type: values.type, title: values.title, description: values.description })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertIndicator(db: Kysely<Schema>, resultId: string, position: number, values: Omit<IndicatorData, 'id' | 'resultId'>): Promise<string> {
  const row = await db
    .insertInto('result_indicator')
    .values({
      result_id: resultId,
      position,
      title: values.title,
      description: values.description,
      type: values.type,
      measure: values.measure,
      unit: values.unit,
      cumulative: values.cumulative,
      ascending: values.ascending,
      target_kind: values.targetKind,
      baseline_year: values.baselineYear,
      baseline_value: values.baselineValue,
      baseline_numerator: values.baselineNumerator,
      baseline_denominator: values.baselineDenominator,
      baseline_comment: values.baselineComment,
      catalogue_indicator_code: values.catalogueIndicatorCode,
      area_code: values.areaCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPeriod(
  db: Kysely<Schema>,
  values: { indicatorId: string; periodStart: string; periodEnd: string; targetValue: number | null; targetComment: string | null },
): Promise<string> {
  const row = await db
    .insertInto('result_period')
    .values({ indicator_id: values.indicatorId, period_start: values.periodStart, period_end: values.periodEnd, target_value: values.targetValue, target_comment: values.targetComment })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePeriod(db: Kysely<Schema>, id: string, values: { targetValue?: number | null; targetComment?: string | null; locked?: boolean }): Promise<void> {
  await db
    .updateTable('result_period')
    .set({
      ...(values.targetValue !== undefined && { target_value: values.targetValue }),
      ...(values.targetComment !== undefined && { target_comment: values.targetComment }),
      ...(values.locked !== undefined && { locked: values.locked }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Writes a period's actual (computed from its approved updates by period-actual.ts). */
export async function writePeriodActual(db: Kysely<Schema>, id: string, actual: PeriodActual): Promise<void> {
  await db
    .updateTable('result_period')
    .set({
      actual_value: actual.value,
      actual_numerator: actual.numerator,
      actual_denominator: actual.denominator,
      actual_narrative: actual.narrative,
      approved_updates: actual.approvedUpdates,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Locks a period row for the rest of the transaction; returns whether it is locked against updates. */
export async function lockPeriodRow(db: Kysely<Schema>, id: string): Promise<{ locked: boolean } | null> {
  return (await db.selectFrom('result_period').select('locked').where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

/** Periods of these agreements with their indicator titles, for report-due reminders. */
export async function periodsForReminders(db: Kysely<Schema>, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('result_period as p')
    .innerJoin('result_indicator as i', 'i.id', 'p.indicator_id')
    .innerJoin('result as r', 'r.id', 'i.result_id')
    .innerJoin('programme as pg', 'pg.id', 'r.programme_id')
    .select(['p.id', 'pg.agreement_id as agreementId', 'i.title as indicatorTitle', isoDate('p.period_start').as('periodStart'), isoDate('p.period_end').as('periodEnd'), 'p.locked', 'p.approved_updates as approvedUpdates'])
    .where('pg.agreement_id', 'in', agreementIds)
    .execute();
}
