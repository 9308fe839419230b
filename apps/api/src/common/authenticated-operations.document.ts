import { RefusalCode } from '@app/domain';
import { OpenAPIObject, OperationObject, ParameterObject, ResponsesObject } from '@nestjs/swagger';
import { ACTING_METHODS, IDEMPOTENCY_HEADER_DOC, IDEMPOTENCY_REFUSALS } from './idempotency.interceptor';
import { documentedRefusalCodes, refusalResponses } from './refusals.decorator';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const byStatus = (responses: ResponsesObject): ResponsesObject => Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));

/** What a cookie-authenticated change without X-Requested-With gets from the access guard. */
const CSRF_REFUSAL: RefusalCode = 'auth.csrf-header-missing';

/**
 * Every authenticated operation passes the one access guard, and every authenticated acting one the one
 * idempotency interceptor, whatever its handler declares: so their part of each operation's document is
 * written here, for all of them at once, and no operation can leave it out. An authenticated operation is
 * one whose access rule refuses with `auth.required`; it takes the bearer token or the session cookie,
 * and, when it acts, an `Idempotency-Key`, with the refusals both can give.
 */
export function documentAuthenticatedOperations(document: OpenAPIObject): OpenAPIObject {
  for (const byMethod of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(byMethod) as [string, OperationObject][]) {
      if (!HTTP_METHODS.includes(method)) continue;
      const codes = documentedRefusalCodes(operation.responses ?? {});
      if (!codes.includes('auth.required')) continue;
      operation.security = [{ bearer: [] }, { cookie: [] }];
      if (!ACTING_METHODS.includes(method.toUpperCase())) continue;
      operation.responses = byStatus({ ...operation.responses, ...refusalResponses([...new Set([...codes, CSRF_REFUSAL, ...IDEMPOTENCY_REFUSALS])]) });
      const parameters = operation.parameters ?? [];
      if (!parameters.some((parameter) => (parameter as ParameterObject).in === 'header' && (parameter as ParameterObject).name === IDEMPOTENCY_HEADER_DOC.name)) {
        operation.parameters = [...parameters, { ...IDEMPOTENCY_HEADER_DOC, in: 'header', schema: { type: 'string' } }];
      }
    }
  }
  return document;
}
