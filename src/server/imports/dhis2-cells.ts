/**
 * From checked DHIS2 data values to Kembar observation cells, and what importing each cell does.
 *
 * A cell is (indicator, area, period, source kind). A count or status is one data value; a
 * percentage is two, NUMERATOR and DENOMINATOR, which must arrive together (docs/decisions/0007).
 * A cell given twice is a conflict (DHIS2 would silently keep the last; Kembar names both rows).
 *
 * What importing does follows dhis2-core `DefaultDataValueSetService.importDataValue`:
 * stored + CREATE → ignored; stored + an unchanged value → ignored; stored + a new value → updated;
 * stored + deleted (or importStrategy=DELETE) → deleted; not stored + CREATE(_AND_UPDATE) → imported;
 * not stored + UPDATE or DELETE → ignored. Counts are per data value, so a percentage counts twice,
 * as DHIS2 would count its two values. Pure: no I/O.
 */
import type { ImportStrategy } from '../../common/api/dhis2.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { SourceKind } from '../db/schema.ts';
import { columnOf, placeOf, rowPlaceOf, type Dhis2DataValue } from './dhis2-data-value.ts';
import type { CheckedValue, Dhis2Conflict } from './dhis2-values.ts';

export interface CellKey {
  indicatorCode: string;
  areaCode: string;
  period: string;
  sourceKind: SourceKind;
}

export interface PlannedCell {
  key: CellKey;
  indicator: Indicator;
  /** The data values that make the cell: one, or NUMERATOR and DENOMINATOR. */
  values: CheckedValue[];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  comment: string | null;
  remove: boolean;
}

/** What a cell holds now, as far as deciding imported/updated/ignored needs. */
export interface StoredCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
}

export type Outcome = 'imported' | 'updated' | 'ignored' | 'deleted';

export function cellKeyText(key: CellKey): string {
  return `${key.indicatorCode}|${key.areaCode}|${key.period}|${key.sourceKind}`;
}

/**
 * Groups checked values into cells. `conflicted` holds the raw cell keys (`rawCellKey`) of values
 * that failed their own checks, so a half-percentage whose other half failed says so.
 */
