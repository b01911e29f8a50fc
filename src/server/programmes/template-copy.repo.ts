import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/**
 * Copies a programme's plan into a new agreement's programme ("use as template"): activities as
 * planned (no actual dates, outputs, lessons, actual spending or evidence) with their planned
 * participants and budget, and the results framework (results, indicators with baselines, periods
 * with targets; no updates, no actuals, nothing locked). Planned dates and periods move forward by
 * `shiftYears` whole years. Organisations go through `organisationMap` (source party → target party
 * of the same number); organisations not in the map are kept (facilitators, sponsors).
 */
export interface TemplateCopyPlan {
  sourceProgrammeId: string;
  targetProgrammeId: string;
  shiftYears: number;
  organisationMap: ReadonlyMap<string, string>;
  areaMap: ReadonlyMap<string, string>;
}

export async function copyPlan(db: Kysely<Schema>, plan: TemplateCopyPlan): Promise<{ activities: number; indicators: number; periods: number }> {
  const org = (id: string | null) => (id === null ? null : (plan.organisationMap.get(id) ?? id));
  const shift = (column: 'planned_start' | 'planned_end' | 'period_start' | 'period_end') =>
    sql<string | null>`to_char(${sql.ref(column)} + make_interval(years => ${plan.shiftYears}), 'YYYY-MM-DD')`.as(column);

  const activities = await db
    .selectFrom('activity')
    .select(['id', 'type', 'title', 'description', 'host_organisation_id', 'location', shift('planned_start'), shift('planned_end')])
    .where('programme_id', '=', plan.sourceProgrammeId)
    .where('status', '<>', 'cancelled')
    .orderBy('planned_start')
    .execute();
  for (const activity of activities) {
    const { id } = await db
      .insertInto('activity')
      .values({
        programme_id: plan.targetProgrammeId,
        type: activity.type,
        title: activity.title,
        description: activity.description,
        host_organisation_id: org(activity.host_organisation_id) ?? activity.host_organisation_id,
        planned_start: activity.planned_start ?? '',
        planned_end: activity.planned_end,
        location: null,
        status: 'planned',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const participants = await db.selectFrom('activity_participant').select(['organisation_id', 'female', 'male']).where('activity_id', '=', activity.id).execute();
    const merged = new Map<string, { female: number; male: number }>();
    for (const participant of participants) {
      const target = org(participant.organisation_id) ?? participant.organisation_id;
      const sum = merged.get(target) ?? { female: 0, male: 0 };
      merged.set(target, { female: sum.female + participant.female, male: sum.male + participant.male });
    }
    if (merged.size > 0) {
      await db
        .insertInto('activity_participant')
        .values([...merged].map(([organisationId, counts]) => ({ activity_id: id, organisation_id: organisationId, ...counts })))
        .execute();
    }
    const budget = await db.selectFrom('activity_budget_line').select(['position', 'source', 'organisation_id', 'planned', 'note']).where('activity_id', '=', activity.id).orderBy('position').execute();
    if (budget.length > 0) {
      await db
        .insertInto('activity_budget_line')
        .values(budget.map((line) => ({ activity_id: id, position: line.position, source: line.source, organisation_id: org(line.organisation_id), planned: Number(line.planned), actual: null, note: line.note })))
        .execute();
    }
  }

  let indicators = 0;
  let periods = 0;
  const results = await db.selectFrom('result').selectAll().where('programme_id', '=', plan.sourceProgrammeId).orderBy('position').execute();
  for (const result of results) {
    const { id: resultId } = await db
      .insertInto('result')
      .values({ programme_id: plan.targetProgrammeId, position: result.position, type: result.type, title: result.title, description: result.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sourceIndicators = await db.selectFrom('result_indicator').selectAll().where('result_id', '=', result.id).orderBy('position').execute();
    for (const indicator of sourceIndicators) {
      const { id: indicatorId } = await db
        .insertInto('result_indicator')
        .values({
          result_id: resultId,
          position: indicator.position,
          title: indicator.title,
          description: indicator.description,
          type: indicator.type,
          measure: indicator.measure,
          unit: indicator.unit,
          cumulative: indicator.cumulative,
          ascending: indicator.ascending,
          target_kind: indicator.target_kind,
          baseline_year: indicator.baseline_year,
          baseline_value: toNumber(indicator.baseline_value),
          baseline_numerator: toNumber(indicator.baseline_numerator),
          baseline_denominator: toNumber(indicator.baseline_denominator),
          baseline_comment: indicator.baseline_comment,
          catalogue_indicator_code: indicator.catalogue_indicator_code,
          // A party's area becomes the matching new party's; an area below it (a village) does not carry over.
          area_code: indicator.area_code === null ? null : (plan.areaMap.get(indicator.area_code) ?? null),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      indicators += 1;
      const sourcePeriods = await db
        .selectFrom('result_period')
        .select(['target_value', 'target_comment', shift('period_start'), shift('period_end')])
        .where('indicator_id', '=', indicator.id)
        .orderBy('period_start')
        .execute();
      for (const period of sourcePeriods) {
        await db
          .insertInto('result_period')
          .values({ indicator_id: indicatorId, period_start: period.period_start ?? '', period_end: period.period_end ?? '', target_value: toNumber(period.target_value), target_comment: period.target_comment })
          .execute();
        periods += 1;
      }
    }
  }
  return { activities: activities.length, indicators, periods };
}

/** The earliest planned activity start or period start of a programme (to decide the shift). */
export async function earliestPlannedDate(db: Kysely<Schema>, programmeId: string): Promise<string | null> {
  const row = await sql<{ earliest: string | null }>`
    SELECT to_char(least(
      (SELECT min(planned_start) FROM activity WHERE programme_id = ${programmeId} AND status <> 'cancelled'),
      (SELECT min(p.period_start) FROM result_period p JOIN result_indicator i ON i.id = p.indicator_id JOIN result r ON r.id = i.result_id WHERE r.programme_id = ${programmeId})
    ), 'YYYY-MM-DD') AS earliest`.execute(db);
  return row.rows[0]?.earliest ?? null;
}

function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
