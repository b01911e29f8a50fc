import type { Kysely, Selectable } from 'kysely';
import type { Indicator } from '../../common/api/indicators.ts';
import type { IndicatorTable, Schema } from '../db/schema.ts';

function presentIndicator(row: Selectable<IndicatorTable>): Indicator {
  return {
    code: row.code,
    group: row.group_code,
    nameId: row.name_id,
    nameEn: row.name_en,
    definition: row.definition,
    unit: row.unit,
    measure: row.measure,
    numerator: row.numerator,
    denominator: row.denominator,
    proportion: row.proportion,
    statusValues: row.status_values,
    areaAggregation: row.area_aggregation,
    timeAggregation: row.time_aggregation,
    direction: row.direction,
    collectionLevel: row.collection_level,
    frequency: row.frequency,
    source: row.source,
    nationalTarget: row.national_target,
    evidence: row.evidence,
  };
}

export async function listIndicators(
  db: Kysely<Schema>,
  filter: { group?: IndicatorTable['group_code']; level?: IndicatorTable['collection_level']; codes?: readonly string[] },
): Promise<Indicator[]> {
  let query = db.selectFrom('indicator').selectAll().orderBy('group_code').orderBy('position').orderBy('code');
  if (filter.group) query = query.where('group_code', '=', filter.group);
  if (filter.level) query = query.where('collection_level', '=', filter.level);
  if (filter.codes) {
    if (filter.codes.length === 0) return [];
    query = query.where('code', 'in', filter.codes);
  }
  return (await query.execute()).map(presentIndicator);
}

export async function findIndicator(db: Kysely<Schema>, code: string): Promise<Indicator | undefined> {
  const row = await db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
  return row && presentIndicator(row);
}

/** Inserts catalogue entries that are missing by code; entries already there (maybe edited) stay. */
export async function insertMissingIndicators(db: Kysely<Schema>, indicators: readonly Indicator[], builtin: boolean): Promise<number> {
  if (indicators.length === 0) return 0;
  const result = await db
    .insertInto('indicator')
    .values(
      indicators.map((indicator, position) => ({
        code: indicator.code,
        group_code: indicator.group,
        name_id: indicator.nameId,
        name_en: indicator.nameEn,
        definition: indicator.definition,
        unit: indicator.unit,
        measure: indicator.measure,
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        proportion: indicator.proportion ?? true,
        status_values: indicator.statusValues,
        area_aggregation: indicator.areaAggregation,
        time_aggregation: indicator.timeAggregation,
        direction: indicator.direction,
        collection_level: indicator.collectionLevel,
        frequency: indicator.frequency,
        source: indicator.source,
        national_target: indicator.nationalTarget,
        evidence: indicator.evidence,
        builtin,
        position,
      })),
    )
    .onConflict((conflict) => conflict.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
