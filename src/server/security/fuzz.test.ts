import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInUser, TEST_PASSWORD } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { ORGANISATION_KINDS, ROLES, TOKEN_SCOPES } from '../../common/roles.ts';
import type { DeclaredRoute } from '../auth/request-auth.ts';

/**
 * Property-based fuzzing of every declared /api route: malformed paths, query strings, bodies,
 * content types and headers, sent anonymously and with an admin session. Whatever arrives, the
 * answer is never a 5xx, and every 4xx carries exactly the foundation's error body.
 *
 * The routes come from `app.declaredRoutes`; the body fields and query parameters each route reads
 * come from the app's own OpenAPI document. Nothing is listed by hand, so a new route is fuzzed
 * (and fuzzed with its own field names) the day it is added.
 *
 * Half the samples are chaos (anything in every part of the request); the other half are "deep":
 * well-formed, authenticated as far as the sample's identity goes, with the route's own fields and
 * parameters valid by its schema except, usually, one poisoned value. Chaos tests the doors (body
 * parsing, routing, authentication); deep samples reach the services and the database.
 *
 *   FUZZ_RUNS  samples per engine, shared out by how much each route reads (default 2600)
 *   FUZZ_SEED  base seed (route i uses FUZZ_SEED + i); failures print the seed and path to replay
 */
const FUZZ_RUNS = envInteger('FUZZ_RUNS', 2600, 1);
const FUZZ_SEED = envInteger('FUZZ_SEED', 20_260_611, Number.MIN_SAFE_INTEGER);

function envInteger(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates become U+FFFD, as on the wire). */
function percentEncode(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** NUL is valid JSON and valid UTF-8, but PostgreSQL text refuses it: the classic way past validation into a 500. */
const NUL_STRINGS = ['\u0000', 'a\u0000b', 'Fuzz name\u0000', '\u0000\u0000\u0000'];

/** Strings that have broken web apps before: lone surrogates, LIKE wildcards, escapes, injections. */
const NASTY_STRINGS = [
  ...NUL_STRINGS,
  '',
  ' ',
  '\ud800',
  'x\udfffy',
  '%',
  '_',
  '\\',
  'a\\',
  '%\\',
  '\\%_',
  "'",
  "' OR '1'='1",
  '"; DROP TABLE app_user; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '\u202e\u2066',
  '\uffff\ufffe',
  '\ufeffbom',
  'ß',
  'İ',
  '🦄',
  '👩‍👩‍👧‍👦',
  'Ａ１',
  '\r\n',
  '\t',
  'x'.repeat(300),
];

const unicodeText = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 2_000 }) },
);

const digitString = (length: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** Valid-looking Kemendagri area codes (some real, most not), and near misses. */
const areaCode = fc.oneof(
  fc.constantFrom('52', '52.07', '52.07.02', '52.07.02.2001', '11', '31.71', '99', '00', '99.99.99.9999', '52.7', '52..07', '.52', '52.', '52.07.02.20011', '5207'),
  fc
    .tuple(digitString(2), digitString(2), digitString(2), digitString(4), fc.integer({ min: 1, max: 4 }))
    .map(([province, regency, district, village, level]) => [province, regency, district, village].slice(0, level).join('.')),
);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,39}$/);
const linkToken = fc.stringMatching(/^[A-Za-z0-9_-]{32,64}$/);
const sixDigits = fc.stringMatching(/^\d{6}$/);

/** Header values as Node's HTTP parser lets them through: visible ASCII, space, tab, obs-text. */
const headerChar = fc
  .oneof({ weight: 12, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.constant(0x09) }, { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xff }) })
  .map((code) => String.fromCharCode(code));
const headerText = (maxLength = 60): fc.Arbitrary<string> => fc.string({ unit: headerChar, maxLength });

/** An optional value, absent most of the time (headers that would mask every other problem). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weightPresent = 1, weightAbsent = 2): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: weightAbsent, arbitrary: fc.constant(undefined) }, { weight: weightPresent, arbitrary: arbitrary });

/** Any JSON value, of any type, for a field: wrong types, wrong shapes, edge numbers. */
const anyFieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: unicodeText },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 365, 366, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom<string>(...ROLES, 'root', '', 'ADMIN'), { maxLength: 7 }) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}) },
);

/** What replaces a plausible value to poison it: mostly strings a database may choke on. */
const poisonValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUL_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: anyFieldValue },
);

// ---------------------------------------------------------------------------------------------
// What each route reads, from the app's OpenAPI document
// ---------------------------------------------------------------------------------------------

