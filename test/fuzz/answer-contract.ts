import { BODY_REFUSALS } from '../../apps/api/src/common/http-guards';
import { problemShapeViolations } from '../support/problem-details';
import { Answer } from './fuzz-http';
import { FuzzRequest } from './fuzz-request';
import { Operation } from './openapi-operations';

/** A 503 that names a dependency as out of reach: the truth during an outage, never a fault of the request. */
const DEPENDENCY_UNAVAILABLE = ['temporal.unavailable', 'database.unavailable', 'service.unhealthy'];

/** Refusals any operation can give whatever its own list says, as the document says once for all. */
const refusalsOfAnyOperation = (request: FuzzRequest): readonly string[] => ['request.headers-too-large', ...(request.body ? BODY_REFUSALS : []), ...DEPENDENCY_UNAVAILABLE];

const codeOf = (answer: Answer) => (answer.body as { code?: unknown } | undefined)?.code;

export const isDependencyOutage = (answer: Answer) => answer.status === 503 && DEPENDENCY_UNAVAILABLE.includes(String(codeOf(answer))) && problemShapeViolations(answer).length === 0;

/**
 * Where an answer breaks the API's contract: a 5xx other than a dependency outage, an error that is not
 * the one problem shape or gives a code the operation does not document, a success the document does
 * not promise or whose body is not the JSON it promises. Empty when the answer keeps it.
 */
export function contractViolations(operation: Operation, request: FuzzRequest, answer: Answer): string[] {
  if (answer.status >= 500 && !isDependencyOutage(answer)) return [`answered ${answer.status}: the server's own failure`, ...problemShapeViolations(answer)];
  if (answer.status >= 400) return errorViolations(operation, request, answer);
  if (answer.status >= 200 && answer.status < 300) return successViolations(operation, answer);
  return [`answered ${answer.status}, which no operation of the API gives`];
}

function errorViolations(operation: Operation, request: FuzzRequest, answer: Answer): string[] {
  const shape = problemShapeViolations(answer);
  if (shape.length > 0) return shape;
  const violations: string[] = [];
  const code = String(codeOf(answer));
  const documented = operation.answers[String(answer.status)]?.codes ?? [];
  if (!documented.includes(code) && !refusalsOfAnyOperation(request).includes(code)) {
    violations.push(`code ${code} (${answer.status}) is not among the codes the document lists for ${answer.status}: [${documented.join(', ')}]`);
  }
  const path = request.target.split('?')[0];
  if ((answer.body as { instance?: unknown }).instance !== path) violations.push(`instance ${JSON.stringify((answer.body as { instance?: unknown }).instance)} is not the request's path ${path}`);
  return violations;
}

function successViolations(operation: Operation, answer: Answer): string[] {
  const documented = operation.answers[String(answer.status)];
  if (!documented) return [`answered ${answer.status}, which the document does not list for this operation (it lists ${Object.keys(operation.answers).join(', ')})`];
  const contentType = answer.headers['content-type'] ?? '';
  if (documented.contentTypes.includes('application/json')) {
    if (!/^application\/json/.test(contentType)) return [`Content-Type is "${contentType}" where the document promises application/json`];
    if (answer.body === undefined) return [`the body is not JSON: ${answer.text.slice(0, 200)}`];
    return [];
  }
  if (documented.contentTypes.length === 0 && answer.text !== '') return [`a body where the document promises none: ${answer.text.slice(0, 200)}`];
  if (documented.contentTypes.length > 0 && !documented.contentTypes.some((type) => contentType.startsWith(type))) {
    return [`Content-Type is "${contentType}" where the document promises ${documented.contentTypes.join(' or ')}`];
  }
  return [];
}
