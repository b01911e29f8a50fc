/**
 * DHIS2 dataValueSets as Kembar reads them, before any lookup: the shapes the JSON and CSV readers
 * produce and the checks on them share. Pure: no I/O.
 *
 * DHIS2's own model (dhis2-core `DataValueEntry`, docs `developer/web-api/data.md`): a data value is
 * (dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo) → value, with comment,
 * storedBy, created, lastUpdated, followup and deleted. Kembar reads every identifier as a code
 * (`idScheme=code`): the indicator code as dataElement, the Kemendagri area code as orgUnit.
 */

/** The id scheme parameters DHIS2 accepts on import and export (URL or payload). */
export const ID_SCHEME_KEYS = [
  'idScheme',
  'dataElementIdScheme',
  'orgUnitIdScheme',
  'categoryOptionComboIdScheme',
  'attributeOptionComboIdScheme',
  'dataSetIdScheme',
] as const;
export type IdSchemeKey = (typeof ID_SCHEME_KEYS)[number];
export type IdSchemes = Partial<Record<IdSchemeKey, string>>;

/** One data value as sent, every text trimmed to null when empty (DHIS2 `trimToNull`). */
export interface Dhis2DataValue {
  /** 0-based position among the data values: DHIS2's conflict `indexes` and `rejectedIndexes`. */
  index: number;
  /** Which reader produced it: names the place of a problem as `row 5, column value` or `dataValues[4].value`. */
  source: 'csv' | 'json';
  /** Where it sits in the file, for people: the CSV line (header counted), or the JSON position + 1. */
  row: number;
  dataElement: string | null;
  period: string | null;
  orgUnit: string | null;
  categoryOptionCombo: string | null;
  attributeOptionCombo: string | null;
  value: string | null;
  storedBy: string | null;
  created: string | null;
  lastUpdated: string | null;
  comment: string | null;
  followup: boolean;
  deleted: boolean;
}

/** The optional envelope of a JSON data value set; CSV files have none. */
export interface Dhis2Envelope {
  dataSet: string | null;
  completeDate: string | null;
  period: string | null;
  orgUnit: string | null;
  attributeOptionCombo: string | null;
  /** Id schemes given in the payload; they beat the URL's (DHIS2 precedence). */
  idSchemes: IdSchemes;
  /** `dryRun` and `strategy` in the payload also beat the URL's. */
  dryRun: boolean | null;
  strategy: string | null;
}

export interface ParsedDataValueSet {
  envelope: Dhis2Envelope;
  values: Dhis2DataValue[];
}

export const EMPTY_ENVELOPE: Dhis2Envelope = {
  dataSet: null,
  completeDate: null,
  period: null,
  orgUnit: null,
  attributeOptionCombo: null,
  idSchemes: {},
  dryRun: null,
  strategy: null,
};

/**
 * The whole file cannot be read (bad JSON, an unclosed quote, no `dataValues` list). DHIS2 answers
 * these with an ImportSummary of status ERROR ("The import process failed: …"); the message names
 * where the problem is.
 */
export class Dhis2FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Dhis2FormatError';
  }
}

/** DHIS2's `trimToNull`. */
export function trimToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** DHIS2 reads followup and deleted with Java's `Boolean.parseBoolean`: only "true" (any case) is true. */
export function parseDhis2Boolean(text: string | null | undefined): boolean {
  return text?.trim().toLowerCase() === 'true';
}

/** The fields of a data value, in DHIS2's CSV column order (dhis2-core `CsvDataValueSetReader`). */
export const CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;

/** The fields a problem can point at, each with its CSV column name (DHIS2's header spelling). */
export type DataValueProperty = 'dataElement' | 'period' | 'orgUnit' | 'categoryOptionCombo' | 'attributeOptionCombo' | 'value' | 'comment';
const CSV_COLUMN_OF: Record<DataValueProperty, (typeof CSV_COLUMNS)[number]> = {
  dataElement: 'dataelement',
  period: 'period',
  orgUnit: 'orgunit',
  categoryOptionCombo: 'categoryoptioncombo',
  attributeOptionCombo: 'attributeoptioncombo',
  value: 'value',
  comment: 'comment',
};

/** The column a property sits in, as the file's reader sees it: a CSV header name or a JSON key. */
export function columnOf(dataValue: Pick<Dhis2DataValue, 'source'>, property: DataValueProperty): string {
  return dataValue.source === 'csv' ? CSV_COLUMN_OF[property] : property;
}

/** Where a data value sits, for a message: `row 5` (CSV line) or `dataValues[4]`. */
export function rowPlaceOf(dataValue: Pick<Dhis2DataValue, 'source' | 'row' | 'index'>): string {
  return dataValue.source === 'csv' ? `row ${dataValue.row}` : `dataValues[${dataValue.index}]`;
}

/** Where a field of a data value sits, for a message: `row 5, column value` or `dataValues[4].value`. */
export function placeOf(dataValue: Pick<Dhis2DataValue, 'source' | 'row' | 'index'>, property: DataValueProperty): string {
  return dataValue.source === 'csv' ? `row ${dataValue.row}, column ${CSV_COLUMN_OF[property]}` : `dataValues[${dataValue.index}].${property}`;
}