/** The part of JSON Schema the request schemas (zod → OpenAPI) use. */
interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface RouteShape {
  /** Body properties and their schemas, when the route declares a JSON object body. */
  body: Record<string, JsonSchema> | null;
  query: Record<string, JsonSchema>;
  params: Record<string, JsonSchema>;
}

function shapeOf(document: OpenApiDocument, route: DeclaredRoute): RouteShape {
  const operation = document.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const parameters = (place: string): Record<string, JsonSchema> =>
    Object.fromEntries((operation?.parameters ?? []).filter((parameter) => parameter.in === place).map((parameter) => [parameter.name, parameter.schema ?? {}]));
  const bodySchema = operation?.requestBody?.content?.['application/json']?.schema;
  return { body: bodySchema?.properties ?? null, query: parameters('query'), params: parameters('path') };
}

/** A value that satisfies the schema, as far as a small translation can tell; null when unsure. */
function fromSchema(schema: JsonSchema | undefined): fc.Arbitrary<unknown> | null {
  if (!schema) return null;
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const options = alternatives.map(fromSchema).filter((option): option is fc.Arbitrary<unknown> => option !== null);
    return options.length > 0 ? fc.oneof(...options) : null;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
  // Bounds as the schema gives them, else a small range around them; always safe integers, min <= max.
  const clampSafe = (value: number) => Math.min(Number.MAX_SAFE_INTEGER, Math.max(Number.MIN_SAFE_INTEGER, value));
  const min = clampSafe(schema.minimum ?? (schema.exclusiveMinimum === undefined ? (schema.maximum ?? 1_000) - 2_000 : schema.exclusiveMinimum + 1));
  const max = clampSafe(Math.max(min, schema.maximum ?? (schema.exclusiveMaximum === undefined ? min + 2_000 : schema.exclusiveMaximum - 1)));
  switch (type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
    case 'number':
      return fc.double({ min, max, noNaN: true });
    case 'array': {
      const item = fromSchema(schema.items);
      const minLength = schema.minItems ?? 0;
      return item ? fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 5, 5)) }) : null;
    }
    case 'string': {
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern));
        } catch {
          return null; // a pattern fast-check cannot generate from: fall back to the name-based values
        }
      }
      const minLength = schema.minLength ?? 0;
      return fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Path parameters
// ---------------------------------------------------------------------------------------------

/** Segments sent as typed (not re-encoded), to reach the router's own percent-decoding and dot handling. */
const RAW_SEGMENTS = ['..', '.', '%00', '%', '%zz', '%2e%2e', '%2E%2E%2F', '%c0%ae', '%E0%A4%A', '%ff', '..%2F..%2Fetc', '%20', '+', '%2F', ';', '%3B', '*', '%u0000', '~'];

/**
 * A fuzzed segment for a path parameter. `existing` holds values that name real records (another
 * user's id, an organisation's code), so writes on them get past the lookup and reach the database.
 */
function pathSegment(existing: readonly string[], schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const valid = fromSchema(schema);
  const value = fc.oneof(
    { weight: 4, arbitrary: unicodeText },
    { weight: 2, arbitrary: areaCode },
    { weight: 1, arbitrary: slug },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: linkToken },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.string({ minLength: 1_000, maxLength: 5_000 }) },
    ...(valid ? [{ weight: 2, arbitrary: valid.map(String) }] : []),
    ...(existing.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...existing) }] : []),
  );
  return fc.oneof({ weight: 6, arbitrary: value.map(percentEncode) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) });
}

/** For deep samples: mostly a real record or a value the schema accepts, now and then anything. */
function deepPathSegment(existing: readonly string[], schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const valid = fromSchema(schema);
  return fc.oneof(
    ...(existing.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...existing).map(percentEncode) }] : []),
    ...(valid ? [{ weight: 2, arbitrary: valid.map((value) => percentEncode(String(value))) }] : []),
    { weight: 1, arbitrary: pathSegment(existing, schema) },
  );
}

/** The route's URL with every `:param` (and wildcard) replaced by a fuzzed segment. */
function fuzzedPath(url: string, shape: RouteShape, existing: readonly string[], deep: boolean): fc.Arbitrary<string> {
  const segment = deep ? deepPathSegment : pathSegment;
  const parts = url.split('/').map((part) => (part.startsWith(':') || part === '*' ? segment(existing, shape.params[part.slice(1)]) : fc.constant(part)));
  return fc.tuple(...parts).map((segments) => segments.join('/'));
}

// ---------------------------------------------------------------------------------------------
// Query strings
// ---------------------------------------------------------------------------------------------

