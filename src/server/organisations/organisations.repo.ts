import { sql, type Kysely } from 'kysely';
import type { Organisation } from '../../common/api/organisations.ts';
import type { OrganisationKind } from '../../common/roles.ts';
import { descendantRange } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';

export interface OrganisationFilter {
  q?: string;
  kind?: OrganisationKind;
  area?: string;
  limit: number;
}

function selectOrganisations(db: Kysely<Schema>) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.area_code as areaCode', 'p.code as parentCode']);
}

export function listOrganisations(db: Kysely<Schema>, filter: OrganisationFilter): Promise<Organisation[]> {
  let query = selectOrganisations(db).orderBy('o.kind').orderBy('o.code').limit(filter.limit);
  if (filter.q) {
    const text = filter.q.toLowerCase();
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // By name, or by code (a pemda's code is its area code: "32.75").
    query = query.where((eb) => eb.or([eb(sql<string>`lower(o.name)`, 'like', pattern), eb('o.code', '=', text)]));
  }
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.area) {
    const { low, high } = descendantRange(filter.area);
    const area = filter.area;
    query = query.where((eb) => eb.or([eb('o.area_code', '=', area), eb.and([eb('o.area_code', '>=', low), eb('o.area_code', '<', high)])]));
  }
  return query.execute();
}

export function findOrganisationByCode(db: Kysely<Schema>, code: string): Promise<Organisation | undefined> {
  return selectOrganisations(db).where('o.code', '=', code).executeTakeFirst();
}

export function findOrganisationById(db: Kysely<Schema>, id: string): Promise<Organisation | undefined> {
  return selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
}

export interface NewOrganisation {
  code: string;
  name: string;
  kind: OrganisationKind;
  areaCode: string | null;
  parentId: string | null;
}

export async function insertOrganisation(db: Kysely<Schema>, organisation: NewOrganisation): Promise<string> {
  const row = await db
    .insertInto('organisation')
    .values({ code: organisation.code, name: organisation.name, kind: organisation.kind, area_code: organisation.areaCode, parent_id: organisation.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function renameOrganisation(db: Kysely<Schema>, id: string, name: string): Promise<void> {
  await db.updateTable('organisation').set({ name, updated_at: new Date() }).where('id', '=', id).execute();
}

/**
 * Adds the regional government (pemda) of every province and kabupaten/kota that has none yet,
 * coded by its area code: "Pemerintah Provinsi Nusa Tenggara Barat", "Pemerintah Kota Bekasi".
 */
export async function insertMissingPemda(db: Kysely<Schema>): Promise<number> {
  const result = await sql`
    INSERT INTO organisation (code, name, kind, area_code)
    SELECT a.code,
           CASE WHEN a.level = 1 THEN 'Pemerintah Provinsi ' || a.name ELSE 'Pemerintah ' || a.name END,
           'pemda', a.code
    FROM area a
    WHERE a.level <= 2 AND a.retired_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = a.code)`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Inserts organisations that are missing by code; existing ones are left as they are. */
export async function insertMissingOrganisations(db: Kysely<Schema>, organisations: readonly NewOrganisation[]): Promise<number> {
  if (organisations.length === 0) return 0;
  const result = await db
    .insertInto('organisation')
    .values(organisations.map((o) => ({ code: o.code, name: o.name, kind: o.kind, area_code: o.areaCode, parent_id: o.parentId })))
    .onConflict((conflict) => conflict.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
