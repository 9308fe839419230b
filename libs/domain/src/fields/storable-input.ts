import { FieldProblem } from '../refusals/refusal';

/**
 * How deep a request's JSON may nest. The deepest valid request (lifecycle settings: kinds → chain →
 * step) is four levels; anything near this limit is a client's mistake or an attack on the parser.
 */
export const INPUT_MAX_DEPTH = 16;

/**
 * Why a text cannot be stored as it was sent: PostgreSQL refuses the NUL character in text, and a
 * lone UTF-16 surrogate has no UTF-8 form. Refused at the door, such text would otherwise pass
 * validation and the workflow and then fail in the projection on every retry.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'NUL 文字（\\u0000）は使えません';
  if (LONE_SURROGATE.test(text)) return '文字として読めない符号（単独のサロゲート）が含まれています';
  return null;
}

const UNSTORABLE_CHARACTERS = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');

/**
 * A key as the refusal names it: each character that cannot be stored written as its `\u0000` escape,
 * so that the refusal itself can be stored (an Idempotency-Key keeps it) and read.
 */
const shownKey = (key: string) => key.replace(UNSTORABLE_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);

const TOO_DEEP = `入れ子が深すぎます（${INPUT_MAX_DEPTH}段まで）`;

/** Every string (keys included) of a parsed request that cannot be stored, and any nesting beyond the limit. */
export function unstorableInputProblems(input: unknown, field = '', depth = 0): FieldProblem[] {
  if (typeof input === 'string') {
    const problem = unstorableTextProblem(input);
    return problem ? [{ field: field || '(本文)', problems: [problem] }] : [];
  }
  if (typeof input !== 'object' || input === null) return [];
  if (depth >= INPUT_MAX_DEPTH) return [{ field: field || '(本文)', problems: [TOO_DEEP] }];
  return Object.entries(input).flatMap(([key, value]) => {
    const path = field ? `${field}.${shownKey(key)}` : shownKey(key);
    const keyProblem = unstorableTextProblem(key);
    return [...(keyProblem ? [{ field: path, problems: [`項目名に${keyProblem}`] }] : []), ...unstorableInputProblems(value, path, depth + 1)];
  });
}

/**
 * Where a parsed request nests deeper than {@link INPUT_MAX_DEPTH}, if it does. It looks no deeper than
 * the limit, so it is safe on JSON nested any depth, which a walk of the whole value is not.
 */
export function tooDeepInputProblem(input: unknown, field = '', depth = 0): FieldProblem | null {
  if (typeof input !== 'object' || input === null) return null;
  if (depth >= INPUT_MAX_DEPTH) return { field: field || '(本文)', problems: [TOO_DEEP] };
  for (const [key, value] of Object.entries(input)) {
    const problem = tooDeepInputProblem(value, field ? `${field}.${shownKey(key)}` : shownKey(key), depth + 1);
    if (problem) return problem;
  }
  return null;
}
