import type { PublishedFigure } from '../../common/api/published-figures.ts';
import type { AreasService } from '../areas/areas.service.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { PUBLISHED_FIGURES } from './published-figures-data.ts';
import { listPublishedFigures, upsertPublishedFigures } from './published-figures.repo.ts';

/** Real published figures with their citations: read by everyone, loaded with the demo (they are not example data). */
export class PublishedFiguresService {
  constructor(
    private readonly database: Database,
    private readonly areas: AreasService,
  ) {}

  async list(query: { area?: string | undefined; indicator?: string | undefined }): Promise<PublishedFigure[]> {
    if (query.area && query.area !== 'ID') await this.areas.getArea(query.area); // 404 for an unknown area
    return listPublishedFigures(this.database.db, query);
  }

  /** Loads the built-in figures (research/stbm-indicators.md); again is harmless. */
  async ensureBuiltIn(context: RequestContext): Promise<{ changed: number; total: number }> {
    const changed = await inActorTransaction(this.database.db, context, (trx) => upsertPublishedFigures(trx, PUBLISHED_FIGURES));
    return { changed, total: PUBLISHED_FIGURES.length };
  }
}
