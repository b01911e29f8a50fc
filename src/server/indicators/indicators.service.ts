import type { Kysely } from 'kysely';
import type { Indicator } from '../../common/api/indicators.ts';
import { DERIVED_INDICATOR_CODES } from '../../common/village-status.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { INDICATOR_CATALOGUE } from './catalogue.ts';
import type { CellKey } from './indicator-values.repo.ts';
import { findIndicator, insertMissingIndicators, listIndicators } from './indicators.repo.ts';
import { rebuildAllRollups } from './rollup-rebuild.ts';
import { recomputeRollups } from './rollup-engine.ts';
import { rederiveAllVillageStatuses, rederiveVillageStatuses } from './village-status-derivation.ts';

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

  /**
   * Updates every rollup the written cells feed, inside the writer's transaction (see
   * rollup-engine.ts), then the village statuses derived from them (village-status-derivation.ts)
   * and their rollups. Every writer of observations (data entry, imports, demo data) calls this.
   */
  async rollUp(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, written: readonly CellKey[]): Promise<number> {
    let cells = await recomputeRollups(trx, indicators, written);
    const derived = await rederiveVillageStatuses(trx, written);
    if (derived.length > 0) {
      const derivedIndicators = new Map((await listIndicators(trx, { codes: DERIVED_INDICATOR_CODES })).map((indicator) => [indicator.code, indicator]));
      cells += await recomputeRollups(trx, derivedIndicators, derived);
    }
    return cells;
  }

  /**
   * Re-derives every village status from the rolled-up inputs (after a bulk load, or to repair),
   * in one audited transaction; returns how many derived cells changed. Their rollups are then
   * stale: follow with `rebuildRollups()` when any changed.
   */
  async rederiveVillageStatuses(context: RequestContext): Promise<number> {
    return (await inActorTransaction(this.database.db, context, (trx) => rederiveAllVillageStatuses(trx))).length;
  }

  /**
   * Repair: drops every rollup and recomputes them from the observations in one transaction,
   * set-based (a few INSERT … SELECT … GROUP BY per level), so it scales to the national data.
   */
  async rebuildRollups(): Promise<{ cells: number; durationMs: number; corrected: Record<string, number>; perVillage: Record<string, number> }> {
    const started = performance.now();
    const { cells, corrected, perVillage } = await this.database.db.transaction().execute((trx) => rebuildAllRollups(trx));
    return { cells, durationMs: Math.round(performance.now() - started), corrected, perVillage };
  }
}
