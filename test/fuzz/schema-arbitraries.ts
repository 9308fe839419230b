import fc from 'fast-check';
import { Schema } from './openapi-operations';

/**
 * Values that mean something to the API under test, by the name of the parameter or property they go
 * into (an enum of the schema wins); a value listed more than once is drawn more often.
 */
export type Vocabulary = Readonly<Record<string, readonly unknown[]>>;

/**
 * `valid`: what a well-behaved client might send (known values first, then anything of the right type).
 * `fuzzed`: the same shapes with values at and beyond the limits, wrong types, missing and extra members.
 */
export type Mode = 'valid' | 'fuzzed';

const nestedObject = (depth: number): unknown => (depth === 0 ? 1 : { a: nestedObject(depth - 1) });
const nestedArray = (depth: number): unknown => (depth === 0 ? 1 : [nestedArray(depth - 1)]);

/** Texts that have broken web APIs: the database's and UTF-8's limits, sizes, look-alikes of numbers and code. */
export const HOSTILE_TEXTS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  'a\ud83d',
  '\ufeff',
  '\u202e逆',
  '𠮷野家🍣',
  'e\u0301',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  '0x1b',
  '2.7e1',
  '1e30',
  '-1',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  'null',
  'true',
  '２７',
  '٢٧',
  '2024-02-30',
  '9999-99-99',
  '+275760-09-13',
  '0000-01-01',
  '24:00',
  '99:99',
  'P99999999999999D',
  'PT-1S',
  'a'.repeat(10_001),
  'あ'.repeat(100_001),
  '𠮷'.repeat(50_001),
];

/** Past the 1 MB body limit in any request that carries it. */
export const OVERSIZED_TEXT = 'x'.repeat(1_100_000);

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1e-7,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const WRONG_TYPES: readonly unknown[] = [null, true, false, [], [null], {}, { a: 1 }, 'text', 0, 1, [1, 2, 3], [[[]]]];

/** Nesting beyond the 16 levels a request may have, and far beyond. */
const DEEP_VALUES: readonly unknown[] = [nestedObject(17), nestedArray(17), nestedObject(200), nestedArray(200)];

const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', '', 'a\u0000b', '\ud800', 'x'.repeat(10_000), '$where', 'a.b', '0', 'ａ'];

/** Anything at all, of any type: the wrong answer to every schema. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const typeOf = (schema: Schema): Schema['type'] | undefined =>
  schema.type ?? (schema.properties ? 'object' : schema.minimum !== undefined || schema.maximum !== undefined ? 'number' : undefined);

const known = (name: string, vocabulary: Vocabulary): readonly unknown[] => vocabulary[name] ?? [];

/** A JSON value for a property or body of this schema. */
export function jsonValue(schema: Schema, name: string, vocabulary: Vocabulary, mode: Mode): fc.Arbitrary<unknown> {
  const shaped = shapedValue(schema, name, vocabulary, mode);
  if (mode === 'valid') return shaped;
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: boundaryValue(schema) }, { weight: 1, arbitrary: hostileValue });
}

function shapedValue(schema: Schema, name: string, vocabulary: Vocabulary, mode: Mode): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  const typed = (() => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (type === 'object') return objectValue(schema, vocabulary, mode);
    if (type === 'array') return arrayValue(schema, name, vocabulary, mode);
    return scalarValue(schema, type);
  })();
  const words = schema.enum ? [] : known(name, vocabulary);
  // A name the vocabulary knows takes its values from it, never from a range: fiscal years above all,
  // since a workflow of another test file's year must never be started (Temporal is shared).
  const valued = words.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: type === 'object' || type === 'array' ? typed : fc.constantFrom(...words) }) : typed;
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: valued }, { weight: 1, arbitrary: fc.constant(null) }) : valued;
}

function scalarValue(schema: Schema, type: Schema['type'] | undefined): fc.Arbitrary<unknown> {
  const example = schema.example === undefined ? [] : [{ weight: 3, arbitrary: fc.constant(schema.example) }];
  switch (type) {
    case 'string':
      return fc.oneof(...example, { weight: 2, arbitrary: fc.string({ maxLength: 24 }) }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) });
    case 'number':
    case 'integer':
      return fc.oneof(...example, { weight: 4, arbitrary: fc.integer({ min: schema.minimum ?? -3, max: Math.min(schema.maximum ?? 100, 1000) }) });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(...example, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
  }
}

