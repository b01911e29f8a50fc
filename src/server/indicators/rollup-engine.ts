import type { Kysely } from 'kysely';
import { ancestorCodes, areaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { childAggregatesOf, childrenOf, lockCells, NATION, writeCells, type CellKey } from './indicator-values.repo.ts';
import { aggregateOverAreas, COLLECTION_DEPTH, type Aggregate } from './rollup-arithmetic.ts';
import { ownCellsOf } from './own-cells.repo.ts';

/**
 * Brings every rollup cell a set of written observation cells feeds up to date, inside the
 * caller's transaction: each ancestor of the written area above the indicator's collection level,
 * up to the nation, for the written period and every coarser period it rolls into. (The area's own
 * cell is not stored: readers compute it from the observations, own-cells.repo.ts.)
 *
 * Set-based, level by level: one statement locks every affected cell in one global order (deepest
 * first, then by code), so concurrent writers never wait for each other crosswise; then each level
 * is read in one statement (the first level above the collection level reads its children's own
 * cells from the observations, the others their children's stored cells), recomputed with the pure
 * arithmetic and written in one statement. A write of one village or of ten thousand costs about
 * 1 + 2 × 4 statements (more only when a level has more than a chunk of cells), not a few per cell.
 */
export async function recomputeRollups(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, written: readonly CellKey[]): Promise<number> {
  const cells = affectedCells(written.filter((cell) => indicators.has(cell.indicatorCode))).filter(
    (cell) => depthOf(cell.areaCode) < COLLECTION_DEPTH[indicatorOf(indicators, cell).collectionLevel],
  );
  if (cells.length === 0) return 0;
  await lockCells(trx, cells);
  for (const depth of [3, 2, 1, 0]) {
    const level = cells.filter((cell) => depthOf(cell.areaCode) === depth);
    if (level.length === 0) continue;
    const aboveOwn = level.filter((cell) => depth === COLLECTION_DEPTH[indicatorOf(indicators, cell).collectionLevel] - 1);
    const aboveStored = level.filter((cell) => depth < COLLECTION_DEPTH[indicatorOf(indicators, cell).collectionLevel] - 1);
    await writeCells(trx, [...(await cellsOverOwnCells(trx, indicators, aboveOwn)), ...(await combinedCells(trx, indicators, aboveStored))]);
  }
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

/**
 * Cells one level above the collection level: the combination of their children's own cells,
 * computed from the observations for every child of every cell in one go.
 */
async function cellsOverOwnCells(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, keys: readonly CellKey[]): Promise<ComputedCell[]> {
  if (keys.length === 0) return [];
  const children = await childrenOf(trx, [...new Set(keys.map((key) => key.areaCode))]);
  const parentOf = new Map([...children.entries()].flatMap(([parent, codes]) => codes.map((code) => [code, parent] as const)));
  const own = await ownCellsOf(trx, {
    indicatorCodes: [...new Set(keys.map((key) => key.indicatorCode))],
    areaCodes: [...parentOf.keys()],
    periods: [...new Set(keys.map((key) => key.period))],
  });
  const parts = new Map<string, Aggregate[]>();
  for (const cell of own) {
    const id = `${cell.indicatorCode}|${parentOf.get(cell.areaCode) ?? ''}|${cell.period}`;
    parts.set(id, [...(parts.get(id) ?? []), cell]);
  }
  return keys.map((key) => ({
    key,
    aggregate: aggregateOverAreas(indicatorOf(indicators, key), parts.get(`${key.indicatorCode}|${key.areaCode}|${key.period}`) ?? []),
    origin: 'aggregated',
  }));
}

/** Cells above the collection level: the combination of their children's cells, read for all cells in one go. */
async function combinedCells(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, keys: readonly CellKey[]): Promise<ComputedCell[]> {
  if (keys.length === 0) return [];
  const children = new Map<CellKey, Aggregate[]>();
  for (const { parent, aggregate } of await childAggregatesOf(trx, keys)) children.set(parent, [...(children.get(parent) ?? []), aggregate]);
  return keys.map((key) => ({ key, aggregate: aggregateOverAreas(indicatorOf(indicators, key), children.get(key) ?? []), origin: 'aggregated' }));
}

interface ComputedCell {
  key: CellKey;
  aggregate: Aggregate;
  origin: 'aggregated';
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
