import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ userId: z.string().nullable(), email: z.string().nullable(), label: z.string() }),
  requestId: z.string().nullable(),
  entity: z.string().describe('Table of the record, e.g. organisation, app_user'),
  entityId: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  entity: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  id: z.string().max(80).optional(),
  user: z.string().uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional().describe('Page: entries older than this id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() });