export function assembleCells(checked: readonly CheckedValue[], conflicted: ReadonlySet<string>): { cells: PlannedCell[]; conflicts: Dhis2Conflict[] } {
  const groups = new Map<string, CheckedValue[]>();
  for (const value of checked) {
    const key = cellKeyText(keyOf(value));
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  const cells: PlannedCell[] = [];
  const conflicts: Dhis2Conflict[] = [];
  for (const [key, group] of groups) {
    const first = group[0];
    if (!first) continue;
    const result = first.indicator.measure === 'ratio' ? ratioCell(group, conflicted.has(key)) : singleCell(group);
    conflicts.push(...result.conflicts);
    if (result.cell) cells.push(result.cell);
  }
  return { cells, conflicts };
}

/** The cell key of a raw data value, spelled as `cellKeyText` spells it (null fields stay empty). */
export function rawCellKey(dataValue: Dhis2DataValue): string {
  const attribute = (dataValue.attributeOptionCombo ?? 'default').toLowerCase();
  const sourceKind = attribute === 'default' ? 'import' : attribute;
  return `${dataValue.dataElement ?? ''}|${dataValue.orgUnit ?? ''}|${dataValue.period ?? ''}|${sourceKind}`;
}

export function outcomeOf(cell: PlannedCell, stored: StoredCell | undefined, strategy: ImportStrategy): Outcome {
  if (stored) {
    if (strategy === 'CREATE') return 'ignored';
    if (cell.remove) return 'deleted';
    return sameValue(cell, stored) ? 'ignored' : 'updated';
  }
  if (cell.remove || strategy === 'UPDATE' || strategy === 'DELETE') return 'ignored';
  return 'imported';
}

function sameValue(cell: PlannedCell, stored: StoredCell): boolean {
  return cell.value === stored.value && cell.numerator === stored.numerator && cell.denominator === stored.denominator && cell.statusValue === stored.statusValue;
}

function keyOf(value: CheckedValue): CellKey {
  return { indicatorCode: value.indicator.code, areaCode: value.areaCode, period: value.period, sourceKind: value.sourceKind };
}

interface GroupResult {
  cell: PlannedCell | null;
  conflicts: Dhis2Conflict[];
}

function singleCell(group: readonly CheckedValue[]): GroupResult {
  const [first, ...repeats] = group;
  if (!first) return { cell: null, conflicts: [] };
  return {
    cell: { ...base(first, [first]), value: first.indicator.measure === 'value' ? first.number : null, statusValue: first.statusValue },
    conflicts: repeats.map((repeat) => duplicate(repeat, first)),
  };
}

function ratioCell(group: readonly CheckedValue[], otherHalfConflicted: boolean): GroupResult {
  const [numerator, ...extraNumerators] = group.filter((value) => value.part === 'NUMERATOR');
  const [denominator, ...extraDenominators] = group.filter((value) => value.part === 'DENOMINATOR');
  const conflicts = [...extraNumerators.map((extra) => numerator && duplicate(extra, numerator)), ...extraDenominators.map((extra) => denominator && duplicate(extra, denominator))].filter(
    (conflict): conflict is Dhis2Conflict => conflict !== undefined,
  );
  const halves = [numerator, denominator].filter((half): half is CheckedValue => half !== undefined);
  const [one] = halves;
  if (!one) return { cell: null, conflicts };
  if (halves.every((half) => half.remove)) return { cell: { ...base(one, halves), remove: true }, conflicts };
  if (halves.some((half) => half.remove)) {
    conflicts.push(pairConflict(halves, 'E7630', 'delete NUMERATOR and DENOMINATOR together: one of them is deleted and the other is not'));
    return { cell: null, conflicts };
  }
  if (!numerator || !denominator) {
    const missing = numerator ? 'DENOMINATOR' : 'NUMERATOR';
    const why = otherHalfConflicted ? `its ${missing} has a conflict of its own` : `its ${missing} (same dataElement, orgUnit, period and attributeOptionCombo) is missing`;
    conflicts.push(pairConflict(halves, 'E7630', `${one.indicator.code} is a percentage sent as NUMERATOR and DENOMINATOR; ${why}`));
    return { cell: null, conflicts };
  }
  const top = numerator.number ?? 0;
  const bottom = denominator.number ?? 0;
  if (numerator.indicator.proportion !== false && top > bottom) {
    conflicts.push(pairConflict(halves, 'E7619', `NUMERATOR ${top} is more than DENOMINATOR ${bottom}: ${numerator.indicator.code} is a share of its denominator`));
    return { cell: null, conflicts };
  }
  return { cell: { ...base(numerator, halves), numerator: top, denominator: bottom, comment: numerator.comment ?? denominator.comment }, conflicts };
}

function base(first: CheckedValue, values: CheckedValue[]): PlannedCell {
  return { key: keyOf(first), indicator: first.indicator, values, value: null, numerator: null, denominator: null, statusValue: null, comment: first.comment, remove: first.remove };
}

function duplicate(repeat: CheckedValue, first: CheckedValue): Dhis2Conflict {
  const combo = repeat.part ? ` ${repeat.part}` : '';
  const message = `\`${repeat.indicator.code}\`${combo} for \`${repeat.areaCode}\` in \`${repeat.period}\` is already given at ${rowPlaceOf(first.source)}; give each value once`;
  return {
    object: repeat.indicator.code,
    objects: { dataElement: repeat.indicator.code, orgUnit: repeat.areaCode, period: repeat.period },
    value: `${placeOf(repeat.source, 'dataElement')}: ${message}`,
    errorCode: 'E5004',
    property: 'dataElement',
    indexes: [repeat.source.index],
    message,
    places: [{ row: repeat.source.row, column: columnOf(repeat.source, 'dataElement') }],
  };
}

function pairConflict(halves: readonly CheckedValue[], errorCode: string, message: string): Dhis2Conflict {
  const [first] = halves;
  return {
    object: first?.indicator.code ?? '',
    objects: { dataElement: first?.indicator.code ?? '', orgUnit: first?.areaCode ?? '', period: first?.period ?? '' },
    value: `${halves.map((half) => rowPlaceOf(half.source)).join(' and ')}: ${message}`,
    errorCode,
    property: 'categoryOptionCombo',
    indexes: halves.map((half) => half.source.index),
    message,
    places: halves.map((half) => ({ row: half.source.row, column: columnOf(half.source, 'categoryOptionCombo') })),
  };
}
