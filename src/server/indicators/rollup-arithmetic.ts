import type { Indicator } from '../../common/api/indicators.ts';
import { comparePeriods, contains, parsePeriod, PERIOD_TYPES } from '../../common/period.ts';
import type { SourceKind } from '../db/schema.ts';

/**
 * The arithmetic of rollups, pure: how values combine over areas (children → parent) and over
 * time (sub-periods → a coarser period), and which source of a cell counts. The database engine
 * that keeps rollups current on every write (issue 5) applies exactly these rules.
 *
 * Ratios combine as Σnumerator / Σdenominator, never as a mean of percentages: a village of
 * 1,000 households at 90% and one of 10 at 10% make 89.2%, not 50%.
 */

/** One cell's stored numbers (one of the three shapes, by the indicator's measure). */
export interface Cell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  /** True when the cell comes from example (demo) observations; absent means real. */
  example?: boolean;
}

/** The combination of several cells, with how many of them reported. */
export interface Aggregate {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** For status indicators: how many reporting areas are in each status. */
  statusCounts: Record<string, number> | null;
  /** How many of the combined cells held a value (coverage = reporting ÷ expected). */
  reporting: number;
  /** Of the reporting cells, how many come from example (demo) data: the figure is example when > 0. */
  exampleReporting: number;
}

type AreaRule = { areaAggregation: Indicator['areaAggregation']; statusValues: readonly string[] | null };

/** Combines children's cells (or children's aggregates) into their parent's. */
export function aggregateOverAreas(indicator: AreaRule, parts: ReadonlyArray<Cell | Aggregate>): Aggregate {
  const reported = parts.filter(hasData);
  const reporting = reported.reduce((total, part) => total + ('reporting' in part ? part.reporting : 1), 0);
  const exampleReporting = reported.reduce((total, part) => total + ('reporting' in part ? part.exampleReporting : part.example === true ? 1 : 0), 0);
  switch (indicator.areaAggregation) {
    case 'sum': {
      const value = reported.length ? sum(reported.map((part) => part.value ?? 0)) : null;
      return { value, numerator: null, denominator: null, statusCounts: null, reporting, exampleReporting };
    }
    case 'ratio': {
      const numerator = reported.length ? sum(reported.map((part) => part.numerator ?? 0)) : null;
      const denominator = reported.length ? sum(reported.map((part) => part.denominator ?? 0)) : null;
      return { value: ratio(numerator, denominator), numerator, denominator, statusCounts: null, reporting, exampleReporting };
    }
    case 'count_status': {
      const statusCounts: Record<string, number> = Object.fromEntries((indicator.statusValues ?? []).map((status) => [status, 0]));
      for (const part of reported) {
        if ('reporting' in part) {
          for (const [status, count] of Object.entries(part.statusCounts ?? {})) statusCounts[status] = (statusCounts[status] ?? 0) + count;
        } else if (part.statusValue !== null) {
          statusCounts[part.statusValue] = (statusCounts[part.statusValue] ?? 0) + 1;
        }
      }
      return { value: countedStatus(indicator, statusCounts), numerator: null, denominator: null, statusCounts, reporting, exampleReporting };
    }
    case 'none':
      return { value: null, numerator: null, denominator: null, statusCounts: null, reporting, exampleReporting };
  }
}

/**
 * The headline number of a status count: how many areas reached the last (best) status of the
 * indicator's list, e.g. SBS_TERVERIFIKASI for the village SBS status, YA for yes/no indicators.
 */
function countedStatus(indicator: AreaRule, counts: Record<string, number>): number {
  const best = indicator.statusValues?.at(-1);
  return best ? (counts[best] ?? 0) : 0;
}

/**
 * Combines one area's cells of finer periods into a coarser period: flows add up (desludging trips
 * per month make the year's trips); stocks take the latest period's cell (coverage at year end).
 */
export function aggregateOverTime(indicator: Pick<Indicator, 'timeAggregation'>, entries: ReadonlyArray<{ period: string; cell: Cell }>): Cell | null {
  const reported = entries.filter((entry) => hasData(entry.cell));
  if (reported.length === 0) return null;
  if (indicator.timeAggregation === 'last') {
    return [...reported].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)?.cell ?? null;
  }
  const cells = reported.map((entry) => entry.cell);
  const anyRatio = cells.some((cell) => cell.numerator !== null);
  return {
    value: anyRatio ? null : sum(cells.map((cell) => cell.value ?? 0)),
    numerator: anyRatio ? sum(cells.map((cell) => cell.numerator ?? 0)) : null,
    denominator: anyRatio ? sum(cells.map((cell) => cell.denominator ?? 0)) : null,
    statusValue: null,
    // The sum includes example data when any of its parts does.
    ...(cells.some((cell) => cell.example === true) ? { example: true } : {}),
  };
}

/**
 * The area depth (0 nation … 4 village) observations of each collection level are entered at
 * (household data arrives per village). Only there does a cell hold the area's own observations;
 * above it, cells combine their children's; below it, there are none.
 */
export const COLLECTION_DEPTH: Record<Indicator['collectionLevel'], number> = { household: 4, village: 4, district: 3, regency: 2, province: 1, national: 0 };

/** One stored observation of an area: its period, source and numbers (cell.example when it is example data). */
export interface SourcedCell {
  period: string;
  sourceKind: SourceKind;
  cell: Cell;
}

/**
 * An area's own cell for `period` from its observations (any periods; the others are ignored):
 * the preferred source of the exact period when there is one, else its finer periods combined over
 * time (each period's preferred source). Flows add up over one kind of period only, the finest
 * present: months and a quarter covering the same months would otherwise count twice.
 */
export function ownCell(indicator: Pick<Indicator, 'timeAggregation'>, period: string, observations: readonly SourcedCell[]): Cell | null {
  const inside = observations.filter((observation) => observation.period === period || contains(period, observation.period));
  const exact = preferredSource(inside.filter((observation) => observation.period === period));
  if (exact) return exact.cell;
  const byPeriod = new Map<string, SourcedCell[]>();
  for (const observation of inside) byPeriod.set(observation.period, [...(byPeriod.get(observation.period) ?? []), observation]);
  let entries = [...byPeriod.entries()].flatMap(([code, candidates]) => {
    const chosen = preferredSource(candidates);
    return chosen ? [{ period: code, cell: chosen.cell }] : [];
  });
  if (indicator.timeAggregation === 'sum') {
    const finest = Math.min(...entries.map((entry) => PERIOD_TYPES.indexOf(parsePeriod(entry.period).type)));
    entries = entries.filter((entry) => PERIOD_TYPES.indexOf(parsePeriod(entry.period).type) === finest);
  }
  return aggregateOverTime(indicator, entries);
}

/**
 * Which source of a cell counts when several hold a value: verified beats surveyed beats routine
 * beats imported; a value derived by rule comes after any entered one, and example (demo) data last,
 * so a real value entered for a demo village replaces the example at once.
 */
export const SOURCE_PRECEDENCE: readonly SourceKind[] = ['verification', 'survey', 'routine', 'import', 'derived', 'example'];

export function preferredSource<T extends { sourceKind: SourceKind }>(candidates: readonly T[]): T | null {
  for (const kind of SOURCE_PRECEDENCE) {
    const found = candidates.find((candidate) => candidate.sourceKind === kind);
    if (found) return found;
  }
  return null;
}

/** numerator ÷ denominator, or null when there is nothing to divide by. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}

function hasData(part: Cell | Aggregate): boolean {
  if ('reporting' in part) return part.reporting > 0;
  return part.value !== null || part.numerator !== null || part.statusValue !== null;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