/** Keys for routes whose OpenAPI entry names no query parameters. */
const FALLBACK_QUERY_KEYS = ['q', 'level', 'limit', 'kind', 'area', 'organisation', 'entity', 'id', 'user', 'from', 'to', 'before'];
const NUMBER_STRINGS = ['', '-1', '0', '1', '4', '5', '100', '101', '200', '201', '1.5', '1e3', '1e309', '-1e309', '9007199254740993', '2147483648', '3000000000', '9223372036854775808', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '0x10', '0b1', ' 1', '1 ', '+1', '٣', '１'];
const DATE_STRINGS = [
  '2024-01-01T00:00:00Z',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59-14:00',
  '2024-01-01T24:00:00Z',
  '2024-01-01T23:59:60Z',
  '2024-01-01T00:00:00.123456789Z',
  '2024-01-01T00:00:00+25:00',
  '2024-01-01T00:00:00+23:59',
  '2024-01-01',
  '275760-09-13T00:00:00Z',
];

const queryValue = fc.oneof(
  { weight: 4, arbitrary: unicodeText },
  { weight: 1, arbitrary: fc.constantFrom(...NUL_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATE_STRINGS) },
  { weight: 2, arbitrary: areaCode },
  { weight: 1, arbitrary: slug },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom(...ROLES, ...ORGANISATION_KINDS, 'organisation', 'app_user', 'api_token') },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
);

const QUERY_CONSTANTS = [
  'level=',
  'limit=-1',
  'limit=0',
  'limit=1e309',
  'limit=99999999999999999999',
  'level=5',
  'level=0',
  'level=1.5',
  'limit',
  '=',
  '&&&',
  '?',
  'q=%',
  'q=%zz',
  'q=%00',
  'q=%5C',
  'q=%25%5C',
  'before=9223372036854775808',
  'before=2147483648',
  'before=0',
  'limit[]=1&limit[]=2',
  'q[]=a',
  'q[a]=b',
  'a=1&a=2&a=3',
  'from=2024-02-30T00:00:00Z',
  'to=0000-01-01T00:00:00Z',
  'from=9999-12-31T23:59:59Z&to=0001-01-01T00:00:00Z',
  'user=not-a-uuid',
  '__proto__[admin]=1',
];

