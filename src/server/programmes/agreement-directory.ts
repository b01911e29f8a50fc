import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { readAgreementFacts } from './agreement-facts.repo.ts';
import type { AgreementDirectory, AgreementFacts } from './participation.ts';

/**
 * Interim directory of agreements for the programme features: an internal agreement is seen by
 * signed-in users only (and the CLI); a public one by everyone. Replaced by the agreements
 * service's own read rule once it is wired in services.ts.
 */
export class TableAgreementDirectory implements AgreementDirectory {
  constructor(private readonly database: Database) {}

  async facts(context: RequestContext, agreementId: string): Promise<AgreementFacts> {
    const facts = await readAgreementFacts(this.database.db, agreementId);
    if (!facts || (facts.visibility === 'internal' && context.actor.kind === 'anonymous')) throw new NotFoundError(`No agreement has the id ${agreementId}`);
    return facts;
  }
}
