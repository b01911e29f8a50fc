import { sql, type Kysely, type Selectable } from 'kysely';
import { descendantRange, type AreaLevel } from '../../common/area-code.ts';
import type { AreaRef, AreaSearchItem } from '../../common/api/areas.ts';
import type { AreaTable, Schema } from '../db/schema.ts';

export type AreaRow = Selectable<AreaTable>;

/** Every query on the `area` table. Services call these; nothing else writes SQL for areas. */

export function findAreaByCode(db: Kysely<Schema>, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Areas by code, in code order (ancestors thus come province first). */
export function findAreaRefs(db: Kysely<Schema>, codes: readonly string[]): Promise<AreaRef[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('area').select(['code', 'name', 'kind']).where('code', 'in', codes).orderBy('code').execute();
}

export function listChildren(db: Kysely<Schema>, code: string): Promise<AreaRef[]> {
  return db
    .selectFrom('area')
    .select(['code', 'name', 'kind'])
    .where('parent_code', '=', code)
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
}

/** Kecamatan and desa/kelurahan at any depth under `code`: one range scan on the primary key. */
export async function countDescendants(db: Kysely<Schema>, code: string): Promise<{ districts: number; villages: number }> {
  const { low, high } = descendantRange(code);
  const row = await db
    .selectFrom('area')
    .select([
      sql<number>`count(*) FILTER (WHERE level = 3)`.as('districts'),
      sql<number>`count(*) FILTER (WHERE level = 4)`.as('villages'),
    ])
    .where('code', '>=', low)
    .where('code', '<', high)
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { districts: row.districts, villages: row.villages };
}

export interface AreaSearch {
  /** normalizeSearchText(query) */
  text: string;
  /** coreSearchText(query): without a leading "kabupaten", "kota", … */
  core: string;
  level: AreaLevel | undefined;
  limit: number;
}

/**
 * Name search, best first: exact name, then names starting with the query, then a word starting
 * with it, then the query anywhere; within a rank, higher levels (provinces) before lower.
 */
export function searchAreas(db: Kysely<Schema>, search: AreaSearch): Promise<AreaSearchItem[]> {
  const { text, core } = search;
  const rank = sql<number>`CASE
      WHEN a.search_name = ${text} OR a.search_core = ${core} THEN 0
      WHEN a.search_name LIKE ${`${text}%`} OR a.search_core LIKE ${`${core}%`} THEN 1
      WHEN a.search_name LIKE ${`% ${core}%`} THEN 2
      ELSE 3 END`;
  let query = db
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.code', 'a.parent_code')
    .select(['a.code', 'a.name', 'a.kind', 'p.name as parentName'])
    .where('a.search_name', 'like', `%${core}%`)
    .where('a.retired_at', 'is', null);
  if (search.level) query = query.where('a.level', '=', search.level);
  return query.orderBy(rank).orderBy('a.level').orderBy('a.name').orderBy('a.code').limit(search.limit).execute();
}

/** Areas of one level in code order, with their parent's name (the browse list without a query). */
export function listAreasAtLevel(db: Kysely<Schema>, level: AreaLevel, limit: number): Promise<AreaSearchItem[]> {
  return db
    .selectFrom('area as a')
    .leftJoin('area as p', 'p.code', 'a.parent_code')
    .select(['a.code', 'a.name', 'a.kind', 'p.name as parentName'])
    .where('a.level', '=', level)
    .where('a.retired_at', 'is', null)
    .orderBy('a.code')
    .limit(limit)
    .execute();
}

export async function countAreas(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('area').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}

export function findAreaSource(db: Kysely<Schema>) {
  return db.selectFrom('area_source').select(['package_name', 'package_version', 'applied_at']).executeTakeFirst();
}
