import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
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
 *   FUZZ_RUNS  samples per engine, spread evenly over the routes (default 480)
 *   FUZZ_SEED  base seed (route i uses FUZZ_SEED + i); failures print the seed and path to replay
 */
const FUZZ_RUNS = envInteger('FUZZ_RUNS', 480, 1);
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

/** Strings that have broken web apps before: NUL, lone surrogates, LIKE wildcards, escapes, injections. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'abc\u0000',
  '\u0000\u0000\u0000',
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

/** Header values as Node's HTTP parser lets them through: visible ASCII, space, tab, obs-text. */
const headerChar = fc
  .oneof({ weight: 12, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.constant(0x09) }, { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xff }) })
  .map((code) => String.fromCharCode(code));
const headerText = (maxLength = 60): fc.Arbitrary<string> => fc.string({ unit: headerChar, maxLength });

/** An optional value, absent most of the time (headers that would mask every other problem). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weightPresent = 1, weightAbsent = 2): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: weightAbsent, arbitrary: fc.constant(undefined) }, { weight: weightPresent, arbitrary: arbitrary });

// ---------------------------------------------------------------------------------------------
// Path parameters
// ---------------------------------------------------------------------------------------------

/** Segments sent as typed (not re-encoded), to reach the router's own percent-decoding and dot handling. */
const RAW_SEGMENTS = ['..', '.', '%00', '%', '%zz', '%2e%2e', '%2E%2E%2F', '%c0%ae', '%E0%A4%A', '%ff', '..%2F..%2Fetc', '%20', '+', '%2F', ';', '%3B', '*', '%u0000', '~'];

/**
 * A fuzzed segment for a path parameter. `existing` holds values that name real records (another
 * user's id, an organisation's code), so writes on them get past the lookup and reach the database.
 */
function pathSegment(existing: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    { weight: 4, arbitrary: unicodeText },
    { weight: 2, arbitrary: areaCode },
    { weight: 1, arbitrary: slug },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: linkToken },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.string({ minLength: 1_000, maxLength: 5_000 }) },
    ...(existing.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...existing) }] : []),
  );
  return fc.oneof({ weight: 6, arbitrary: value.map(percentEncode) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) });
}

/** The route's URL with every `:param` (and wildcard) replaced by a fuzzed segment. */
function fuzzedPath(url: string, existing: readonly string[]): fc.Arbitrary<string> {
  const segment = pathSegment(existing);
  const parts = url.split('/').map((part) => (part.startsWith(':') || part === '*' ? segment : fc.constant(part)));
  return fc.tuple(...parts).map((segments) => segments.join('/'));
}

// ---------------------------------------------------------------------------------------------
// Query strings
// ---------------------------------------------------------------------------------------------

/** Keys the list endpoints read (areas, users, organisations, audit), plus a few they do not. */
const QUERY_KEYS = ['q', 'level', 'limit', 'kind', 'area', 'organisation', 'entity', 'id', 'user', 'from', 'to', 'before', 'offset', 'parent', 'page', 'sort'];
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

const queryKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...QUERY_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.constantFrom('[]', '[0]', '[a]', '.a', '[__proto__]')).map(([key, suffix]) => key + suffix) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty') },
);
const queryValue = fc.oneof(
  { weight: 4, arbitrary: unicodeText },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATE_STRINGS) },
  { weight: 2, arbitrary: areaCode },
  { weight: 1, arbitrary: slug },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom(...ROLES, ...ORGANISATION_KINDS, 'organisation', 'app_user', 'api_token') },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
);
const queryPair = fc.tuple(queryKey, queryValue).map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
/** A few of the keys the list endpoints read, each once: the shape most likely to get past validation. */
const knownKeysQuery = fc
  .subarray(QUERY_KEYS, { minLength: 1, maxLength: 3 })
  .chain((keys) => fc.tuple(...keys.map((key) => queryValue.map((value) => `${key}=${percentEncode(value)}`))))
  .map((pairs) => pairs.join('&'));