function queryString(shape: RouteShape): fc.Arbitrary<string> {
  const routeKeys = Object.keys(shape.query);
  const keys = routeKeys.length > 0 ? routeKeys : FALLBACK_QUERY_KEYS;
  const valueFor = (key: string): fc.Arbitrary<string> => {
    const valid = fromSchema(shape.query[key]);
    return valid ? fc.oneof({ weight: 2, arbitrary: queryValue }, { weight: 1, arbitrary: valid.map(String) }) : queryValue;
  };
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keys) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...keys), fc.constantFrom('[]', '[0]', '[a]', '.a', '[__proto__]')).map(([name, suffix]) => name + suffix) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty') },
  );
  const pair = fc.tuple(key, queryValue).map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`);
  // Each of the route's own keys at most once, mostly valid values with poison in between:
  // the shape most likely to get past validation and into the query.
  const ownKeys = fc
    .subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) })
    .chain((names) => fc.tuple(...names.map((name) => valueFor(name).map((value) => `${name}=${percentEncode(value)}`))))
    .map((pairs) => pairs.join('&'));
  const repeated = fc
    .tuple(key, fc.array(queryValue, { minLength: 2, maxLength: 4 }))
    .map(([name, values]) => values.map((value) => `${percentEncode(name)}=${percentEncode(value)}`).join('&'));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 6, arbitrary: ownKeys },
    { weight: 3, arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => pairs.join('&')) },
    { weight: 2, arbitrary: repeated },
    { weight: 1, arbitrary: headerText(60) },
    { weight: 2, arbitrary: fc.constantFrom(...QUERY_CONSTANTS) },
  );
}

const queryPoison = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUL_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATE_STRINGS) },
  { weight: 2, arbitrary: unicodeText },
);

/** Deep samples: some of the route's own parameters, valid by its schema, usually one of them poisoned. */
function deepQueryString(shape: RouteShape): fc.Arbitrary<string> {
  const keys = Object.keys(shape.query);
  if (keys.length === 0) return fc.constant('');
  const valid = (key: string): fc.Arbitrary<string> => (fromSchema(shape.query[key]) ?? queryValue).map(String);
  return fc
    .tuple(
      fc.subarray(keys, { minLength: 1 }).chain((names) => fc.tuple(...names.map((name) => valid(name).map((value): [string, string] => [name, value])))),
      fc.option(fc.tuple(poisonTarget(shape.query), queryPoison), { nil: undefined, freq: 4 }),
    )
    .map(([pairs, poison]) => {
      const values = new Map<string, string>(pairs);
      if (poison) values.set(...poison);
      return [...values].map(([name, value]) => `${name}=${percentEncode(value)}`).join('&');
    });
}

// ---------------------------------------------------------------------------------------------
// Bodies and content types
// ---------------------------------------------------------------------------------------------

/** Field names the request schemas use: objects with the right names but any type reach deeper. */
const FIELD_NAMES = ['email', 'password', 'name', 'roles', 'organisationCode', 'token', 'newPassword', 'currentPassword', 'code', 'scope', 'expiresInDays', 'everywhere', 'kind', 'parentCode', 'totp', 'disabled'] as const;

const plausiblePassword = fc.string({ minLength: 10, maxLength: 40 });
const plausibleName = fc.oneof(fc.constantFrom('Fuzz Tester', 'Dinas Kesehatan Lombok Timur', 'Ñoño Ümlaut-Şahin'), fc.string({ unit: 'grapheme', minLength: 3, maxLength: 40 }));

/**
 * A value each field name could validly hold somewhere (organisation codes that exist, emails the
 * validator accepts), so whole bodies often pass validation and reach the services.
 */
const PLAUSIBLE_BY_NAME: Record<string, fc.Arbitrary<unknown>> = {
  email: fc.oneof({ weight: 3, arbitrary: fc.nat().map((n) => `fuzz-${n}@test.example`) }, { weight: 1, arbitrary: fc.emailAddress() }),
  password: plausiblePassword,
  name: plausibleName,
  roles: fc.subarray([...ROLES], { minLength: 1 }),
  organisationCode: fc.constantFrom('kembar', '52', '52.07', '31.71'),
  token: linkToken,
  newPassword: plausiblePassword,
  currentPassword: plausiblePassword,
  code: fc.oneof(slug, sixDigits, areaCode),
  scope: fc.constantFrom(...TOKEN_SCOPES),
  expiresInDays: fc.integer({ min: 1, max: 365 }),
  everywhere: fc.boolean(),
  kind: fc.constantFrom(...ORGANISATION_KINDS),
  parentCode: fc.constantFrom('52', '52.07', '31.71', 'kembar'),
  totp: sixDigits,
  disabled: fc.boolean(),
};

/** Free text (a string with no pattern, enum or format) is where odd content gets past validation. */
function isFreeText(schema: JsonSchema | undefined): boolean {
  return schema?.type === 'string' && !schema.pattern && !schema.enum && !schema.format;
}

/** Which field to poison: any of them, free-text fields three times as often. */
function poisonTarget(fields: Record<string, JsonSchema | undefined>): fc.Arbitrary<string> {
  return fc.oneof(...Object.keys(fields).map((name) => ({ weight: isFreeText(fields[name]) ? 3 : 1, arbitrary: fc.constant(name) })));
}

/** An enum in the schema is exact; otherwise mostly the name-based value (real codes), sometimes one the schema allows. */
function plausibleValue(name: string, schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const bySchema = fromSchema(schema);
  if (schema?.enum && bySchema) return bySchema;
  const byName = PLAUSIBLE_BY_NAME[name];
  if (byName && bySchema) return fc.oneof({ weight: 3, arbitrary: byName }, { weight: 1, arbitrary: bySchema });
  return byName ?? bySchema ?? anyFieldValue;
}

/**
 * An object of plausible values for these fields (each present most of the time), with usually one
 * of them (sometimes none, sometimes two) replaced by poison: bodies that pass validation except,
 * perhaps, where it matters.
 */
function poisonedObject(fields: Record<string, JsonSchema | undefined>): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const record = fc.record(Object.fromEntries(names.map((name) => [name, fc.option(plausibleValue(name, fields[name]), { nil: undefined, freq: 8 })])));
  const poison = fc.tuple(poisonTarget(fields), poisonValue);
  const poisons = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.tuple(poison) }, { weight: 1, arbitrary: fc.tuple(poison, poison) });
  return fc.tuple(record, poisons).map(([object, replaced]) => JSON.stringify({ ...object, ...Object.fromEntries(replaced) }));
}

const GENERIC_FIELDS: Record<string, undefined> = Object.fromEntries(FIELD_NAMES.map((name) => [name, undefined]));
const fieldObject = fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyFieldValue, { maxKeys: 6 }).map((object) => JSON.stringify(object));

const deeplyNested = fc
  .tuple(fc.integer({ min: 20, max: 5_000 }), fc.constantFrom('array', 'object'))
  .map(([depth, shape]) => (shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"name":'.repeat(depth) + 'null' + '}'.repeat(depth)));

const BODY_CONSTANTS = [
  '{"__proto__":{"roles":["admin"]},"email":"a@b.co"}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  'null',
  'true',
  '0',
  '"string"',
  '[]',
  '{}',
  '{',
  '{"email":',
  '\ufeff{}',
  '{"a":1}garbage',
  'NaN',
  '{"email":"a@b.co","email":"b@c.co"}',
  '{"name":"\\u0000"}',
  '{"name":"\\ud800\\udc00\\ud800"}',
  'email=a%40b.co&password=x',
  '--boundary\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--boundary--',
];

const TOO_LARGE_BODY = `"${'x'.repeat(1024 * 1024)}"`;

type Payload = string | Buffer;
function payload(shape: RouteShape): fc.Arbitrary<Payload | undefined> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.json() },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: unicodeText },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 3, arbitrary: fieldObject },
    { weight: shape.body ? 3 : 8, arbitrary: poisonedObject(GENERIC_FIELDS) },
    ...(shape.body && Object.keys(shape.body).length > 0 ? [{ weight: 24, arbitrary: poisonedObject(shape.body) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...BODY_CONSTANTS) },
    { weight: 1, arbitrary: fc.constant(TOO_LARGE_BODY) },
  );
}

const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 16, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=',
      'APPLICATION/JSON',
      'application/json;',
      'application/json; boundary=x',
      'application/json, text/plain',
      'application/vnd.api+json',
      'application/jsonx',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'application/octet-stream',
      'application/xml',
      '*/*',
      '',
      ';',
      'application/',
      '/json',
    ),
  },
  { weight: 1, arbitrary: headerText(40) },
);

// ---------------------------------------------------------------------------------------------
// Headers and client addresses
// ---------------------------------------------------------------------------------------------

/** Values that only exist once the app is up: real ids, codes and API tokens. */
interface Known {
  /** Path parameter values naming real records (another user's id, organisation codes, token ids). */
  pathValues: string[];
  /** Real API tokens of the admin (read and read_write), sent as Bearer tokens now and then. */
  apiTokens: string[];
}

function authorization(known: Known): fc.Arbitrary<string> {
  const realToken = known.apiTokens.length > 0 ? fc.constantFrom(...known.apiTokens) : fc.constant('kmb_none');
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Basic x', 'Basic dXNlcjpwYXNz', 'Bearer kmb_garbage', 'bearer kmb_', 'Bearer  kmb_a b', 'Token abc', 'Bearer\tkmb_x', `Bearer kmb_${'k'.repeat(5_000)}`),
    },
    { weight: 2, arbitrary: fc.stringMatching(/^kmb_[A-Za-z0-9_-]{0,60}$/).map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: headerText(80) },
    ...(known.apiTokens.length > 0
      ? [
          { weight: 2, arbitrary: realToken.map((token) => `Bearer ${token}`) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(realToken, fc.constantFrom('bearer {t}', 'BEARER   {t}', 'Bearer {t}x', 'Bearer {t} {t}', 'Bearer  {t}\t', 'Basic {t}', '{t}'))
              .map(([token, template]) => template.replaceAll('{t}', token)),
          },
        ]
      : []),
  );
}

const cookieName = fc.oneof(fc.constantFrom('kembar_session', 'session', '__Host-x', ''), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-'), minLength: 1, maxLength: 10 }));
const cookie = fc.oneof(
  fc.constantFrom('kembar_session=garbage', 'kembar_session=', 'kembar_session=%', 'kembar_session=%zz', 'kembar_session="quoted"', 'kembar_session', '; ; ;', '=', '=='),
  linkToken.map((token) => `kembar_session=${token}`),
  fc.array(fc.tuple(cookieName, headerText(30)), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([name, value]) => `${name}=${value.replaceAll(';', '')}`).join('; ')),
  headerText(80),
);

const csrfToken = fc.oneof(headerText(60), linkToken, fc.constantFrom('', 'null', 'undefined', 'a.b', '.'));

/**
 * Fuzzed headers. Deep samples leave out what would stop them at the door (garbage Authorization,
 * bogus CSRF token), and sometimes authenticate with one of the admin's real API tokens instead.
 */
function fuzzedHeaders(known: Known, deep: boolean): fc.Arbitrary<Record<string, string | undefined>> {
  const realBearer = known.apiTokens.length > 0 ? fc.constantFrom(...known.apiTokens).map((token) => `Bearer ${token}`) : fc.constant(undefined);
  return fc.record({
    'x-request-id': sometimes(fc.oneof(headerText(100), fc.stringMatching(/^[\w-]{8,64}$/)), 1, 1),
    authorization: deep ? sometimes(realBearer, 1, 3) : sometimes(authorization(known), 1, 4),
    cookie: sometimes(cookie, 1, 2),
    'x-csrf-token': deep ? fc.constant(undefined) : sometimes(csrfToken, 1, 4),
    accept: sometimes(fc.oneof(fc.constantFrom('application/json', 'text/html', 'application/xml', '*/*', '', 'text/html;q=0'), headerText(40)), 1, 2),
    'accept-language': sometimes(headerText(40), 1, 4),
    'user-agent': sometimes(headerText(400), 1, 3),
    'x-forwarded-for': sometimes(fc.oneof(fc.ipV4(), headerText(40)), 1, 4),
    origin: sometimes(fc.oneof(fc.constantFrom('null', 'https://evil.example', 'http://localhost:3000'), headerText(40)), 1, 5),
  });
}

/**
 * The address whose rate-limit allowance is used up before each rate-limited route is fuzzed
 * (see exhaustRateLimit): samples from it exercise the 429 path, all others the handlers.
 * 127.0.0.1 is never used, so the suite's own sign-ins are not throttled.
 */
const THROTTLED_ADDRESS = '203.0.113.9';
const remoteAddress = fc.oneof(
  { weight: 2, arbitrary: fc.constant(THROTTLED_ADDRESS) },
  { weight: 2, arbitrary: fc.constantFrom('10.0.0.1', '192.0.2.10', '2001:db8::1', '::ffff:198.51.100.7') },
  { weight: 2, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6() },
);

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

interface Sample {
  asAdmin: boolean;
  /** Deep samples are well-formed but for poisoned values; the others are chaos from the start line on. */
  deep: boolean;
  method: string;
  url: string;
  contentType: string | undefined;
  payload: Payload | undefined;
  headers: Record<string, string | undefined>;
  remoteAddress: string;
}

function sampleFor(route: DeclaredRoute, shape: RouteShape, known: Known): fc.Arbitrary<Sample> {
  const chaos = fc.record({
    deep: fc.constant(false),
    method: fc.oneof({ weight: 19, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) }),
    path: fuzzedPath(route.url, shape, known.pathValues, false),
    query: queryString(shape),
    contentType,
    payload: payload(shape),
    headers: fuzzedHeaders(known, false),
  });
  const hasBody = shape.body !== null && Object.keys(shape.body).length > 0;
  const deep = fc.record({
    deep: fc.constant(true),
    method: fc.constant(route.method),
    path: fuzzedPath(route.url, shape, known.pathValues, true),
    query: deepQueryString(shape),
    contentType: fc.constant(hasBody ? 'application/json' : undefined),
    payload: hasBody && shape.body ? poisonedObject(shape.body) : fc.constant(undefined),
    headers: fuzzedHeaders(known, true),
  });
  return fc
    .tuple(fc.boolean(), fc.oneof(chaos, deep), remoteAddress)
    .map(([asAdmin, { path: fuzzed, query, ...rest }, address]) => ({ ...rest, asAdmin, remoteAddress: address, url: query === '' ? fuzzed : `${fuzzed}?${query}` }));
}

/** Samples per route: a share of FUZZ_RUNS in proportion to how much the route reads (parameters and body fields). */
function runsFor(shape: RouteShape, shapes: RouteShape[]): number {
  const weight = (candidate: RouteShape) => 1 + Object.keys(candidate.params).length + Object.keys(candidate.query).length + Object.keys(candidate.body ?? {}).length;
  const total = shapes.reduce((sum, candidate) => sum + weight(candidate), 0);
  return Math.max(10, Math.round((FUZZ_RUNS * weight(shape)) / total));
}

// ---------------------------------------------------------------------------------------------
// The error-body contract
// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why this response breaks the contract, or null when it keeps it. */
function contractBreach(response: LightMyRequestResponse, url: string): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}`;
  if (response.statusCode < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return `error body is not JSON (content-type ${String(response.headers['content-type'])})`;
  }
  // DHIS2's own resource answers its 409s as DHIS2 does (a WebMessage holding the ImportSummary), so DHIS2 scripts keep working.
  if (url === '/api/dataValueSets' && response.statusCode === 409 && isDhis2ImportMessage(parsed)) return null;
  if (!isPlainObject(parsed) || Object.keys(parsed).join(',') !== 'error') return 'error body must be an object with the single key "error"';
  const error = parsed.error;
  // `reasons` (every reason of a refusal, e.g. a blocked agreement transition) is the one optional extra key.
  const keys = Object.keys(error ?? {}).sort().join(',');
  if (!isPlainObject(error) || (keys !== 'code,message' && !(keys === 'code,message,reasons' && Array.isArray(error.reasons)))) return '"error" must hold exactly the keys "code" and "message" (and optionally "reasons")';
  if (typeof error.code !== 'string' || error.code === '') return 'error.code must be a non-empty string';
  if (typeof error.message !== 'string' || error.message === '') return 'error.message must be a non-empty string';
  if (error.message.includes('\n    at ')) return 'error.message leaks a stack trace';
  return null;
}

