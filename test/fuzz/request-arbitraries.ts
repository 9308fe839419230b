import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ACTING_METHODS } from '../../apps/api/src/common/idempotency.interceptor';
import { Operation, Parameter } from './openapi-operations';
import { Credential, FuzzBody, FuzzRequest, printable } from './fuzz-request';
import { HOSTILE_TEXTS, jsonValue, Mode, OVERSIZED_TEXT, parameterText, parameterTexts, Vocabulary } from './schema-arbitraries';

/** What the generators draw from: the API's known values, and the callers with a token. */
export interface FuzzWorld {
  readonly vocabulary: Vocabulary;
  /** Users the fuzz holds a token of (every role, and another bureau), with their roles. */
  readonly callers: Readonly<Record<string, readonly string[]>>;
  /** A user whose tokens may be ended: the only caller of the operations that end the caller's tokens. */
  readonly disposableCaller: string;
  /** Operations after which the caller's tokens no longer work. */
  readonly endsTheCallersTokens: ReadonlySet<string>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: object, claims: object, key: string) => {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
};
const ADMIN_CLAIMS = { sub: '00000000-0000-4000-8000-000000000000', roles: ['admin'], iss: 'kitakyushu-reform', aud: 'kitakyushu-reform-api', exp: 4_102_444_800 };

/** Credentials the API must refuse: malformed, unsigned, signed with another key, and cookies no browser would send. */
const FORGED_TEXTS: readonly string[] = [
  'not-a-token',
  '',
  'Bearer',
  `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(ADMIN_CLAIMS)}.`,
  jwt({ alg: 'HS256', typ: 'JWT' }, ADMIN_CLAIMS, 'another-secret-that-is-long-enough-for-hs256'),
  jwt({ alg: 'HS512', typ: 'JWT' }, ADMIN_CLAIMS, 'another-secret'),
  'a.b.c',
  '%',
  '%E3%81',
  '%zz',
  'x'.repeat(8000),
];

/** Words of an access rule that name roles without saying their names. */
const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'holder of the current step': ['manager', 'director', 'reform-office'],
  submitter: ['staff'],
};

const rolesNamedBy = (access: string) => [
  ...['staff', 'manager', 'director', 'reform-office', 'admin'].filter((role) => new RegExp(`\\b${role}\\b`).test(access)),
  ...Object.entries(ROLE_SYNONYMS).flatMap(([words, roles]) => (access.includes(words) ? roles : [])),
];

/**
 * Who calls: mostly users the operation's access rule names, so that most requests get past the
 * access check to the rules behind it; the others, nobody and forged credentials test the refusals.
 */
const credentialOf = (world: FuzzWorld, operation: Operation): fc.Arbitrary<Credential> => {
  const via = fc.oneof({ weight: 6, arbitrary: fc.constant('bearer' as const) }, { weight: 1, arbitrary: fc.constant('cookie' as const) });
  const named = rolesNamedBy(operation.access);
  const weightOf = (roles: readonly string[]) => (roles.some((role) => named.includes(role)) ? 6 : 1);
  const callers = world.endsTheCallersTokens.has(operation.key) ? [world.disposableCaller] : Object.entries(world.callers).flatMap(([who, roles]) => Array<string>(weightOf(roles)).fill(who));
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ who: fc.constantFrom(...callers), via }) },
    { weight: 1, arbitrary: fc.constant({ who: 'anonymous', via: 'bearer' as const }) },
    { weight: 1, arbitrary: fc.record({ who: fc.constant('forged'), via, forged: fc.constantFrom(...FORGED_TEXTS) }) },
  );
};

/** Percent-encodes a path or query text; a lone surrogate, which has no UTF-8 form, as the bytes a sloppy encoder would send. */
export function encodeText(text: string): string {
  return [...text].map((character) => (/^[\ud800-\udfff]$/.test(character) ? loneSurrogateBytes(character) : encodeURIComponent(character))).join('');
}

