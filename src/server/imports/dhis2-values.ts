/**
 * Checks each DHIS2 data value against Kembar's catalogue and areas, the way DHIS2's
 * `DataValueSetImportValidator` does, and reads what it means in Kembar terms:
 *
 * - dataElement = indicator code, orgUnit = Kemendagri area code, period = DHIS2 period code;
 * - attributeOptionCombo = the source kind: empty or `default` → import, or ROUTINE, SURVEY,
 *   VERIFICATION, IMPORT (any case);
 * - categoryOptionCombo: empty or `default` for counts and statuses; for a percentage (a ratio
 *   indicator) NUMERATOR or DENOMINATOR, two values making one observation (docs/decisions/0007);
 * - value: a number for counts and ratio parts (zero or more), a status code for status indicators.
 *
 * Every problem becomes a conflict with DHIS2's error code, naming the row and column. Pairing the
 * two halves of a ratio and spotting duplicates is `dhis2-cells.ts`. Pure: no I/O.
 */
import type { ImportConflict, ImportStrategy } from '../../common/api/dhis2.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { isPeriodCode } from '../../common/period.ts';
import type { SourceKind } from '../db/schema.ts';
import { columnOf, placeOf, type DataValueProperty, type Dhis2DataValue } from './dhis2-data-value.ts';

/** What the checks need to know of an area (the observation writer's `findAreaFacts`). */
export interface AreaFacts {
  level: number;
  retired: boolean;
}

export interface CheckContext {
  indicators: ReadonlyMap<string, Indicator>;
  areas: ReadonlyMap<string, AreaFacts>;
  strategy: ImportStrategy;
  /** Whether the caller may write this area (their organisation's area scope). */
  mayWrite: (areaCode: string) => boolean;
  /** Who is importing (DHIS2 names the user), for the out-of-area message. */
  caller: string;
  /** The area they may write in, added to that message; null when unknown. */
  callerArea?: string | null;
}

export type RatioPart = 'NUMERATOR' | 'DENOMINATOR';

/** A data value that passed every check, read into Kembar terms. */
export interface CheckedValue {
  source: Dhis2DataValue;
  indicator: Indicator;
  areaCode: string;
  period: string;
  sourceKind: SourceKind;
  /** For a ratio indicator, which half this value is. */
  part: RatioPart | null;
  /** The number (counts, ratio parts) or status code; null when the value clears the cell. */
  number: number | null;
  statusValue: string | null;
  comment: string | null;
  remove: boolean;
}

/**
 * A conflict as DHIS2 reports it, plus what Kembar's own import report needs: the bare message and
 * each place (row as the user sees it, column as the reader names it). `wireConflict` drops the extras.
 */
export interface Dhis2Conflict extends ImportConflict {
  message: string;
  places: Array<{ row: number; column: string }>;
}

export type CheckResult = { ok: true; value: CheckedValue } | { ok: false; conflict: Dhis2Conflict };

/** The area level each collection level is stored at; household records arrive per village (as the observation writer does). */
const LEVEL_OF: Record<Indicator['collectionLevel'], number | null> = { household: 4, village: 4, district: 3, regency: 2, province: 1, national: null };
const LEVEL_NAMES: Record<number, string> = { 1: 'a province', 2: 'a kabupaten/kota', 3: 'a kecamatan', 4: 'a desa/kelurahan' };
const SOURCE_OF_ATTRIBUTE: Record<string, SourceKind> = { DEFAULT: 'import', IMPORT: 'import', ROUTINE: 'routine', SURVEY: 'survey', VERIFICATION: 'verification' };
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
export const MAX_COMMENT_LENGTH = 1000;
const PERIOD_FORMS = '2021, 2021S2, 2021Q3, 202110, 2021W43 or 20211026';

