import type { Kysely } from 'kysely';
import { ancestorCodes, areaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { lockCells, NATION, writeCells, type CellKey } from './indicator-values.repo.ts';
import { aggregateOverAreas, COLLECTION_DEPTH, type Aggregate } from './rollup-arithmetic.ts';
import { childCellsOf } from './rollup-inputs.repo.ts';

/**
 * Brings every rollup cell a set of written observation cells feeds up to date, inside the
 * caller's transaction: each ancestor of the written area above the indicator's collection level,
 * up to the nation, for the written period and every coarser period it rolls into. (The area's own
 * cell is not stored: readers compute it from the observations, own-cells.repo.ts.)
 *
 * Three statements whatever the number of cells (more only past a chunk of cells): one locks every
 * affected cell in one global order (deepest first, then by code), so concurrent writers never wait
 * for each other crosswise; one reads, after the locks, every input of every level: the own cells
 * (from the observations) under the cells one level above the collection level, and the stored
 * children of the cells higher up; the levels are then recomputed with the pure arithmetic from the
 * deepest up, each level using the new values of the cells just recomputed below it in place of
 * their stored ones; one statement writes them all. The read must follow the lock in its own
 * statement: a statement sees the data as of its start, and the lock may wait for another writer.
 */
export async function recomputeRollups(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, written: readonly CellKey[]): Promise<number> {
  const cells = affectedCells(written.filter((cell) => indicators.has(cell.indicatorCode))).filter(
    (cell) => depthOf(cell.areaCode) < COLLECTION_DEPTH[indicatorOf(indicators, cell).collectionLevel],
  );
  if (cells.length === 0) return 0;
  await lockCells(trx, cells);
  const overOwn = cells.filter((cell) => depthOf(cell.areaCode) === COLLECTION_DEPTH[indicatorOf(indicators, cell).collectionLevel] - 1);
  const overStored = cells.filter((cell) => depthOf(cell.areaCode) < COLLECTION_DEPTH[indicatorOf(indicators, cell).collectionLevel] - 1);
  // Each parent's children: own cells, or stored cells by key, replaced below by their new numbers
  // when this write recomputes them (and joined by the recomputed ones that had no stored cell yet).
  const children = new Map<string, Map<string, Aggregate>>();
  const childrenOf = (parent: CellKey): Map<string, Aggregate> => {
    let found = children.get(cellId(parent));
    if (!found) children.set(cellId(parent), (found = new Map()));
    return found;
  };
  for (const { parent, child, aggregate } of await childCellsOf(trx, overOwn, overStored)) childrenOf(parent).set(child, aggregate);
  const recomputed: ComputedCell[] = [];
  for (const depth of [3, 2, 1, 0]) {
    for (const key of cells.filter((cell) => depthOf(cell.areaCode) === depth)) {
      const aggregate = aggregateOverAreas(indicatorOf(indicators, key), [...childrenOf(key).values()]);
      recomputed.push({ key, aggregate, origin: 'aggregated' });
      if (depth > 0) childrenOf({ ...key, areaCode: parentOf(key.areaCode) }).set(key.areaCode, aggregate);
    }
  }
  await writeCells(trx, recomputed);
  return cells.length;
}

/** Every (indicator, area, period) cell the written cells roll into, deepest areas first, then by code. */
export function affectedCells(written: readonly CellKey[]): CellKey[] {
  const unique = new Map<string, CellKey & { depth: number }>();
  for (const { indicatorCode, areaCode, period } of written) {
    const areas = [areaCode, ...ancestorCodes(areaCode).reverse(), NATION.areaCode];
    for (const area of areas) {
      for (const target of [period, ...rollupTargets(period)]) {
        unique.set(`${indicatorCode}|${area}|${target}`, { indicatorCode, areaCode: area, period: target, depth: depthOf(area) });
      }
    }
  }
  return [...unique.values()]
    .sort((a, b) => b.depth - a.depth || compare(a.areaCode, b.areaCode) || compare(a.indicatorCode, b.indicatorCode) || compare(a.period, b.period))
    .map(({ indicatorCode, areaCode, period }) => ({ indicatorCode, areaCode, period }));
}

interface ComputedCell {
  key: CellKey;
  aggregate: Aggregate;
  origin: 'aggregated';
}

/** The area one level up: the nation for a province (the codes are a materialized path). */
function parentOf(areaCode: string): string {
  return ancestorCodes(areaCode).at(-1) ?? NATION.areaCode;
}

function cellId(key: CellKey): string {
  return `${key.indicatorCode}|${key.areaCode}|${key.period}`;
}

function depthOf(areaCode: string): number {
  return areaCode === NATION.areaCode ? 0 : areaLevel(areaCode);
}

function indicatorOf(indicators: ReadonlyMap<string, Indicator>, key: CellKey): Indicator {
  const indicator = indicators.get(key.indicatorCode);
  if (!indicator) throw new Error(`rollups: indicator ${key.indicatorCode} was not loaded`);
  return indicator;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