const loneSurrogateBytes = (character: string) => {
  const unit = character.charCodeAt(0);
  return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
};

/** Sent as they are, unencoded: percent-encodings that do not decode, and path tricks. */
const RAW_SEGMENTS = ['%', '%zz', '%C0%AF', '%ED%A0%80', '%FF', '%E3%81', '..', '.', '%2F', '%2e%2e', '%00', '%20'];

const pathOf = (operation: Operation, world: FuzzWorld, mode: Mode): fc.Arbitrary<string> => {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const segment = (name: string) => {
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const encoded = parameterText(parameter?.schema ?? {}, name, world.vocabulary, mode).map(encodeText);
    return mode === 'valid' ? encoded : fc.oneof({ weight: 8, arbitrary: encoded }, { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) });
  };
  return fc.tuple(...names.map(segment)).map((values) => names.reduce((path, name, index) => path.replace(`{${name}}`, values[index]), operation.path));
};

const queryOf = (operation: Operation, world: FuzzWorld, mode: Mode): fc.Arbitrary<string> => {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pair = (parameter: Parameter) =>
    parameterTexts(parameter.schema, parameter.name, world.vocabulary, mode).map((values) => values.map((value) => `${parameter.name}=${encodeText(value)}`).join('&'));
  const chosen = fc.tuple(...parameters.map((parameter) => fc.option(pair(parameter), { freq: 2 })));
  if (mode === 'valid') return chosen.map((pairs) => pairs.filter((text): text is string => text !== null).join('&'));
  // Unknown parameters, repeated ones (which Express reads as an array), bracketed ones; now and then a URL past the API's 16 kB header limit.
  const oddities = fc.subarray([
    ...parameters.flatMap((parameter) => [`${parameter.name}=1&${parameter.name}=2`, `${parameter.name}[x]=1`, `${parameter.name}=`, parameter.name]),
    'unknown=1',
    '__proto__=1',
    '%=1',
    '=',
  ]);
  const tooLong = fc.oneof({ weight: 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(`long=${'x'.repeat(20_000)}`) });
  return fc
    .tuple(chosen, rarely(oddities), tooLong)
    .map(([pairs, odd, long]) => [...pairs.filter((text): text is string => text !== null), ...(odd ?? []), ...(long === null ? [] : [long])].join('&'));
};

/** Now and then (one time in four), else nothing. */
export const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const printableKey = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 200 });

const idempotencyKeyOf = (mode: Mode): fc.Arbitrary<string | null> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.uuid() },
    ...(mode === 'fuzzed'
      ? [
          // A few shared keys, so that one key meets different requests (422) and repeats of the same one.
          { weight: 1, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2') },
          { weight: 1, arbitrary: printableKey },
          { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(201), 'cl\u00e9', 'a b', '\t', '\u00ff'.repeat(300)) },
        ]
      : []),
  );

const ifMatchOf = (mode: Mode): fc.Arbitrary<string | null> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom('"0"', '"1"', '"2"', '"3"', 'W/"1"', '*') },
    ...(mode === 'fuzzed'
      ? [{ weight: 2, arbitrary: fc.constantFrom('1', '"-1"', '"1e3"', '"0x1"', '"99999999999"', '"2147483648"', '"abc"', '', '""', '"1", "2"', 'W/', '"', 'x'.repeat(500), '"\u00b9"') }]
      : []),
  );

const headersOf = (operation: Operation, credential: fc.Arbitrary<Credential>, mode: Mode) => {
  const declares = (name: string) => operation.parameters.some((parameter) => parameter.in === 'header' && parameter.name === name);
  const acting = ACTING_METHODS.includes(operation.method);
  return fc.record({
    credential,
    idempotencyKey: acting ? idempotencyKeyOf(mode) : fc.constant(null),
    ifMatch: declares('If-Match') ? ifMatchOf(mode) : fc.constant(null),
    requestedWith: fc.oneof({ weight: 3, arbitrary: fc.constant('fetch') }, { weight: 1, arbitrary: fc.constant(null) }),
    accept: mode === 'valid' ? fc.constant(null) : fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('text/html', 'application/xml', '*/*', 'application/problem+json') }),
  });
};

