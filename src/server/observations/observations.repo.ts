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

/** The level and kind of an area, for checking what may be entered there (undefined when no area has the code). */
export function findAreaLevel(db: Kysely<Schema>, code: string): Promise<{ code: string; level: number; kind: string } | undefined> {
  return db.selectFrom('area').select(['code', 'level', 'kind']).where('code', '=', code).executeTakeFirst();
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

/** Inserts or replaces the values of cells (indicator, area, period, source kind), each at most once, in one statement. */
export async function upsertObservations(db: Kysely<Schema>, writes: readonly ObservationWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await db
    .insertInto('observation')
    .values(
      writes.map((write) => ({
        province_code: write.areaCode.slice(0, 2),
        indicator_code: write.indicatorCode,
        area_code: write.areaCode,
        period: write.period,
        source_kind: write.sourceKind,
        value: write.value,
        numerator: write.numerator,
        denominator: write.denominator,
        status_value: write.statusValue,
        comment: write.comment,
        created_by: write.userId,
        updated_by: write.userId,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['province_code', 'indicator_code', 'area_code', 'period', 'source_kind']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        status_value: eb.ref('excluded.status_value'),
        comment: eb.ref('excluded.comment'),
        status: 'submitted',
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Removes the given cells (indicator, area, period, source kind) in one statement. */
export async function deleteObservations(db: Kysely<Schema>, cells: ReadonlyArray<{ indicatorCode: string; areaCode: string; period: string; sourceKind: SourceKind }>): Promise<void> {
  if (cells.length === 0) return;
  await db
    .deleteFrom('observation')
    .where((eb) =>
      eb.or(
        cells.map((cell) =>
          eb.and([
            eb('province_code', '=', cell.areaCode.slice(0, 2)),
            eb('indicator_code', '=', cell.indicatorCode),
            eb('area_code', '=', cell.areaCode),
            eb('period', '=', cell.period),
            eb('source_kind', '=', cell.sourceKind),
          ]),
        ),
      ),
    )
    .execute();
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}
