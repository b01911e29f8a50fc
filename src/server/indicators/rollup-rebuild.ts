import type { Kysely } from 'kysely';
import { parsePeriod, rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { periodMapRow, type PeriodMapRow } from './own-cells.repo.ts';
import { coarseTargets, createMonthlyPassTables, insertMonthlyCells, monthlyPass, monthlyPassShape } from './rollup-monthly.repo.ts';
import {
  clearAllCells,
  createOwnCells,
  createPeriodMap,
  dropCellIndexes,
  insertParentCells,
  prepareBulkAggregation,
  provinceCodes,
  restoreCellIndexes,
  villageStocks,
} from './rollup-rebuild.repo.ts';

/**
 * Repair: drops every rollup cell and recomputes them all from the observations, set-based and
 * level by level, inside the caller's transaction. Own cells (the collection level) are not stored:
 * the kecamatan cells of "simple" village indicators (one source kind and one period type, the
 * shape of routine monthly data) come straight from the observations, one kab/kota at a time; the
 * own cells of every other indicator go to a temporary table first. Then kecamatan, kab/kota,
 * province and the nation, each from the level below. Gives the same cells as writing every
 * observation through recomputeRollups.
 */
export async function rebuildAllRollups(trx: Kysely<Schema>): Promise<{ cells: number; monthlyPath: string[] }> {
  await prepareBulkAggregation(trx);
  await clearAllCells(trx);
  await createMonthlyPassTables(trx);
  for (const province of await provinceCodes(trx)) await monthlyPass(trx, province);
  const shape = await monthlyPassShape(trx);
  if (shape.length === 0) return { cells: 0, monthlyPath: [] };
  await createPeriodMap(trx, periodMap([...new Set(shape.map((row) => row.period))]));
  const simple = simpleIndicators(shape, await villageStocks(trx));
  const indexes = await dropCellIndexes(trx);
  await createOwnCells(trx, simple);
  const years = shape.filter((row) => simple.includes(row.indicatorCode)).map((row) => row.period.slice(0, 4));
  let cells = await insertMonthlyCells(trx, simple, coarseTargets(years));
  for (const childLength of [13, 8, 5] as const) cells += await insertParentCells(trx, childLength, simple);
  cells += await insertParentCells(trx, 2, []);
  await restoreCellIndexes(trx, indexes);
  return { cells, monthlyPath: simple };
}

/**
 * Village stocks whose observations hold one source kind and monthly periods only, all at
 * villages: the monthly path of the rebuild (rollup-monthly.repo.ts) computes them in one pass.
 * Anything else takes the general path.
 */
export function simpleIndicators(shape: ReadonlyArray<{ indicatorCode: string; period: string; sourceKind: string; atVillage: boolean }>, villageStockCodes: ReadonlySet<string>): string[] {
  const seen = new Map<string, { sources: Set<string>; monthly: boolean }>();
  for (const row of shape) {
    const entry = seen.get(row.indicatorCode) ?? { sources: new Set<string>(), monthly: true };
    entry.sources.add(row.sourceKind);
    entry.monthly &&= row.atVillage && parsePeriod(row.period).type === 'monthly';
    seen.set(row.indicatorCode, entry);
  }
  return [...seen.entries()].filter(([code, entry]) => villageStockCodes.has(code) && entry.sources.size === 1 && entry.monthly).map(([code]) => code).sort();
}

/** Each observed period with every period it counts in: itself and the coarser periods it rolls into. */
export function periodMap(periods: readonly string[]): PeriodMapRow[] {
  return periods.flatMap((period) => [period, ...rollupTargets(period)].map((target) => periodMapRow(period, target)));
}
