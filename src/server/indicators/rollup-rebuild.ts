import type { Kysely } from 'kysely';
import { parsePeriod, rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { periodMapRow, type PeriodMapRow } from './own-cells.repo.ts';
import { coarseTargets, createMonthlyPassTables, insertMonthlyCells, monthlyPass, passPeriods } from './rollup-monthly.repo.ts';
import {
  clearAllCells,
  createOwnCells,
  createPeriodMap,
  dropCellIndexes,
  insertParentCells,
  otherIndicators,
  prepareBulkAggregation,
  provinceCodes,
  restoreCellIndexes,
  villageStocks,
} from './rollup-rebuild.repo.ts';

/**
 * Repair: drops every rollup cell and recomputes them all from the observations, set-based and
 * level by level, inside the caller's transaction. Own cells (the collection level) are not stored.
 * The kecamatan cells of village stocks (the bulk: routine monthly data) come from one pass over
 * each province's observations, with the few irregular village-years corrected
 * (rollup-monthly.repo.ts); the own cells of every other indicator (flows, kecamatan or kab/kota
 * indicators) go to a temporary table first. Then kecamatan, kab/kota, province and the nation,
 * each from the level below. Gives the same cells as writing every observation through
 * recomputeRollups. Per indicator, `corrected` counts the irregular village-years and
 * `perVillage` the kecamatan-years read village by village.
 */
export async function rebuildAllRollups(trx: Kysely<Schema>): Promise<{ cells: number; corrected: Record<string, number>; perVillage: Record<string, number> }> {
  await prepareBulkAggregation(trx);
  await clearAllCells(trx);
  await createMonthlyPassTables(trx);
  const provinces = await provinceCodes(trx);
  for (const province of provinces) await monthlyPass(trx, province);
  const periods = await passPeriods(trx);
  if (periods.length === 0) return { cells: 0, corrected: {}, perVillage: {} };
  await createPeriodMap(trx, periodMap(periods));
  const stocks = [...(await villageStocks(trx))].sort();
  const indexes = await dropCellIndexes(trx);
  await createOwnCells(trx, provinces, await otherIndicators(trx, stocks));
  // The other indicators' levels first, while indicator_value holds only theirs (each level reads
  // the one below it from there), then the stocks' millions of cells, then the nation of all.
  let cells = 0;
  for (const childLength of [13, 8, 5] as const) cells += await insertParentCells(trx, childLength, stocks);
  const years = periods.filter((period) => parsePeriod(period).type === 'monthly').map((period) => period.slice(0, 4));
  const monthly = await insertMonthlyCells(trx, stocks, coarseTargets(years));
  cells += monthly.cells;
  cells += await insertParentCells(trx, 2, []);
  await restoreCellIndexes(trx, indexes);
  return { cells, corrected: monthly.corrected, perVillage: monthly.perVillage };
}

/** Each observed period with every period it counts in: itself and the coarser periods it rolls into. */
export function periodMap(periods: readonly string[]): PeriodMapRow[] {
  return periods.flatMap((period) => [period, ...rollupTargets(period)].map((target) => periodMapRow(period, target)));
}
