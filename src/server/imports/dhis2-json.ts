/**
 * Reads a DHIS2 data value set in JSON (`POST /api/dataValueSets`, Content-Type application/json):
 *
 *   { "dataSet"?, "completeDate"?, "period"?, "orgUnit"?, "attributeOptionCombo"?,
 *     "idScheme"?, "dataElementIdScheme"?, "orgUnitIdScheme"?, …, "dryRun"?, "strategy"?,
 *     "dataValues": [ { "dataElement", "period", "orgUnit", "categoryOptionCombo"?,
 *       "attributeOptionCombo"?, "value", "storedBy"?, "created"?, "lastUpdated"?, "comment"?,
 *       "followup"?, "deleted"? } ] }
 *
 * As in DHIS2, the envelope's period, orgUnit and attributeOptionCombo apply to every value and win
 * over a value's own (dhis2-core `DefaultDataValueSetService.createDataValueContext`), unknown keys
 * are ignored, and a value may be sent as a JSON number or boolean as well as text. Only a file
 * that cannot be read as a whole is an error here; problems of single values are checked later and
 * become conflicts. Pure: no I/O.
 */
import {
  Dhis2FormatError,
  ID_SCHEME_KEYS,
  parseDhis2Boolean,
  trimToNull,
  type Dhis2DataValue,
  type Dhis2Envelope,
  type IdSchemes,
  type ParsedDataValueSet,
} from './dhis2-data-value.ts';

type JsonObject = Record<string, unknown>;

export function parseDataValueSetJson(text: string): ParsedDataValueSet {
  const document = parseJson(text);
  if (!isObject(document)) throw new Dhis2FormatError('The file must hold one JSON object with a "dataValues" list');
  const envelope = readEnvelope(document);
  const list = document.dataValues;
  if (list !== undefined && list !== null && !Array.isArray(list)) throw new Dhis2FormatError('"dataValues" must be a list of data values');
  const values = (list ?? []).map((item: unknown, index: number) => readDataValue(item, index, envelope));
  return { envelope, values };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Dhis2FormatError(`The file is not valid JSON${whereInText(text, message)}: ${message}`);
  }
}

/** "at line 3, column 7" when the parser's message gives a position. */
function whereInText(text: string, message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(position)).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function readEnvelope(document: JsonObject): Dhis2Envelope {
  const idSchemes: IdSchemes = {};
  for (const key of ID_SCHEME_KEYS) {
    const scheme = readText(document, key, key);
    if (scheme !== null) idSchemes[key] = scheme;
  }
  const dryRun = document.dryRun;
  if (dryRun !== undefined && dryRun !== null && typeof dryRun !== 'boolean') throw new Dhis2FormatError('"dryRun" must be true or false');
  return {
    dataSet: readText(document, 'dataSet', 'dataSet'),
    completeDate: readText(document, 'completeDate', 'completeDate'),
    period: readText(document, 'period', 'period'),
    orgUnit: readText(document, 'orgUnit', 'orgUnit'),
    attributeOptionCombo: readText(document, 'attributeOptionCombo', 'attributeOptionCombo'),
    idSchemes,
    dryRun: typeof dryRun === 'boolean' ? dryRun : null,
    strategy: readText(document, 'strategy', 'strategy'),
  };
}

function readDataValue(item: unknown, index: number, envelope: Dhis2Envelope): Dhis2DataValue {
  const location = `dataValues[${index}]`;
  if (!isObject(item)) throw new Dhis2FormatError(`${location}: each data value must be an object like {"dataElement": …, "period": …, "orgUnit": …, "value": …}`);
  const field = (key: string) => readText(item, key, `${location}.${key}`);
  return {
    index,
    source: 'json',
    row: index + 1,
    dataElement: field('dataElement'),
    period: envelope.period ?? field('period'),
    orgUnit: envelope.orgUnit ?? field('orgUnit'),
    categoryOptionCombo: field('categoryOptionCombo'),
    attributeOptionCombo: envelope.attributeOptionCombo ?? field('attributeOptionCombo'),
    value: field('value'),
    storedBy: field('storedBy'),
    created: field('created'),
    lastUpdated: field('lastUpdated'),
    comment: field('comment'),
    followup: parseDhis2Boolean(field('followup') ?? field('followUp')),
    deleted: parseDhis2Boolean(field('deleted')),
  };
}

/** A scalar field as trimmed text (numbers and booleans as JSON writes them); null when absent or empty. */
function readText(object: JsonObject, key: string, where: string): string | null {
  const raw = object[key];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return trimToNull(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw new Dhis2FormatError(`${where}: must be text or a number, not ${Array.isArray(raw) ? 'a list' : 'an object'}`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
