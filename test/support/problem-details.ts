import { REFUSAL_REASONS, RefusalCode } from '@app/domain';
import { HTTP_STATUS_OF_CLASS, PROBLEM_TYPE_PREFIX } from '../../apps/api/src/common/problem-details';

const PROBLEM_MEMBERS = ['code', 'current', 'detail', 'fields', 'instance', 'status', 'title', 'type'];

/** What the checks read of an answer: a supertest response, or one the fuzz received itself. */
export interface AnswerToCheck {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/** The answers that tell the client when to try again. */
const ASKS_TO_RETRY_LATER: readonly RefusalCode[] = ['auth.locked', 'request.rate-limited', 'temporal.unavailable', 'database.unavailable'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFieldProblem = (value: unknown) =>
  isRecord(value) && typeof value.field === 'string' && Array.isArray(value.problems) && value.problems.length > 0 && value.problems.every((problem) => typeof problem === 'string');

/**
 * Every way the answer differs from the API's one error shape (an RFC 9457 problem with a known
 * reason code, the code's title and status, and the headers its status calls for); empty when it is one.
 */
export function problemShapeViolations(answer: AnswerToCheck): string[] {
  const violations: string[] = [];
  const contentType = String(answer.headers['content-type'] ?? '');
  if (!/^application\/problem\+json/.test(contentType)) violations.push(`Content-Type is "${contentType}", not application/problem+json`);
  const body = answer.body;
  if (!isRecord(body)) return [...violations, `the body is not a JSON object: ${JSON.stringify(body)?.slice(0, 200)}`];
  const members = Object.keys(body).sort();
  if (members.join() !== PROBLEM_MEMBERS.join()) violations.push(`members are [${members.join(', ')}], not [${PROBLEM_MEMBERS.join(', ')}]`);
  const code = body.code as RefusalCode;
  const reason = typeof code === 'string' ? REFUSAL_REASONS[code] : undefined;
  if (!reason) return [...violations, `code ${JSON.stringify(code)} is not a reason code of REFUSAL_REASONS`];
  if (body.type !== `${PROBLEM_TYPE_PREFIX}${code}`) violations.push(`type ${JSON.stringify(body.type)} does not name the code ${code}`);
  if (body.title !== reason.title) violations.push(`title ${JSON.stringify(body.title)} is not the code's title "${reason.title}"`);
  if (body.status !== answer.status) violations.push(`status member ${JSON.stringify(body.status)} differs from the HTTP status ${answer.status}`);
  if (HTTP_STATUS_OF_CLASS[reason.class] !== answer.status) violations.push(`HTTP status ${answer.status} is not the status ${HTTP_STATUS_OF_CLASS[reason.class]} of the code's class (${reason.class})`);
  if (typeof body.detail !== 'string' || !/\S/.test(body.detail)) violations.push(`detail ${JSON.stringify(body.detail)} is not a text for a person`);
  if (typeof body.instance !== 'string' || !body.instance.startsWith('/')) violations.push(`instance ${JSON.stringify(body.instance)} is not the request's path`);
  if (!Array.isArray(body.fields) || !body.fields.every(isFieldProblem)) violations.push(`fields ${JSON.stringify(body.fields)} is not a list of {field, problems}`);
  if (body.current !== null && !isRecord(body.current)) violations.push(`current ${JSON.stringify(body.current)} is neither an object nor null`);
  if (answer.status === 401 && answer.headers['www-authenticate'] !== 'Bearer') violations.push('a 401 without WWW-Authenticate: Bearer');
  if (ASKS_TO_RETRY_LATER.includes(code) && !/^\d+$/.test(String(answer.headers['retry-after'] ?? ''))) violations.push(`${code} without Retry-After in seconds`);
  return violations;
}

/** Expects an RFC 9457 problem of the given status and reason code, and returns its body. */
export function expectProblem(response: AnswerToCheck, status: number, code: RefusalCode): Record<string, unknown> & { fields: { field: string; problems: string[] }[] } {
  expect({ status: response.status, code: (response.body as { code?: unknown } | undefined)?.code }).toEqual({ status, code });
  expect(problemShapeViolations(response)).toEqual([]);
  return response.body as Record<string, unknown> & { fields: { field: string; problems: string[] }[] };
}
