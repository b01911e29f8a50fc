import type { Kysely } from 'kysely';
import type { Indicator } from '../../common/api/indicators.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { INDICATOR_CATALOGUE } from './catalogue.ts';
import { deleteAllCells, distinctObservedCells, type CellKey } from './indicator-values.repo.ts';
import { findIndicator, insertMissingIndicators, listIndicators } from './indicators.repo.ts';
import { recomputeRollups } from './rollup-engine.ts';

/** The indicator catalogue: seeded from the research, read by everyone. */
export class IndicatorsService {
  constructor(private readonly database: Database) {}

  list(filter: { group?: Indicator['group']; level?: Indicator['collectionLevel'] } = {}): Promise<Indicator[]> {
    return listIndicators(this.database.db, filter);
  }

  listByCodes(codes: readonly string[]): Promise<Indicator[]> {
    return listIndicators(this.database.db, { codes });
  }

  async get(code: string): Promise<Indicator> {
    const indicator = await findIndicator(this.database.db, code);
    if (!indicator) throw new NotFoundError(`No indicator has the code ${code}`);
    return indicator;
  }

  /** Adds the built-in catalogue entries that are missing (first start, and after an upgrade adds some). */
  async ensureCatalogue(context: RequestContext): Promise<{ added: number }> {
    const added = await inActorTransaction(this.database.db, context, (trx) => insertMissingIndicators(trx, INDICATOR_CATALOGUE, true));
    return { added };
  }

  /** Updates every rollup the written cells feed, inside the writer's transaction (see rollup-engine.ts). */
  rollUp(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, written: readonly CellKey[]): Promise<number> {
    return recomputeRollups(trx, indicators, written);
  }

  /** Repair: drops every rollup and recomputes them from the observations, in one transaction. */
  async rebuildRollups(): Promise<{ cells: number; durationMs: number }> {
    const started = performance.now();
    const indicators = new Map((await this.list()).map((indicator) => [indicator.code, indicator]));
    const cells = await this.database.db.transaction().execute(async (trx) => {
      await deleteAllCells(trx);
      return recomputeRollups(trx, indicators, await distinctObservedCells(trx));
    });
    return { cells, durationMs: Math.round(performance.now() - started) };
  }
}
