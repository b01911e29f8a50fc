import { sql, type Kysely } from 'kysely';
import { ENTRY_SOURCE_KINDS } from '../../common/api/observations.ts';
import type { Schema } from '../db/schema.ts';
import type { CellKey, StoredCell } from './dhis2-cells.ts';
import { cellKeyText } from './dhis2-cells.ts';
import type { ExportObservation } from './dhis2-export.ts';

export interface ExportFilter {
  areaCodes: readonly string[];
  /** Each area with everything under it (DHIS2 `children=true`), or the areas themselves only. */
  children: boolean;
  indicatorCodes?: readonly string[];
  periods?: readonly string[];
  /** At most this many rows come back (the caller asks for one more than it allows, to tell). */
  limit: number;
}

/** Stored observations for the DHIS2 export, with their indicator's measure and the last editor's email. */
export async function listObservationsForExport(db: Kysely<Schema>, filter: ExportFilter): Promise<ExportObservation[]> {
  let query = db
    .selectFrom('observation as o')
    .innerJoin('indicator as i', 'i.code', 'o.indicator_code')
    .leftJoin('app_user as u', 'u.id', 'o.updated_by')
    // Values people or imports entered; derived (rule-computed) and example (demo) values are not data to exchange.
    .where('o.source_kind', 'in', ENTRY_SOURCE_KINDS)
    .select(['o.indicator_code', 'i.measure', 'o.area_code', 'o.period', 'o.source_kind', 'o.value', 'o.numerator', 'o.denominator', 'o.status_value', 'o.comment', 'o.created_at', 'o.updated_at', 'u.email'])
    .where((where) =>
      where.or(
        filter.areaCodes.map((code) => {
          const own = where.and([where('o.province_code', '=', code.slice(0, 2)), where('o.area_code', '=', code)]);
          // Codes are materialized paths: everything under 52.07 sorts between "52.07." and "52.07/" ('/' follows '.').
          return filter.children ? where.or([own, where.and([where('o.area_code', '>', `${code}.`), where('o.area_code', '<', `${code}/`)])]) : own;
        }),
      ),
    );
  if (filter.indicatorCodes && filter.indicatorCodes.length > 0) query = query.where('o.indicator_code', 'in', filter.indicatorCodes);
  if (filter.periods && filter.periods.length > 0) query = query.where('o.period', 'in', filter.periods);
  const rows = await query.orderBy('o.area_code').orderBy('i.position').orderBy('o.period').orderBy('o.source_kind').limit(filter.limit).execute();
  return rows.map((row) => ({
    indicatorCode: row.indicator_code,
    measure: row.measure,
    areaCode: row.area_code,
    period: row.period,
    sourceKind: row.source_kind,
    value: toNumber(row.value),
    numerator: toNumber(row.numerator),
    denominator: toNumber(row.denominator),
    statusValue: row.status_value,
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.email,
  }));
}

/** What the named cells hold now, keyed by `cellKeyText` (cells in chunks, one join each). */
export async function findStoredCells(db: Kysely<Schema>, keys: readonly CellKey[]): Promise<Map<string, StoredCell>> {
  const stored = new Map<string, StoredCell>();
  for (let start = 0; start < keys.length; start += CHUNK) {
    const part = keys.slice(start, start + CHUNK);
    const result = await sql<{ indicator_code: string; area_code: string; period: string; source_kind: CellKey['sourceKind']; value: string | null; numerator: string | null; denominator: string | null; status_value: string | null }>`
      SELECT o.indicator_code, o.area_code, o.period, o.source_kind, o.value, o.numerator, o.denominator, o.status_value
      FROM unnest(${part.map((key) => key.indicatorCode)}::text[], ${part.map((key) => key.areaCode)}::text[],
                  ${part.map((key) => key.period)}::text[], ${part.map((key) => key.sourceKind)}::text[]) AS k(indicator_code, area_code, period, source_kind)
      JOIN observation o
        ON o.province_code = left(k.area_code, 2) AND o.indicator_code = k.indicator_code AND o.area_code = k.area_code
       AND o.period = k.period AND o.source_kind = k.source_kind`.execute(db);
    for (const row of result.rows) {
      const key = cellKeyText({ indicatorCode: row.indicator_code, areaCode: row.area_code, period: row.period, sourceKind: row.source_kind });
      stored.set(key, { value: toNumber(row.value), numerator: toNumber(row.numerator), denominator: toNumber(row.denominator), statusValue: row.status_value });
    }
  }
  return stored;
}

const CHUNK = 5_000;

function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