export function checkDataValue(dataValue: Dhis2DataValue, context: CheckContext): CheckResult {
  const fail = (errorCode: string, property: DataValueProperty, object: string, message: string): CheckResult => ({
    ok: false,
    conflict: {
      object,
      objects: { [property]: object },
      value: `${placeOf(dataValue, property)}: ${message}`,
      errorCode,
      property,
      indexes: [dataValue.index],
      message,
      places: [{ row: dataValue.row, column: columnOf(dataValue, property) }],
    },
  });
  const { dataElement, orgUnit, period } = dataValue;
  const indicator = dataElement === null ? undefined : context.indicators.get(dataElement);
  if (!indicator) return fail('E7610', 'dataElement', dataElement ?? '', `Data element not found or not accessible: \`${dataElement ?? ''}\` (give an indicator code, e.g. STBM.DS.KK_TOTAL)`);
  if (period === null || !isPeriodCode(period)) return fail('E7611', 'period', period ?? '', `Period not valid: \`${period ?? ''}\` (use ${PERIOD_FORMS})`);
  const area = orgUnit === null ? undefined : context.areas.get(orgUnit);
  if (orgUnit === null || !area) return fail('E7612', 'orgUnit', orgUnit ?? '', `Organisation unit not found or not accessible: \`${orgUnit ?? ''}\` (give a Kemendagri area code, e.g. 52.07.02.2001)`);
  if (area.retired) return fail('E7612', 'orgUnit', orgUnit, `Organisation unit not found or not accessible: \`${orgUnit}\` is no longer a current area code`);
  if (!context.mayWrite(orgUnit)) return fail('E7617', 'orgUnit', orgUnit, `Organisation unit: \`${orgUnit}\` not in hierarchy of current user: \`${context.caller}\`${context.callerArea ? ` (who may write in ${context.callerArea} only)` : ''}`);
  if (LEVEL_OF[indicator.collectionLevel] !== area.level) {
    return fail('E7636', 'orgUnit', orgUnit, `Data element: \`${indicator.code}\` is collected at ${indicator.collectionLevel} level; \`${orgUnit}\` is ${LEVEL_NAMES[area.level] ?? `a level-${area.level} area`}`);
  }
  const attribute = (dataValue.attributeOptionCombo ?? 'default').toUpperCase();
  const sourceKind = SOURCE_OF_ATTRIBUTE[attribute];
  if (!sourceKind) {
    return fail('E7615', 'attributeOptionCombo', dataValue.attributeOptionCombo ?? '', `Attribute option combo not found or not accessible for writing data: \`${dataValue.attributeOptionCombo ?? ''}\` (use default, ROUTINE, SURVEY, VERIFICATION or IMPORT)`);
  }
  const combo = readCombo(dataValue, indicator);
  if ('problem' in combo) {
    return fail(combo.problem === 'missing' ? 'E7630' : 'E7613', 'categoryOptionCombo', dataValue.categoryOptionCombo ?? '', comboProblem(combo.problem, dataValue, indicator));
  }
  const remove = dataValue.deleted || context.strategy === 'DELETE';
  const comment = dataValue.comment;
  if (comment !== null && comment.length > MAX_COMMENT_LENGTH) return fail('E7620', 'comment', indicator.code, `Invalid comment: longer than ${MAX_COMMENT_LENGTH} characters`);
  const base = { source: dataValue, indicator, areaCode: orgUnit, period, sourceKind, part: combo.part, comment, remove };
  if (remove) return { ok: true, value: { ...base, number: null, statusValue: null } };

  const raw = dataValue.value;
  if (raw === null) {
    const why = comment === null ? '' : ' (Kembar keeps a comment only together with a value)';
    return fail('E7618', 'value', indicator.code, `Data value or comment not specified for data element: \`${indicator.code}\`${why}`);
  }
  if (indicator.measure === 'status') {
    const statusValue = indicator.statusValues?.find((option) => option === raw.toUpperCase());
    if (!statusValue) return fail('E7621', 'value', raw, `Data value is not a valid option of the data element option set: \`${raw}\` (${indicator.code} takes ${indicator.statusValues?.join(', ')})`);
    return { ok: true, value: { ...base, number: null, statusValue } };
  }
  const number = NUMBER_PATTERN.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(number)) return fail('E7619', 'value', raw, `Value must match data element's \`NUMBER\` type constraints: \`${raw}\` is not a number (write 1200 or 12.5: no thousands separators, no units)`);
  if (number < 0) return fail('E7619', 'value', raw, `Value must match data element's \`NUMBER\` type constraints: \`${raw}\` is negative; ${indicator.code} counts ${indicator.unit}`);
  return { ok: true, value: { ...base, number, statusValue: null } };
}

type ComboProblem = 'missing' | 'unexpected' | 'unknown';

/** NUMERATOR/DENOMINATOR for a ratio indicator, null (`default`) for the others, or what is wrong. */
function readCombo(dataValue: Dhis2DataValue, indicator: Indicator): { part: RatioPart | null } | { problem: ComboProblem } {
  const combo = (dataValue.categoryOptionCombo ?? 'default').toUpperCase();
  const isPart = combo === 'NUMERATOR' || combo === 'DENOMINATOR';
  if (indicator.measure === 'ratio') {
    if (isPart) return { part: combo };
    return { problem: combo === 'DEFAULT' ? 'missing' : 'unknown' };
  }
  if (combo === 'DEFAULT') return { part: null };
  return { problem: isPart ? 'unexpected' : 'unknown' };
}

function comboProblem(problem: ComboProblem, dataValue: Dhis2DataValue, indicator: Indicator): string {
  const combo = dataValue.categoryOptionCombo ?? '';
  const pair = `send two values with categoryOptionCombo NUMERATOR (${indicator.numerator ?? 'numerator'}) and DENOMINATOR (${indicator.denominator ?? 'denominator'})`;
  switch (problem) {
    case 'missing':
      return `Category option combo is required but is not specified: \`${indicator.code}\` is a percentage, stored as numerator and denominator; ${pair}`;
    case 'unexpected':
      return `Category option combo not found or not accessible for writing data: \`${combo}\` (${indicator.code} is not a percentage; use default)`;
    case 'unknown':
      return indicator.measure === 'ratio'
        ? `Category option combo not found or not accessible for writing data: \`${combo}\` (${pair})`
        : `Category option combo not found or not accessible for writing data: \`${combo}\` (use default)`;
  }
}

/** The source kind an attributeOptionCombo names, for the export (the inverse of the table above). */
export function attributeOfSource(sourceKind: SourceKind): string {
  return sourceKind === 'import' ? 'default' : sourceKind.toUpperCase();
}