const queryString = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: knownKeysQuery },
  { weight: 3, arbitrary: fc.array(queryPair, { minLength: 1, maxLength: 6 }).map((pairs) => pairs.join('&')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(queryKey, fc.array(queryValue, { minLength: 2, maxLength: 4 }))
      .map(([key, values]) => values.map((value) => `${percentEncode(key)}=${percentEncode(value)}`).join('&')),
  },
  { weight: 1, arbitrary: headerText(60) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
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
      'entity=app_user&id=%00',
      '__proto__[admin]=1',
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// Bodies and content types
// ---------------------------------------------------------------------------------------------

/** Field names the request schemas use: objects with the right names but any type reach deeper. */
const FIELD_NAMES = ['email', 'password', 'name', 'roles', 'organisationCode', 'token', 'newPassword', 'currentPassword', 'code', 'scope', 'expiresInDays', 'everywhere', 'kind', 'parentCode', 'totp', 'disabled'] as const;

const fieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 4, arbitrary: unicodeText },
  { weight: 2, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.constantFrom('a@b', ' UPPER@Example.COM ', 'x@test.example', 'a\u0000@b.co', '@', 'a@b.c'.padStart(300, 'a')) },
  { weight: 2, arbitrary: areaCode },
  { weight: 2, arbitrary: slug },
  { weight: 1, arbitrary: linkToken },
  { weight: 2, arbitrary: fc.constantFrom<string>(...ROLES, ...ORGANISATION_KINDS, ...TOKEN_SCOPES) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom<string>(...ROLES, 'root', '', 'ADMIN'), { maxLength: 7 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{6}$/) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 365, 366, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const sixDigits = fc.stringMatching(/^\d{6}$/);
const plausiblePassword = fc.string({ minLength: 10, maxLength: 40 });
const plausibleName = fc.oneof(fc.constantFrom('Fuzz Tester', 'Dinas Kesehatan Lombok Timur', 'Ñoño Ümlaut-Şahin'), fc.string({ unit: 'grapheme', minLength: 3, maxLength: 40 }));

/** A value each field name could validly hold somewhere, so whole bodies often pass validation. */
const PLAUSIBLE_FIELDS = {
  email: fc.oneof(fc.emailAddress(), fc.nat().map((n) => `fuzz-${n}@test.example`)),
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
} satisfies Record<(typeof FIELD_NAMES)[number], fc.Arbitrary<unknown>>;

/** Mostly-present plausible fields, then (usually) one field replaced by anything at all. */
const poisonedObject = fc
  .tuple(
    fc.record(
      Object.fromEntries(Object.entries(PLAUSIBLE_FIELDS).map(([name, arbitrary]: [string, fc.Arbitrary<unknown>]) => [name, fc.option(arbitrary, { nil: undefined, freq: 4 })])),
    ),
    fc.option(fc.tuple(fc.constantFrom(...FIELD_NAMES), fieldValue), { nil: undefined, freq: 4 }),
  )
  .map(([object, poison]) => JSON.stringify(poison ? { ...object, [poison[0]]: poison[1] } : object));

const fieldObject = fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 6 }).map((object) => JSON.stringify(object));

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
const payload: fc.Arbitrary<Payload | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.json() },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: unicodeText },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 4, arbitrary: fieldObject },
  { weight: 10, arbitrary: poisonedObject },
  { weight: 2, arbitrary: fc.constantFrom(...BODY_CONSTANTS) },
  { weight: 1, arbitrary: fc.constant(TOO_LARGE_BODY) },
);

const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 14, arbitrary: fc.constant('application/json') },
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

/** Values the fuzzing may use that only exist once the app is up: real ids, codes and API tokens. */
interface Known {
  /** Path parameter values naming real records (another user's id, organisation codes, a token id). */
  pathValues: string[];
  /** Real API tokens of the admin (read and read_write), sent as Bearer tokens now and then. */
  apiTokens: string[];
}

function authorization(known: Known): fc.Arbitrary<string> {
  const realToken = fc.constantFrom(...known.apiTokens);
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

const fuzzedHeaders = (known: Known) =>
  fc.record({
  'x-request-id': sometimes(fc.oneof(headerText(100), fc.stringMatching(/^[\w-]{8,64}$/)), 1, 1),
  authorization: sometimes(authorization(known), 1, 4),
  cookie: sometimes(cookie, 1, 2),
  'x-csrf-token': sometimes(csrfToken, 1, 4),
  accept: sometimes(fc.oneof(fc.constantFrom('application/json', 'text/html', 'application/xml', '*/*', '', 'text/html;q=0'), headerText(40)), 1, 2),
  'accept-language': sometimes(headerText(40), 1, 4),
  'user-agent': sometimes(headerText(400), 1, 3),
  'x-forwarded-for': sometimes(fc.oneof(fc.ipV4(), headerText(40)), 1, 4),
  origin: sometimes(fc.oneof(fc.constantFrom('null', 'https://evil.example', 'http://localhost:3000'), headerText(40)), 1, 5),
});

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
  method: string;
  url: string;
  contentType: string | undefined;
  payload: Payload | undefined;
  headers: Record<string, string | undefined>;
  remoteAddress: string;
}

function sampleFor(route: DeclaredRoute, known: Known): fc.Arbitrary<Sample> {
  return fc
    .record({
      asAdmin: fc.boolean(),
      method: fc.oneof({ weight: 19, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) }),
      path: fuzzedPath(route.url, known.pathValues),
      query: queryString,
      contentType,
      payload,
      headers: fuzzedHeaders(known),
      remoteAddress,
    })
    .map(({ path, query, ...rest }) => ({ ...rest, url: query === '' ? path : `${path}?${query}` }));
}