function isDhis2ImportMessage(body: unknown): boolean {
  return isPlainObject(body) && body.httpStatusCode === 409 && typeof body.message === 'string' && isPlainObject(body.response) && body.response.responseType === 'ImportSummary';
}

/** Who the sample claims to be, for failure messages. */
function who(sample: Sample): string {
  const authorization = sample.headers.authorization;
  return [
    sample.asAdmin ? 'admin session' : 'no session',
    ...(authorization === undefined ? [] : [`Authorization: ${clip(authorization, 20)}`]),
    ...(sample.deep ? ['deep'] : []),
  ].join(', ');
}

function clip(text: string, length = 600): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
}

async function openApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  await app.ready();
  return app.swagger() as unknown as OpenApiDocument;
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

describe.each(testEngines())('fuzzing every API route on %s', (engine) => {
  let context: TestApp;
  let admin: { email: string; cookie: string; csrfToken: string };
  let routes: { route: DeclaredRoute; shape: RouteShape }[];
  let known: Known;

  beforeAll(async () => {
    context = await createTestApp(engine);
    const signedIn = await signedInUser(context.app, ['admin'], 'kembar');
    admin = { email: signedIn.email, cookie: signedIn.cookie, csrfToken: signedIn.csrfToken };
    // Real records for path parameters and real API tokens for the Bearer header, so fuzzed
    // requests also get past lookups and token authentication. The admin's own id is left out:
    // a fuzzed PATCH could take its admin role away or disable it.
    const other = await createUser(context.app, ['observer'], 'kembar', 'Fuzz Target');
    const createToken = async (scope: (typeof TOKEN_SCOPES)[number], name: string) => {
      const created = await signedIn.request({ method: 'POST', url: '/api/auth/tokens', payload: { name, scope, expiresInDays: 1 } });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ token: string; item: { id: string } }>();
    };
    const bearers = [await createToken('read', 'fuzz read'), await createToken('read_write', 'fuzz read_write')];
    // Only this one's id is offered to DELETE /api/auth/tokens/:id, so the bearers stay valid throughout.
    const revocable = await createToken('read', 'fuzz revocable');
    known = { pathValues: [other.id, 'kembar', '52.07', revocable.item.id], apiTokens: bearers.map((token) => token.token) };
    // Derived from the app, never hand-written: a new route is fuzzed the day it is added.
    const document = await openApiDocument(context.app);
    routes = [...context.app.declaredRoutes]
      .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`))
      .map((route) => ({ route, shape: shapeOf(document, route) }));
  });
  afterAll(() => context?.dispose());

  /**
   * Fuzzed writes may end the admin's session: POST /api/auth/sign-out with the session, or with
   * `everywhere` through one of the admin's API tokens. Rather than excluding that route, the
   * session is checked after any answer that could mean it ended (a successful sign-out, or a
   * 401 to an admin sample) and opened again through the auth service (not the HTTP sign-in,
   * whose per-address rate limit the fuzzing may have used up).
   */
  async function keepAdminSignedIn(stats: { resignIns: number; probes: number }): Promise<void> {
    stats.probes += 1;
    const me = await context.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie } });
    if (me.statusCode === 200) return;
    const session = await context.app.services.auth.signIn({ email: admin.email, password: TEST_PASSWORD }, { ip: null, userAgent: 'fuzz re-sign-in' });
    admin = { email: admin.email, cookie: `kembar_session=${session.sessionToken}`, csrfToken: session.csrfToken };
    stats.resignIns += 1;
  }

  /**
   * Uses up the allowance of THROTTLED_ADDRESS on a rate-limited route (recognised by the
   * x-ratelimit-limit header its answers carry), so fuzzed samples from that address get 429s.
   * Returns the number of requests it sent.
   */
  async function exhaustRateLimit(route: DeclaredRoute): Promise<number> {
    const send = () => context.app.inject({ method: route.method as InjectOptions['method'], url: route.url, remoteAddress: THROTTLED_ADDRESS });
    const probe = await send();
    const limit = Number(probe.headers['x-ratelimit-limit']);
    const remaining = Number(probe.headers['x-ratelimit-remaining']);
    if (!Number.isSafeInteger(limit) || !Number.isSafeInteger(remaining)) return 1;
    for (let left = Math.min(remaining, limit); left >= 0; left -= 1) await send();
    return Math.min(remaining, limit) + 2;
  }

  it(
    'never answers 5xx, and answers every 4xx with exactly { error: { code, message } }',
    async () => {
      expect(routes.length).toBeGreaterThan(0);
      const statuses = new Map<number, number>();
      const stats = { planned: 0, fuzzed: 0, deep: 0, anonymous: 0, asAdmin: 0, adminPastAuth: 0, throttled: 0, setup: 0, resignIns: 0, probes: 0 };
      const failures: string[] = [];
      const started = performance.now();

      const shapes = routes.map(({ shape }) => shape);
      const runs = { min: Number.POSITIVE_INFINITY, max: 0 };
      for (const [index, { route, shape }] of routes.entries()) {
        stats.setup += await exhaustRateLimit(route);
        const numRuns = runsFor(shape, shapes);
        runs.min = Math.min(runs.min, numRuns);
        runs.max = Math.max(runs.max, numRuns);
        stats.planned += numRuns;
        const seed = FUZZ_SEED + index;
        try {
          await fc.assert(
            fc.asyncProperty(sampleFor(route, shape, known), async (sample) => {
              const headers: Record<string, string> = {};
              for (const [name, value] of Object.entries(sample.headers)) if (value !== undefined) headers[name] = value;
              if (sample.contentType !== undefined) headers['content-type'] = sample.contentType;
              if (sample.asAdmin) {
                // The real session first, so a fuzzed kembar_session cookie after it does not replace it.
                headers.cookie = headers.cookie === undefined ? admin.cookie : `${admin.cookie}; ${headers.cookie}`;
                headers['x-csrf-token'] ??= admin.csrfToken;
              }
              const options: InjectOptions = {
                method: sample.method as InjectOptions['method'],
                url: sample.url,
                headers,
                remoteAddress: sample.remoteAddress,
                ...(sample.payload !== undefined && { payload: sample.payload }),
              };

              const response = await context.app.inject(options);
              stats.fuzzed += 1;
              if (sample.deep) stats.deep += 1;
              stats[sample.asAdmin ? 'asAdmin' : 'anonymous'] += 1;
              if (sample.asAdmin && response.statusCode !== 401 && response.statusCode !== 403) stats.adminPastAuth += 1;
              if (response.statusCode === 429) stats.throttled += 1;
              statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);

              if ((sample.asAdmin && response.statusCode === 401) || (route.url === '/api/auth/sign-out' && response.statusCode < 300)) {
                await keepAdminSignedIn(stats);
              }

              const breach = contractBreach(response, route.url);
              expect(
                breach,
                `${sample.method} ${clip(sample.url, 300)} (${who(sample)}) → ${response.statusCode} ${clip(response.body)}`,
              ).toBeNull();
            }),
            { numRuns, seed, includeErrorInReport: true },
          );
        } catch (error) {
          failures.push(`${route.method} ${route.url} [FUZZ_SEED=${FUZZ_SEED}, route seed ${seed}]\n${error instanceof Error ? error.message : String(error)}`);
        }
      }

      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const statusSummary = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
      console.log(
        `[fuzz ${engine}] ${stats.fuzzed} fuzzed requests (${stats.planned} samples + ${stats.fuzzed - stats.planned} while shrinking failures) over ${routes.length} routes ` +
          `(${runs.min}–${runs.max} samples a route, FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${FUZZ_SEED}) in ${seconds} s: ` +
          `${stats.deep} deep, ${stats.anonymous} without a session, ${stats.asAdmin} with the admin session (${stats.adminPastAuth} past authentication); ${stats.throttled} throttled; ` +
          `plus ${stats.setup} rate-limit set-up and ${stats.probes} session-check requests, ${stats.resignIns} admin re-sign-ins. Statuses: ${statusSummary}`,
      );

      if (failures.length > 0) throw new Error(`${failures.length} of ${routes.length} routes broke the error contract:\n\n${failures.join('\n\n')}`);
    },
    // Generous: a passing run takes ~15 s an engine; shrinking failures can take as long again.
    Math.max(120_000, FUZZ_RUNS * 100),
  );
});
