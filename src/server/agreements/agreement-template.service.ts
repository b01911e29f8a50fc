import type { Transaction } from 'kysely';
import type { AgreementDetail } from '../../common/api/agreements.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Schema } from '../db/schema.ts';
import type { AgreementsService } from './agreements.service.ts';

/**
 * A step another feature adds to "use as template": it copies its own part of the source
 * (the programmes feature: work plan and results framework) to the new agreement, in the same
 * transaction as the new agreement, so the copy is all or nothing.
 */
export type TemplateCopy = (trx: Transaction<Schema>, context: RequestContext, ids: { sourceId: string; targetId: string }) => Promise<void>;

/**
 * Replication ("gunakan sebagai templat"): a new draft agreement for two other regions,
 * pre-filled from an existing one's category, objectives and scope items. The new one records
 * where it came from (replicatedFromId). Documents, people, dates and the lifecycle are not copied:
 * they belong to the original signing.
 */
export class AgreementTemplateService {
  private readonly copies: TemplateCopy[] = [];

  constructor(private readonly agreements: AgreementsService) {}

  /** Registers a copy step (called once at wiring time, e.g. by the programmes feature). */
  onTemplate(copy: TemplateCopy): void {
    this.copies.push(copy);
  }

  async useAsTemplate(context: RequestContext, sourceId: string, input: { parties: string[]; title?: string | undefined }): Promise<AgreementDetail> {
    const source = await this.agreements.get(context, sourceId);
    const parties = await this.agreements.resolveParties(input.parties, source.category);
    const title = input.title ?? `${source.isTwinning ? 'Twinning Program ' : 'Kerja Sama '}${parties.map((party) => party.name.replace(/^Pemerintah /, '')).join(' – ')}`;
    return this.agreements.create(
      context,
      {
        title,
        category: source.category,
        isTwinning: source.isTwinning,
        objectives: source.objectives,
        visibility: 'internal',
        burdensPublic: false,
        unbudgeted: false,
        parties: input.parties,
        scopeItems: source.scopeItems.map((item) => ({
          label: item.label,
          description: item.description,
          urusanCode: item.urusanCode,
          needsLegalReview: item.needsLegalReview,
          reviewNote: item.reviewNote,
        })),
      },
      {
        replicatedFromId: source.id,
        within: async (trx, targetId) => {
          for (const copy of this.copies) await copy(trx, context, { sourceId: source.id, targetId });
        },
      },
    );
  }
}
