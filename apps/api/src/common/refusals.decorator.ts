import { REFUSAL_REASONS, RefusalCode } from '@app/domain';
import { getSchemaPath } from '@nestjs/swagger';
import { HTTP_STATUS_OF_CLASS, PROBLEM_CONTENT_TYPE, ProblemDetailsView } from './problem-details';

const REFUSAL_CODES_METADATA = 'refusalCodes';

/**
 * `@nestjs/swagger`'s own key for an operation's responses (`DECORATORS.API_RESPONSE`, not exported).
 * Written directly because `ApiResponse` appends to an existing status's description instead of
 * replacing it; the OpenAPI test notices if the key ever changes.
 */
const SWAGGER_RESPONSES_METADATA = 'swagger/apiResponse';

/** The reason codes an endpoint can answer with, as declared by its decorators. */
export const refusalCodesOf = (handler: object): readonly RefusalCode[] => Reflect.getMetadata(REFUSAL_CODES_METADATA, handler) ?? [];

/**
 * Documents the refusals an endpoint can give: one error response per status, naming its codes
 * with their titles and typed as a problem whose `code` is one of them. Applied several times
 * (the access rule adds its own), the codes add up.
 */
export function Refusals(...codes: RefusalCode[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const all = [...new Set([...refusalCodesOf(handler), ...codes])];
    Reflect.defineMetadata(REFUSAL_CODES_METADATA, all, handler);
    Reflect.defineMetadata(SWAGGER_RESPONSES_METADATA, { ...(Reflect.getMetadata(SWAGGER_RESPONSES_METADATA, handler) ?? {}), ...refusalResponses(all) }, handler);
    return descriptor;
  };
}

/** The error responses, one per status, that document these codes. */
export function refusalResponses(codes: readonly RefusalCode[]): Record<string, ReturnType<typeof problemResponse>> {
  return Object.fromEntries([...byStatus(codes)].map(([status, group]) => [String(status), problemResponse(group)]));
}

/** The codes an operation of the built document lists in its error responses, as {@link refusalResponses} wrote them. */
export function documentedRefusalCodes(responses: Readonly<Record<string, unknown>>): RefusalCode[] {
  return Object.values(responses).flatMap((response) => {
    const schema = (response as { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: RefusalCode[] } } }[] } }> }).content?.[PROBLEM_CONTENT_TYPE]?.schema;
    return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
  });
}

function byStatus(codes: readonly RefusalCode[]): Map<number, RefusalCode[]> {
  const groups = new Map<number, RefusalCode[]>();
  for (const code of codes) {
    const status = HTTP_STATUS_OF_CLASS[REFUSAL_REASONS[code].class];
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return groups;
}

function problemResponse(codes: readonly RefusalCode[]) {
  return {
    description: codes.map((code) => `\`${code}\` ${REFUSAL_REASONS[code].title}`).join('<br>'),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { allOf: [{ $ref: getSchemaPath(ProblemDetailsView) }, { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } }] },
      },
    },
  };
}