/** Malformed JSON and JSON that only looks harmless. */
const HOSTILE_JSON_TEXTS = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{}{}',
  '\ufeff{}',
  '"\\ud800"',
  '{"\\u0000":1}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  'null',
  '[]',
  '0',
  '"text"',
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":"${'\\u0000'.repeat(10)}"}`,
];

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  'application/json;;',
  'json',
];

/** Other JSON spellings of a number, some past what a double holds. */
const NUMBER_SPELLINGS = ['1e400', '-1e400', '1e-400', '2.7E1', '27.0', '-0', '0.0000001e7', '9007199254740993', '1' + '0'.repeat(400)];

/** The body's numbers written in another spelling (JSON.stringify writes each number one way only). */
const respelled = (json: string, spelling: string) => json.replace(/(?<=[:[,])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=[,\]}])/g, spelling);

/** Bytes that are not UTF-8, inside JSON that is otherwise fine. */
const INVALID_UTF8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]);

const json = (value: unknown): FuzzBody => ({ contentType: 'application/json', payload: JSON.stringify(value) ?? 'null' });

const bodyOf = (operation: Operation, world: FuzzWorld, mode: Mode): fc.Arbitrary<FuzzBody | null> => {
  const schema = operation.body?.schema;
  const none = fc.constant(null);
  if (mode === 'valid') return schema ? jsonValue(schema, '(body)', world.vocabulary, 'valid').map((value) => json(value)) : none;
  const wellFormed = schema ? jsonValue(schema, '(body)', world.vocabulary, 'fuzzed') : fc.constantFrom<unknown>({}, [], null);
  return fc.oneof(
    { weight: schema ? 8 : 2, arbitrary: wellFormed.map((value) => json(value)) },
    { weight: schema ? 1 : 6, arbitrary: none },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_JSON_TEXTS).map((payload) => ({ contentType: 'application/json', payload })) },
    { weight: 1, arbitrary: fc.tuple(wellFormed, fc.constantFrom(...NUMBER_SPELLINGS)).map(([value, spelling]) => ({ contentType: 'application/json', payload: respelled(JSON.stringify(value) ?? 'null', spelling) })) },
    { weight: 1, arbitrary: fc.tuple(wellFormed, fc.constantFrom(...WRONG_CONTENT_TYPES, null)).map(([value, contentType]) => ({ contentType, payload: JSON.stringify(value) ?? '' })) },
    { weight: 1, arbitrary: fc.constantFrom<FuzzBody>({ contentType: 'application/json', payload: INVALID_UTF8 }, json({ text: OVERSIZED_TEXT }), json({ text: HOSTILE_TEXTS.at(-1) })) },
  );
};

/** Requests of one operation: valid-ish ones that reach its rules, and fuzzed ones at and past every limit. */
export function requestsOf(operation: Operation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const credential = credentialOf(world, operation);
  const inMode = (mode: Mode) =>
    fc
      .record({ path: pathOf(operation, world, mode), query: queryOf(operation, world, mode), headers: headersOf(operation, credential, mode), body: bodyOf(operation, world, mode) })
      .map(({ path, query, headers, body }) =>
        printable({
          operation: operation.key,
          credential: headers.credential,
          method: operation.method,
          target: query ? `${path}?${query}` : path,
          headers: Object.fromEntries(
            Object.entries({ 'Idempotency-Key': headers.idempotencyKey, 'If-Match': headers.ifMatch, 'X-Requested-With': headers.requestedWith, Accept: headers.accept }).filter(
              (entry): entry is [string, string] => entry[1] !== null,
            ),
          ),
          body,
        }),
      );
  return fc.oneof(inMode('valid'), inMode('fuzzed'));
}
