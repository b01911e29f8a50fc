import { sql, type Kysely, type Transaction } from 'kysely';
import { auditLabel, type RequestContext } from '../auth/actor.ts';
import type { Schema } from '../db/schema.ts';

/**
 * Runs `work` in a transaction that knows who is acting: the audit triggers read the actor and
 * request id from these transaction-local settings and write the audit row in the same
 * transaction. Every write to an audited table must go through here; the triggers refuse a write
 * that has no actor.
 */
export function inActorTransaction<T>(db: Kysely<Schema>, context: RequestContext, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await setActor(trx, context);
    return work(trx);
  });
}

/** Sets the actor on a transaction that is already open (bulk work on its own session). */
export async function setActor(trx: Kysely<Schema>, context: RequestContext): Promise<void> {
  await sql`SELECT set_config('kembar.actor', ${auditLabel(context.actor)}, true), set_config('kembar.request_id', ${context.requestId ?? ''}, true)`.execute(trx);
}
