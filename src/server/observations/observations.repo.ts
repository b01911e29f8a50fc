import type { Kysely } from 'kysely';
import type { Observation } from '../../common/api/observations.ts';
import type { Schema, SourceKind } from '../db/schema.ts';

/** Every stored value of one area and period, all sources side by side. */
export async function listObservations(db: Kysely<Schema>, areaCode: string, period: string): Promise<Observation[]> {
  const rows = await db
    .selectFrom('observation as o')
    .leftJoin('app_user as u', 'u.id', 'o.updated_by')
    .select(['o.indicator_code', 'o.source_kind', 'o.value', 'o.numerator', 'o.denominator', 'o.status_value', 'o.status', 'o.comment', 'o.updated_at', 'u.email'])
    .where('o.province_code', '=', areaCode.slice(0, 2))
    .where('o.area_code', '=', areaCode)
    .where('o.period', '=', period)
    .orderBy('o.indicator_code')
    .orderBy('o.source_kind')
    .execute();
  return rows.map((row) => ({
    indicatorCode: row.indicator_code,
    sourceKind: row.source_kind,
    value: toNumber(row.value),
    numerator: toNumber(row.numerator),
    denominator: toNumber(row.denominator),
    statusValue: row.status_value,
    status: row.status,
    comment: row.comment,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.email,
  }));
}

export interface ObservationWrite {
  indicatorCode: string;
  areaCode: string;
  period: string;
  sourceKind: SourceKind;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  comment: string | null;
  userId: string | null;
}

/** Inserts or replaces the value of one cell (indicator, area, period, source kind). */
export async function upsertObservation(db: Kysely<Schema>, write: ObservationWrite): Promise<void> {
  const values = { value: write.value, numerator: write.numerator, denominator: write.denominator, status_value: write.statusValue, comment: write.comment };
  await db
    .insertInto('observation')
    .values({
      province_code: write.areaCode.slice(0, 2),
      indicator_code: write.indicatorCode,
      area_code: write.areaCode,
      period: write.period,
      source_kind: write.sourceKind,
      ...values,
      created_by: write.userId,
      updated_by: write.userId,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['province_code', 'indicator_code', 'area_code', 'period', 'source_kind'])
        .doUpdateSet({ ...values, status: 'submitted', updated_by: write.userId, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteObservation(db: Kysely<Schema>, cell: { indicatorCode: string; areaCode: string; period: string; sourceKind: SourceKind }): Promise<void> {
  await db
    .deleteFrom('observation')
    .where('province_code', '=', cell.areaCode.slice(0, 2))
    .where('indicator_code', '=', cell.indicatorCode)
    .where('area_code', '=', cell.areaCode)
    .where('period', '=', cell.period)
    .where('source_kind', '=', cell.sourceKind)
    .execute();
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}
