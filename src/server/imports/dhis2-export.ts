/**
 * Observations as DHIS2 data values (`GET /api/dataValueSets`), in JSON and CSV, shaped so the
 * import reads them back unchanged (round trip): a count or status is one data value with
 * categoryOptionCombo `default`; a percentage is two, NUMERATOR and DENOMINATOR; the source kind is
 * the attributeOptionCombo (`default` for imported values). CSV columns and header are dhis2-core
 * `CsvDataValueSetWriter`'s. Pure: no I/O.
 */
import type { Dhis2DataValueOut, Dhis2DataValueSetOut } from '../../common/api/dhis2.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { parsePeriod } from '../../common/period.ts';
import type { SourceKind } from '../db/schema.ts';
import { CSV_COLUMNS } from './dhis2-data-value.ts';
import { attributeOfSource } from './dhis2-values.ts';

/** One stored observation with what the export needs to know of its indicator. */
export interface ExportObservation {
  indicatorCode: string;
  measure: Indicator['measure'];
  areaCode: string;
  period: string;
  sourceKind: SourceKind;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  comment: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Email of who last changed it; null for the system (seed, CLI). */
  updatedBy: string | null;
}

/** Who DHIS2 would name in storedBy when no user did it. */
const SYSTEM_STORED_BY = 'kembar';

export function toDataValues(observations: readonly ExportObservation[]): Dhis2DataValueOut[] {
  return observations.flatMap((observation) => {
    const common = {
      dataElement: observation.indicatorCode,
      period: observation.period,
      orgUnit: observation.areaCode,
      attributeOptionCombo: attributeOfSource(observation.sourceKind),
      storedBy: observation.updatedBy ?? SYSTEM_STORED_BY,
      created: observation.createdAt.toISOString(),
      lastUpdated: observation.updatedAt.toISOString(),
      ...(observation.comment !== null && { comment: observation.comment }),
      followup: false,
    };
    switch (observation.measure) {
      case 'ratio':
        return [
          { ...common, categoryOptionCombo: 'NUMERATOR', value: numberText(observation.numerator) },
          { ...common, categoryOptionCombo: 'DENOMINATOR', value: numberText(observation.denominator) },
        ];
      case 'status':
        return [{ ...common, categoryOptionCombo: 'default', value: observation.statusValue ?? '' }];
      case 'value':
        return [{ ...common, categoryOptionCombo: 'default', value: numberText(observation.value) }];
    }
  });
}

export function toDataValueSet(observations: readonly ExportObservation[]): Dhis2DataValueSetOut {
  return { dataValues: toDataValues(observations) };
}

/** The CSV DHIS2 writes: its header row, then one line per data value, quoted only where needed. */
export function toDataValueCsv(observations: readonly ExportObservation[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const value of toDataValues(observations)) {
    const cells = [
      value.dataElement,
      value.period,
      value.orgUnit,
      value.categoryOptionCombo,
      value.attributeOptionCombo,
      value.value,
      value.storedBy,
      value.lastUpdated,
      value.comment ?? '',
      String(value.followup),
      'false',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Whether a period lies within [startDate, endDate] (ISO dates), as DHIS2's startDate/endDate
 * filter reads it: the whole period inside the span.
 */
export function periodWithin(period: string, startDate: string | undefined, endDate: string | undefined): boolean {
  const { start, end } = parsePeriod(period);
  return (startDate === undefined || start >= startDate) && (endDate === undefined || end <= endDate);
}

/** Numbers as plain decimals: 1200, 12.5 (never 1.2e3 for ordinary figures, never "1200.000"). */
function numberText(number: number | null): string {
  return number === null ? '' : String(number);
}

function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