// ---------------------------------------------------------------------------------------------
// The error-body contract
// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why this response breaks the contract, or null when it keeps it. */
function contractBreach(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}`;
  if (response.statusCode < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return `error body is not JSON (content-type ${String(response.headers['content-type'])})`;
  }
  if (!isPlainObject(parsed) || Object.keys(parsed).join(',') !== 'error') return 'error body must be an object with the single key "error"';
  const error = parsed.error;
  if (!isPlainObject(error) || Object.keys(error).sort().join(',') !== 'code,message') return '"error" must hold exactly the keys "code" and "message"';
  if (typeof error.code !== 'string' || error.code === '') return 'error.code must be a non-empty string';
  if (typeof error.message !== 'string' || error.message === '') return 'error.message must be a non-empty string';
  if (error.message.includes('\n    at ')) return 'error.message leaks a stack trace';
  return null;
}

function clip(text: string, length = 600): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

describe.each(testEngines())('fuzzing every API route on %s', (engine) => {
  let context: TestApp;
  let admin: { email: string; cookie: string; csrfToken: string };
  let routes: DeclaredRoute[];
  let known: Known;

  beforeAll(async () => {
    context = await createTestApp(engine);
    const signedIn = await signedInUser(context.app, ['admin'], 'kembar');
    admin = { email: signedIn.email, cookie: signedIn.cookie, csrfToken: signedIn.csrfToken };
    // Real records for path parameters and real API tokens for the Bearer header, so fuzzed
    // requests also get past lookups and token authentication. The admin's own id is left out:
    // a fuzzed PATCH could take its admin role away or disable it.
    const other = await createUser(context.app, ['observer'], 'kembar', 'Fuzz Target');
    const tokens = [];
    for (const scope of TOKEN_SCOPES) {
      const created = await signedIn.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: `fuzz ${scope}`, scope, expiresInDays: 1 } });
      expect(created.statusCode, created.body).toBe(201);
      tokens.push(created.json<{ token: string; item: { id: string } }>());
    }
    known = { pathValues: [other.id, 'kembar', '52.07', ...tokens.map((token) => token.item.id)], apiTokens: tokens.map((token) => token.token) };
    // Derived from the app, never hand-written: a new route is fuzzed the day it is added.
    routes = [...context.app.declaredRoutes].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
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
    const probe = await context.app.inject({ method: route.method as InjectOptions['method'], url: route.url, remoteAddress: THROTTLED_ADDRESS });
    const limit = Number(probe.headers['x-ratelimit-limit']);
    if (!Number.isSafeInteger(limit) || limit <= 0) return 1;
    let sent = 1;
    for (let remaining = Number(probe.headers['x-ratelimit-remaining']); remaining >= 0 && sent <= limit + 1; remaining -= 1) {
      await context.app.inject({ method: route.method as InjectOptions['method'], url: route.url, remoteAddress: THROTTLED_ADDRESS });
      sent += 1;
    }
    return sent;
  }

  it(
    'never answers 5xx, and answers every 4xx with exactly { error: { code, message } }',
    async () => {
      expect(routes.length).toBeGreaterThan(0);
      const runsPerRoute = Math.max(1, Math.ceil(FUZZ_RUNS / routes.length));
      const statuses = new Map<number, number>();
      const stats = { fuzzed: 0, anonymous: 0, asAdmin: 0, adminPastAuth: 0, throttled: 0, setup: 0, resignIns: 0, probes: 0 };
      const failures: string[] = [];
      const started = performance.now();

      for (const [index, route] of routes.entries()) {
        stats.setup += await exhaustRateLimit(route);
        const seed = FUZZ_SEED + index;
        try {
          await fc.assert(
            fc.asyncProperty(sampleFor(route, known), async (sample) => {
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
              stats[sample.asAdmin ? 'asAdmin' : 'anonymous'] += 1;
              if (sample.asAdmin && response.statusCode !== 401 && response.statusCode !== 403) stats.adminPastAuth += 1;
              if (response.statusCode === 429) stats.throttled += 1;
              statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);

              if ((sample.asAdmin && response.statusCode === 401) || (route.url === '/api/auth/sign-out' && response.statusCode < 300)) {
                await keepAdminSignedIn(stats);
              }

              const breach = contractBreach(response);
              expect(
                breach,
                `${sample.method} ${clip(sample.url, 300)} (${sample.asAdmin ? 'admin session' : 'anonymous'}) → ${response.statusCode} ${clip(response.body)}`,
              ).toBeNull();
            }),
            { numRuns: runsPerRoute, seed, includeErrorInReport: true },
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
        `[fuzz ${engine}] ${stats.fuzzed} fuzzed requests over ${routes.length} routes (${runsPerRoute} runs/route, FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${FUZZ_SEED}) in ${seconds} s: ` +
          `${stats.anonymous} anonymous, ${stats.asAdmin} with the admin session (${stats.adminPastAuth} past authentication); ${stats.throttled} throttled; ` +
          `plus ${stats.setup} rate-limit set-up and ${stats.probes} session-check requests, ${stats.resignIns} admin re-sign-ins. Statuses: ${statusSummary}`,
      );

      if (failures.length > 0) throw new Error(`${failures.length} of ${routes.length} routes broke the error contract:\n\n${failures.join('\n\n')}`);
    },
    Math.max(180_000, FUZZ_RUNS * 1_000),
  );
});