function arrayValue(schema: Schema, name: string, vocabulary: Vocabulary, mode: Mode): fc.Arbitrary<unknown> {
  const items = fc.array(jsonValue(schema.items ?? {}, `${name}[]`, vocabulary, mode), { maxLength: 4 });
  return schema.example === undefined ? items : fc.oneof({ weight: 1, arbitrary: fc.constant(schema.example) }, { weight: 3, arbitrary: items });
}

/** Required members always (in valid mode), optional ones now and then; fuzzed, also members missing and unknown members added. */
function objectValue(schema: Schema, vocabulary: Vocabulary, mode: Mode): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = (schema.required ?? []).filter((key) => key in properties);
  const members = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, jsonValue(property, key, vocabulary, mode)]));
  const record = fc.record(members, { requiredKeys: required });
  if (mode === 'valid') return record;
  const extra = fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), hostileValue, { maxKeys: 2 });
  return fc
    .tuple(record, fc.subarray(required), fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: extra }))
    .map(([value, dropped, added]) => ({ ...withoutKeys(value as Record<string, unknown>, dropped), ...(added ?? {}) }));
}

const withoutKeys = (value: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

/** Values at the edges of what the schema says: the bounds and one past them, empty and huge, unknown enum members. */
function boundaryValue(schema: Schema): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (schema.enum) {
    const first = String(schema.enum[0]);
    return fc.constantFrom('UNKNOWN', first.toUpperCase(), ` ${first}`, `${first}\u0000`, '', 42);
  }
  switch (type) {
    case 'string':
      return fc.constantFrom('', ' ', ...(schema.maxLength ? ['a'.repeat(schema.maxLength + 1)] : []), ...HOSTILE_TEXTS.slice(-3), OVERSIZED_TEXT);
    case 'number':
    case 'integer': {
      const bounds = [schema.minimum, schema.maximum].flatMap((bound) => (bound === undefined ? [] : [bound - 1, bound, bound + 1, bound + 0.5]));
      return fc.constantFrom(...bounds, ...HOSTILE_NUMBERS);
    }
    case 'array':
      return fc.constantFrom([], Array.from({ length: 5000 }, () => 'x'), Array.from({ length: 200 }, () => ({})));
    case 'object':
      return fc.constantFrom({}, { '': null });
    default:
      return hostileValue;
  }
}

/**
 * The values a query parameter is sent with: one, or for a list one per item, the parameter repeated
 * (`no=27&no=31`); fuzzed, now and then more items than any limit allows.
 */
export function parameterTexts(schema: Schema, name: string, vocabulary: Vocabulary, mode: Mode): fc.Arbitrary<string[]> {
  if (typeOf(schema) !== 'array') return parameterText(schema, name, vocabulary, mode).map((text) => [text]);
  const item = parameterText(schema.items ?? {}, name, vocabulary, mode);
  const items = fc.array(item, { minLength: 1, maxLength: 3 });
  return mode === 'valid' ? items : fc.oneof({ weight: 8, arbitrary: items }, { weight: 1, arbitrary: fc.array(item, { minLength: 90, maxLength: 120 }) });
}

/** A path, query or header value of this parameter, as the text it is sent as; of a list, one item's. */
export function parameterText(schema: Schema, name: string, vocabulary: Vocabulary, mode: Mode): fc.Arbitrary<string> {
  if (typeOf(schema) === 'array') return parameterText(schema.items ?? {}, name, vocabulary, mode);
  const typed = (() => {
    if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
    const type = typeOf(schema);
    if (type === 'boolean') return fc.constantFrom('true', 'false');
    if (type === 'number' || type === 'integer') return fc.integer({ min: schema.minimum ?? -3, max: Math.min(schema.maximum ?? 100, 1000) }).map(String);
    return fc.string({ maxLength: 16 });
  })();
  const words = schema.enum ? [] : known(name, vocabulary).filter((word) => typeof word === 'string' || typeof word === 'number').map(String);
  if (mode === 'valid') return words.length > 0 ? fc.constantFrom(...words) : typed;
  const valid = words.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: typed }) : typed;
  const edges = boundaryValue(schema).filter((value): value is string | number => typeof value === 'string' || typeof value === 'number').map(String);
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 1, arbitrary: edges.filter((text) => text.length <= 8000) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXTS.filter((text) => text.length <= 8000)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  );
}
