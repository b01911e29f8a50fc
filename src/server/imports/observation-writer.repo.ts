import { sql, type Kysely } from 'kysely';
import type { CopyIn } from '../db/connect.ts';
import { toCopyText, type CopyValue } from '../db/copy-text.ts';
import type { Schema, SourceKind } from '../db/schema.ts';

/** What an import needs to know of an area: its level and whether it is still current. */
export interface AreaFacts {
  level: number;
  retired: boolean;
}

/** The named areas that exist, by code (reads the `area` reference table; codes in chunks). */
export async function findAreaFacts(db: Kysely<Schema>, codes: readonly string[]): Promise<Map<string, AreaFacts>> {
  const found = new Map<string, AreaFacts>();
  const unique = [...new Set(codes)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('area')
      .select(['code', 'level', 'retired_at'])
      .where('code', 'in', unique.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) found.set(row.code, { level: row.level, retired: row.retired_at !== null });
  }
  return found;
}

export interface ObservationKey {
  indicatorCode: string;
  areaCode: string;
  period: string;
  sourceKind: SourceKind;
}

/** How many of these cells already hold a value (a dry run's "would update" count). */
export async function countExistingCells(db: Kysely<Schema>, keys: readonly ObservationKey[]): Promise<number> {
  let existing = 0;
  for (let start = 0; start < keys.length; start += CHUNK) {
    const part = keys.slice(start, start + CHUNK);
    const result = await sql<{ count: number }>`
      SELECT count(*)::int AS count
      FROM unnest(${part.map((key) => key.indicatorCode)}::text[], ${part.map((key) => key.areaCode)}::text[],
                  ${part.map((key) => key.period)}::text[], ${part.map((key) => key.sourceKind)}::text[]) AS k(indicator_code, area_code, period, source_kind)
      JOIN observation o
        ON o.province_code = left(k.area_code, 2) AND o.indicator_code = k.indicator_code AND o.area_code = k.area_code
       AND o.period = k.period AND o.source_kind = k.source_kind`.execute(db);
    existing += result.rows[0]?.count ?? 0;
  }
  return existing;
}

/** One cell to store (or, with `remove`, to clear), as the bulk write takes it. */
export interface StagedObservation extends ObservationKey {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  comment: string | null;
  remove: boolean;
}

export interface BulkWriteResult {
  imported: number;
  updated: number;
  deleted: number;
  /** The (indicator, area, period) cells whose stored value changed: what the rollups must recompute. */
  changed: Array<{ indicatorCode: string; areaCode: string; period: string }>;
}

/**
 * Writes many observation cells in one statement per kind of change, on the caller's bulk
 * transaction: COPY into a temporary table, then one upsert (skipping cells whose value is
 * unchanged, so a re-import writes no audit rows and no rollups) and one delete.
 */
export async function writeObservationsInBulk(trx: Kysely<Schema>, copyIn: CopyIn, rows: readonly StagedObservation[], userId: string | null): Promise<BulkWriteResult> {
  await sql`
    CREATE TEMP TABLE import_observation_stage (
      indicator_code text COLLATE "C", area_code text COLLATE "C", period text COLLATE "C", source_kind text,
      value numeric, numerator numeric, denominator numeric, status_value text, comment text, remove boolean
    ) ON COMMIT DROP`.execute(trx);
  await copyIn('import_observation_stage', STAGE_COLUMNS, copyChunks(rows));
  const upserted = await sql<{ indicator_code: string; area_code: string; period: string; inserted: boolean }>`
    INSERT INTO observation AS o (province_code, indicator_code, area_code, period, source_kind, value, numerator, denominator, status_value, comment, created_by, updated_by)
    SELECT left(s.area_code, 2), s.indicator_code, s.area_code, s.period, s.source_kind, s.value, s.numerator, s.denominator, s.status_value, s.comment, ${userId}::uuid, ${userId}::uuid
    FROM import_observation_stage s WHERE NOT s.remove
    ON CONFLICT (province_code, indicator_code, area_code, period, source_kind) DO UPDATE
      SET value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, status_value = excluded.status_value,
          comment = coalesce(excluded.comment, o.comment), status = 'submitted', updated_by = excluded.updated_by, updated_at = now()
      WHERE (o.value, o.numerator, o.denominator, o.status_value) IS DISTINCT FROM (excluded.value, excluded.numerator, excluded.denominator, excluded.status_value)
    RETURNING o.indicator_code, o.area_code, o.period, (xmax = 0) AS inserted`.execute(trx);
  const deleted = await sql<{ indicator_code: string; area_code: string; period: string }>`
    DELETE FROM observation o USING import_observation_stage s
    WHERE s.remove AND o.province_code = left(s.area_code, 2) AND o.indicator_code = s.indicator_code AND o.area_code = s.area_code
      AND o.period = s.period AND o.source_kind = s.source_kind
    RETURNING o.indicator_code, o.area_code, o.period`.execute(trx);
  const changed = [...upserted.rows, ...deleted.rows].map((row) => ({ indicatorCode: row.indicator_code, areaCode: row.area_code, period: row.period }));
  const imported = upserted.rows.filter((row) => row.inserted).length;
  return { imported, updated: upserted.rows.length - imported, deleted: deleted.rows.length, changed };
}

const CHUNK = 5_000;
const STAGE_COLUMNS = ['indicator_code', 'area_code', 'period', 'source_kind', 'value', 'numerator', 'denominator', 'status_value', 'comment', 'remove'] as const;

function* copyChunks(rows: readonly StagedObservation[]): Generator<string> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    yield toCopyText(
      rows.slice(start, start + CHUNK).map((row): CopyValue[] => [
        row.indicatorCode, row.areaCode, row.period, row.sourceKind, row.value, row.numerator, row.denominator, row.statusValue, row.comment, row.remove ? 't' : 'f',
      ]),
    );
  }
}
