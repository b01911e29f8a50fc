import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { AgreementFacts } from './participation.ts';

/**
 * Interim: the agreement facts the programme features need, read straight from the agreement
 * tables until the agreements service offers them (then services.ts wires that instead).
 */
export async function readAgreementFacts(db: Kysely<Schema>, id: string): Promise<AgreementFacts | null> {
  const agreement = await db.selectFrom('agreement').select(['id', 'title', 'status', 'visibility']).where('id', '=', id).executeTakeFirst();
  if (!agreement) return null;
  const participants = await db
    .selectFrom('agreement_participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.role', 'p.party_number', 'p.attendance', 'p.note', 'p.sources', 'o.id as organisation_id', 'o.code', 'o.name', 'o.kind', 'o.area_code'])
    .where('p.agreement_id', '=', id)
    .orderBy('p.party_number')
    .execute();
  return {
    ...agreement,
    participants: participants.map((row) => ({
      id: row.id,
      organisation: { id: row.organisation_id, code: row.code, name: row.name, kind: row.kind, areaCode: row.area_code },
      role: row.role,
      partyNumber: row.party_number,
      attendance: row.attendance,
      note: row.note,
      sources: row.sources,
    })),
  };
}
