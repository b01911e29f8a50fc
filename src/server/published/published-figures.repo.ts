import { sql, type Kysely } from 'kysely';
import { descendantRange } from '../../common/area-code.ts';
import type { PublishedFigure } from '../../common/api/published-figures.ts';
import type { Schema } from '../db/schema.ts';
import type { PublishedFigureSeed } from './published-figures-data.ts';

/** The nation: stored as a NULL area, shown as 'ID' (as in the values API). */
const NATION = 'ID';

export async function listPublishedFigures(db: Kysely<Schema>, filter: { area?: string | undefined; indicator?: string | undefined }): Promise<PublishedFigure[]> {
  let query = db
    .selectFrom('published_figure as f')
    .leftJoin('area as a', 'a.code', 'f.area_code')
    .select(['f.id', 'f.area_code', 'a.name as area_name', 'f.indicator_code', 'f.period', 'f.kind', 'f.label_id', 'f.label_en', 'f.value', 'f.status_value', 'f.unit', 'f.citation', 'f.url', 'f.evidence', 'f.note'])
    .orderBy(sql`f.area_code NULLS FIRST`)
    .orderBy('f.indicator_code')
    .orderBy('f.period')
    .orderBy('f.id');
  if (filter.area && filter.area !== NATION) {
    const range = descendantRange(filter.area);
    query = query.where((eb) => eb.or([eb('f.area_code', '=', filter.area ?? ''), eb.and([eb('f.area_code', '>=', range.low), eb('f.area_code', '<', range.high)])]));
  }
  if (filter.indicator) query = query.where('f.indicator_code', '=', filter.indicator);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    areaCode: row.area_code ?? NATION,
    areaName: row.area_name ?? 'Indonesia',
    indicatorCode: row.indicator_code,
    period: row.period,
    kind: row.kind,
    labelId: row.label_id,
    labelEn: row.label_en,
    value: row.value === null ? null : Number(row.value),
    statusValue: row.status_value,
    unit: row.unit,
    citation: row.citation,
    url: row.url,
    evidence: row.evidence,
    note: row.note,
  }));
}

/**
 * Inserts the figures that are missing and updates those whose text or value changed (by id);
 * unchanged rows are left alone, so loading again writes no audit rows. Returns how many changed.
 */
export async function upsertPublishedFigures(db: Kysely<Schema>, figures: readonly PublishedFigureSeed[]): Promise<number> {
  if (figures.length === 0) return 0;
  const rows = figures.map((figure) => ({
    id: figure.id,
    area_code: figure.areaCode === NATION ? null : figure.areaCode,
    indicator_code: figure.indicatorCode,
    period: figure.period,
    kind: figure.kind,
    label_id: figure.labelId,
    label_en: figure.labelEn,
    value: figure.value,
    status_value: figure.statusValue,
    unit: figure.unit,
    citation: figure.citation,
    url: figure.url,
    evidence: figure.evidence,
    note: figure.note,
  }));
  const result = await db
    .insertInto('published_figure')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column('id')
        .doUpdateSet((eb) => ({
          area_code: eb.ref('excluded.area_code'),
          indicator_code: eb.ref('excluded.indicator_code'),
          period: eb.ref('excluded.period'),
          kind: eb.ref('excluded.kind'),
          label_id: eb.ref('excluded.label_id'),
          label_en: eb.ref('excluded.label_en'),
          value: eb.ref('excluded.value'),
          status_value: eb.ref('excluded.status_value'),
          unit: eb.ref('excluded.unit'),
          citation: eb.ref('excluded.citation'),
          url: eb.ref('excluded.url'),
          evidence: eb.ref('excluded.evidence'),
          note: eb.ref('excluded.note'),
          updated_at: new Date(),
        }))
        .where(
          sql<boolean>`(published_figure.area_code, published_figure.indicator_code, published_figure.period, published_figure.kind, published_figure.label_id,
                 published_figure.label_en, published_figure.value, published_figure.status_value, published_figure.unit, published_figure.citation,
                 published_figure.url, published_figure.evidence, published_figure.note)
            IS DISTINCT FROM (excluded.area_code, excluded.indicator_code, excluded.period, excluded.kind, excluded.label_id, excluded.label_en,
                              excluded.value, excluded.status_value, excluded.unit, excluded.citation, excluded.url, excluded.evidence, excluded.note)`,
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
