/**
 * The part of a DHIS2 import both entrances share (`POST /api/dataValueSets` and the `dhis2-json` /
 * `dhis2-csv` formats of `POST /api/imports`): look up the indicators and areas the values name,
 * check every value, pair the halves of percentages, and turn cells into the observation writer's
 * rows. Writing is the caller's: the writer does it, all or nothing.
 */
import type { ImportStrategy } from '../../common/api/dhis2.ts';
import type { ImportError } from '../../common/api/imports.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { Actor } from '../auth/actor.ts';
import { isWithinArea } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import { assembleCells, rawCellKey, type PlannedCell } from './dhis2-cells.ts';
import type { Dhis2DataValue } from './dhis2-data-value.ts';
import { checkDataValue, type AreaFacts, type CheckedValue, type Dhis2Conflict } from './dhis2-values.ts';
import type { ObservationRow } from './observation-writer.ts';
import { findAreaFacts } from './observation-writer.repo.ts';

/** Where the plan looks things up: the catalogue and the area table. */
export interface Dhis2Lookups {
  indicatorsByCode(codes: readonly string[]): Promise<Indicator[]>;
  areaFacts(codes: readonly string[]): Promise<ReadonlyMap<string, AreaFacts>>;
}

export function dhis2Lookups(database: Database, indicators: IndicatorsService): Dhis2Lookups {
  return {
    indicatorsByCode: (codes) => indicators.listByCodes(codes),
    areaFacts: (codes) => findAreaFacts(database.db, codes),
  };
}

export interface PlanOptions {
  strategy: ImportStrategy;
  actor: Actor;
  /** An import job's area: every value must lie in it too (on top of the caller's own area). */
  areaScope?: string | null;
}

export interface Dhis2Plan {
  cells: PlannedCell[];
  /** In file order (by the first data value each names). */
  conflicts: Dhis2Conflict[];
}

export async function planDataValues(values: readonly Dhis2DataValue[], lookups: Dhis2Lookups, options: PlanOptions): Promise<Dhis2Plan> {
  const codes = (pick: (value: Dhis2DataValue) => string | null) => [...new Set(values.map(pick).filter((code): code is string => code !== null))];
  const [indicators, areas] = await Promise.all([lookups.indicatorsByCode(codes((value) => value.dataElement)), lookups.areaFacts(codes((value) => value.orgUnit))]);
  const context = {
    indicators: new Map(indicators.map((indicator) => [indicator.code, indicator])),
    areas,
    strategy: options.strategy,
    mayWrite: (areaCode: string) => mayWrite(options.actor, areaCode) && (!options.areaScope || isWithinArea(options.areaScope, areaCode)),
    caller: options.actor.kind === 'user' ? options.actor.email : options.actor.kind,
    callerArea: options.areaScope ?? (options.actor.kind === 'user' ? options.actor.organisation.areaCode : null),
  };
  const checked: CheckedValue[] = [];
  const conflicts: Dhis2Conflict[] = [];
  const conflicted = new Set<string>();
  for (const value of values) {
    const result = checkDataValue(value, context);
    if (result.ok) checked.push(result.value);
    else {
      conflicts.push(result.conflict);
      conflicted.add(rawCellKey(value));
    }
  }
  const assembled = assembleCells(checked, conflicted);
  const all = [...conflicts, ...assembled.conflicts].sort((a, b) => Math.min(...a.indexes) - Math.min(...b.indexes));
  return { cells: assembled.cells, conflicts: all };
}

/** True when every value was refused only because it lies outside the caller's area: the request as a whole is forbidden. */
export function onlyOutsideArea(total: number, conflicts: readonly Dhis2Conflict[]): boolean {
  return total > 0 && conflicts.length === total && conflicts.every((conflict) => conflict.errorCode === 'E7617');
}

/** The observation writer's rows for these cells; `row` is the first data value's row, as the user sees it. */
export function toObservationRows(cells: readonly PlannedCell[]): ObservationRow[] {
  return cells.map((cell) => {
    const first = cell.values[0]?.source;
    return {
      row: first?.row ?? 0,
      column: 'value',
      ...cell.key,
      value: cell.value,
      numerator: cell.numerator,
      denominator: cell.denominator,
      statusValue: cell.statusValue,
      comment: cell.comment,
      remove: cell.remove,
    };
  });
}

/** Conflicts as the import report's errors: one per place (row, column), in file order. */
export function toImportErrors(conflicts: readonly Dhis2Conflict[]): ImportError[] {
  return conflicts.flatMap((conflict) => conflict.places.map((place) => ({ row: place.row, column: place.column, message: conflict.message })));
}

function mayWrite(actor: Actor, areaCode: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.roles.includes('admin') || isWithinArea(actor.organisation.areaCode, areaCode);
}
