import type { FastifyInstance } from 'fastify';
import type { AgreementFacts } from '../../src/server/programmes/participation.ts';
import { inActorTransaction } from '../../src/server/audit/actor-transaction.ts';
import { systemContext } from '../../src/server/auth/actor.ts';
import type { Database } from '../../src/server/db/connect.ts';

/** Kabupaten Sumbawa Barat and Kota Bekasi (the founding twinning), and a third region: Kota Semarang. */
export const KSB = '52.07';
export const BEKASI = '32.75';
export const THIRD = '33.74';

export interface AgreementSpec {
  title: string;
  parties: string[];
  others?: { code: string; role: 'fasilitator' | 'saksi' | 'sponsor' | 'mentor' | 'mentee' }[];
  visibility?: 'public' | 'internal';
  status?: 'draft' | 'implementation';
}

/**
 * An agreement with its participants, written as the agreements feature would store it
 * (example data for tests only, not a real agreement).
 */
export async function createAgreement(app: FastifyInstance, database: Database, spec: AgreementSpec): Promise<string> {
  const organisations = app.services.organisations;
  const parties = await Promise.all(spec.parties.map((code) => organisations.get(code)));
  const others = await Promise.all((spec.others ?? []).map(async (other) => ({ ...other, organisation: await organisations.get(other.code) })));
  return inActorTransaction(database.db, systemContext('cli'), async (trx) => {
    const { id } = await trx
      .insertInto('agreement')
      .values({ title: spec.title, category: 'ksdd_sukarela', visibility: spec.visibility ?? 'public', status: spec.status ?? 'implementation' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, party] of parties.entries()) {
      await trx.insertInto('agreement_participant').values({ agreement_id: id, organisation_id: party.id, role: 'pihak', party_number: index + 1 }).execute();
    }
    for (const other of others) {
      await trx.insertInto('agreement_participant').values({ agreement_id: id, organisation_id: other.organisation.id, role: other.role }).execute();
    }
    return id;
  });
}

export type { AgreementFacts };
