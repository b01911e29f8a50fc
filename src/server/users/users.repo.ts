import { sql, type Kysely } from 'kysely';
import type { User } from '../../common/api/users.ts';
import type { Role } from '../../common/roles.ts';
import type { Schema } from '../db/schema.ts';

function selectUsers(db: Kysely<Schema>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .select([
      'u.id', 'u.email', 'u.name', 'u.roles', 'u.totp_enabled_at', 'u.disabled_at', 'u.password_hash', 'u.created_at', 'u.is_demo',
      'o.id as org_id', 'o.code as org_code', 'o.name as org_name', 'o.kind as org_kind', 'o.area_code as org_area_code', 'p.code as org_parent_code',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function presentUser(row: UserRow): User & { isDemo: boolean } {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    organisation: { id: row.org_id, code: row.org_code, name: row.org_name, kind: row.org_kind, areaCode: row.org_area_code, parentCode: row.org_parent_code },
    totpEnabled: row.totp_enabled_at !== null,
    disabled: row.disabled_at !== null,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at.toISOString(),
    isDemo: row.is_demo,
  };
}

export async function findUserById(db: Kysely<Schema>, id: string): Promise<(User & { isDemo: boolean }) | undefined> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst();
  return row && presentUser(row);
}

export async function listUsers(db: Kysely<Schema>, filter: { q?: string; organisationCode?: string; demoOnly?: boolean; limit: number }): Promise<(User & { isDemo: boolean })[]> {
  let query = selectUsers(db).orderBy('o.code').orderBy('u.email').limit(filter.limit);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb(sql<string>`lower(u.email)`, 'like', pattern), eb(sql<string>`lower(u.name)`, 'like', pattern)]));
  }
  if (filter.organisationCode) query = query.where('o.code', '=', filter.organisationCode);
  if (filter.demoOnly) query = query.where('u.is_demo', '=', true).where('u.disabled_at', 'is', null);
  return (await query.execute()).map(presentUser);
}

export async function insertUser(
  db: Kysely<Schema>,
  user: { email: string; name: string; organisationId: string; roles: Role[]; passwordHash: string | null; isDemo?: boolean },
): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      organisation_id: user.organisationId,
      roles: user.roles,
      password_hash: user.passwordHash,
      password_changed_at: user.passwordHash ? new Date() : null,
      is_demo: user.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Kysely<Schema>,
  id: string,
  changes: { name?: string; roles?: Role[]; organisationId?: string; disabledAt?: Date | null },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.roles !== undefined && { roles: changes.roles }),
      ...(changes.organisationId !== undefined && { organisation_id: changes.organisationId }),
      ...(changes.disabledAt !== undefined && { disabled_at: changes.disabledAt }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}
