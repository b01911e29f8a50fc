import type { Kysely } from 'kysely';
import type { AgreementCategory, AgreementStatus, Visibility } from '../../common/agreements/vocabulary.ts';
import type { Schema } from '../db/schema.ts';

/** Inserts an agreement under a fixed id unless it exists (seeding is idempotent); true when inserted. */
export async function insertAgreementWithId(
  db: Kysely<Schema>,
  id: string,
  agreement: { title: string; category: AgreementCategory; objectives: string; note: string; sources: string[]; status: AgreementStatus; visibility: Visibility },
): Promise<boolean> {
  const result = await db
    .insertInto('agreement')
    .values({ id, ...agreement, is_twinning: true })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
