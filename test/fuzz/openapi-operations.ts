/** The parts of an OpenAPI 3.0 schema the fuzz generates values from (references already resolved). */
export interface Schema {
  readonly type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  readonly enum?: readonly unknown[];
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly example?: unknown;
  readonly allOf?: readonly Schema[];
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
}

/** What the document promises for one status: its content types, and for an error the reason codes. */
export interface DocumentedAnswer {
  readonly contentTypes: readonly string[];
  readonly codes: readonly string[];
}

export interface Operation {
  /** `PUT /api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}`: how people and the access matrix name it. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** Its access rule, as the description states it first (`Access: reform-office.`). */
  readonly access: string;
  readonly parameters: readonly Parameter[];
  readonly body: { readonly schema: Schema; readonly required: boolean } | null;
  readonly answers: Readonly<Record<string, DocumentedAnswer>>;
}

interface RawDocument {
  readonly paths: Record<string, Record<string, RawOperation>>;
  readonly components?: { readonly schemas?: Record<string, unknown> };
}

interface RawOperation {
  readonly description?: string;
  readonly parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  readonly requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Every operation of an OpenAPI document the API serves, with `$ref`s resolved. */
export function operationsOf(document: RawDocument): Operation[] {
  const resolve = referenceResolver(document);
  return Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, raw]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      access: /^Access: ([^.;]*)/.exec(raw.description ?? '')?.[1] ?? '',
      parameters: (raw.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        in: parameter.in as Parameter['in'],
        required: parameter.required === true,
        schema: resolve(parameter.schema ?? {}),
      })),
      body: raw.requestBody?.content?.['application/json']
        ? { schema: resolve(raw.requestBody.content['application/json'].schema ?? {}), required: raw.requestBody.required === true }
        : null,
      answers: Object.fromEntries(
        Object.entries(raw.responses ?? {}).map(([status, answer]) => [
          status,
          { contentTypes: Object.keys(answer.content ?? {}), codes: Object.values(answer.content ?? {}).flatMap((content) => problemCodesOf(resolve(content.schema ?? {}))) },
        ]),
      ),
    })),
  );
}

/** The reason codes an error response's schema narrows `code` to (a problem schema with `code` as an enum). */
function problemCodesOf(schema: Schema): string[] {
  const own = (schema.properties?.code?.enum ?? []) as string[];
  return [...own, ...(schema.allOf ?? []).flatMap(problemCodesOf)];
}

/** Replaces every `$ref` to `#/components/schemas/…` by the schema it names. */
function referenceResolver(document: RawDocument): (schema: unknown) => Schema {
  const schemas = document.components?.schemas ?? {};
  const resolve = (node: unknown, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, seen));
    if (typeof node !== 'object' || node === null) return node;
    const reference = (node as { $ref?: unknown }).$ref;
    if (typeof reference === 'string') {
      const name = reference.replace('#/components/schemas/', '');
      // The API's DTOs do not nest themselves; should one ever, the fuzz stops there rather than loop.
      return seen.includes(name) ? {} : resolve(schemas[name], [...seen, name]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'example' ? value : resolve(value, seen)]));
  };
  return (schema) => resolve(schema, []) as Schema;
}
