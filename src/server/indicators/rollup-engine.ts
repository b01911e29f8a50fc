import type { Kysely } from 'kysely';
import { ancestorCodes, areaLevel } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { contains, parsePeriod, PERIOD_TYPES, rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { childAggregates, deleteCell, lockCell, NATION, observationsInYears, writeCell, type CellKey } from './indicator-values.repo.ts';
import { aggregateOverAreas, aggregateOverTime, preferredSource, type Cell } from './rollup-arithmetic.ts';

/**
 * Brings every rollup cell a set of written observation cells feeds up to date, inside the
 * caller's transaction: the area itself and each ancestor up to the nation, for the written
 * period and every coarser period it rolls into. Cells are recomputed bottom-up (villages first),
 * in one global order, so children are current before their parent and concurrent writers take
 * row locks in the same order (no deadlock).
 */
export async function recomputeRollups(trx: Kysely<Schema>, indicators: ReadonlyMap<string, Indicator>, written: readonly CellKey[]): Promise<number> {
  const cells = affectedCells(written);
  for (const cell of cells) {
    const indicator = indicators.get(cell.indicatorCode);
    if (indicator) await recomputeCell(trx, indicator, cell);
  }
  return cells.length;
}

/** Every (indicator, area, period) cell the written cells roll into, deepest areas first. */
export function affectedCells(written: readonly CellKey[]): CellKey[] {
  const unique = new Map<string, CellKey & { depth: number }>();
  for (const { indicatorCode, areaCode, period } of written) {
    const areas = [areaCode, ...ancestorCodes(areaCode).reverse(), NATION.areaCode];
    for (const area of areas) {
      for (const target of [period, ...rollupTargets(period)]) {
        const depth = area === NATION.areaCode ? 0 : areaLevel(area);
        unique.set(`${indicatorCode}|${area}|${target}`, { indicatorCode, areaCode: area, period: target, depth });
      }
    }
  }
  return [...unique.values()]
    .sort((a, b) => b.depth - a.depth || compare(a.areaCode, b.areaCode) || compare(a.indicatorCode, b.indicatorCode) || compare(a.period, b.period))
    .map(({ indicatorCode, areaCode, period }) => ({ indicatorCode, areaCode, period }));
}

/**
 * One cell: the area's own observations when it has any for the period (the preferred source of
 * the exact period, else its finer periods combined over time), otherwise the combination of its
 * children's cells. An empty cell is removed.
 */
async function recomputeCell(trx: Kysely<Schema>, indicator: Indicator, key: CellKey): Promise<void> {
  await lockCell(trx, key);
  // Observations are entered only at the indicator's collection level, so only there can a cell
  // have its own; above it, cells are always the combination of their children.
  const depth = key.areaCode === NATION.areaCode ? 0 : areaLevel(key.areaCode);
  const own = depth === COLLECTION_DEPTH[indicator.collectionLevel] ? await ownCell(trx, indicator, key) : null;
  if (own) return writeCell(trx, key, aggregateOverAreas(indicator, [own]), 'observed');
  const children = key.areaCode === NATION.areaCode || areaLevel(key.areaCode) < 4 ? await childAggregates(trx, key) : [];
  const combined = aggregateOverAreas(indicator, children);
  if (combined.reporting === 0) return deleteCell(trx, key);
  return writeCell(trx, key, combined, 'aggregated');
}

async function ownCell(trx: Kysely<Schema>, indicator: Indicator, key: CellKey): Promise<Cell | null> {
  const period = parsePeriod(key.period);
  const years = [...new Set([period.start.slice(0, 4), period.end.slice(0, 4)])];
  const observations = (await observationsInYears(trx, key.indicatorCode, key.areaCode, years)).filter(
    (observation) => observation.period === key.period || contains(key.period, observation.period),
  );
  const exact = preferredSource(observations.filter((observation) => observation.period === key.period));
  if (exact) return exact.cell;
  const byPeriod = new Map<string, typeof observations>();
  for (const observation of observations) byPeriod.set(observation.period, [...(byPeriod.get(observation.period) ?? []), observation]);
  let entries = [...byPeriod.entries()].flatMap(([code, candidates]) => {
    const chosen = preferredSource(candidates);
    return chosen ? [{ period: code, cell: chosen.cell }] : [];
  });
  if (indicator.timeAggregation === 'sum') {
    // Flows add up over one kind of period only, the finest present: months and a quarter
    // covering the same months would otherwise count twice.
    const finest = Math.min(...entries.map((entry) => PERIOD_TYPES.indexOf(parsePeriod(entry.period).type)));
    entries = entries.filter((entry) => PERIOD_TYPES.indexOf(parsePeriod(entry.period).type) === finest);
  }
  return aggregateOverTime(indicator, entries);
}

/** The area level observations of each collection level are entered at (household data arrives per village). */
const COLLECTION_DEPTH: Record<Indicator['collectionLevel'], number> = { household: 4, village: 4, district: 3, regency: 2, province: 1, national: 0 };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
