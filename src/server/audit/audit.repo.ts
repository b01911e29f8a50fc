import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../common/api/audit.ts';
import type { Schema } from '../db/schema.ts';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/** Newest first; page with `beforeId`. */
export async function listAuditEntries(db: Kysely<Schema>, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.actor_user_id', 'a.actor_label', 'u.email', 'a.request_id', 'a.entity', 'a.entity_id', 'a.action', 'a.before', 'a.after'])
    .orderBy('a.id', 'desc')
    .limit(filter.limit);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.userId) query = query.where('a.actor_user_id', '=', filter.userId);
  if (filter.from) query = query.where('a.at', '>=', filter.from);
  if (filter.to) query = query.where('a.at', '<=', filter.to);
  if (filter.beforeId) query = query.where('a.id', '<', filter.beforeId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: { userId: row.actor_user_id, email: row.email, label: row.actor_label },
    requestId: row.request_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before,
    after: row.after,
  }));
}
