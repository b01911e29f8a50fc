import type { z } from 'zod';
import type { auditListSchema, auditQuerySchema } from '../../common/api/audit.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { listAuditEntries } from './audit.repo.ts';

type AuditQuery = z.infer<typeof auditQuerySchema>;
type AuditList = z.infer<typeof auditListSchema>;

/** Reading the audit trail. Writing it is the database triggers' job (see actor-transaction.ts). */
export class AuditService {
  constructor(private readonly database: Database) {}

  async list(context: RequestContext, query: AuditQuery): Promise<AuditList> {
    authorize(context.actor, 'audit.read');
    const items = await listAuditEntries(this.database.db, {
      entity: query.entity,
      entityId: query.id,
      userId: query.user,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId: query.before,
      limit: query.limit,
    });
    return { items, nextBefore: items.length === query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
