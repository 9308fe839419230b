import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { readFileSync } from 'node:fs';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
  validateSync,
} from 'class-validator';
import { currentPayloadKeyId, parsePayloadKeyList } from './payload-keys';

const PORT_MESSAGE = 'must be a port number (1-65535)';
const DAYS_MESSAGE = 'must be a whole number of days from 1 to 36500';
/** 1-65535 without leading zeros, for ports written inside another value. */
const PORT_PATTERN = '(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/** A URL whose scheme is one of `schemes` and that names a host, without blanks. */
const IsUrlOf = (schemes: readonly string[], validationOptions: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isUrlOf',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || /\s/.test(value)) return false;
          try {
            const url = new URL(value);
            return schemes.includes(url.protocol) && url.hostname !== '';
          } catch {
            return false;
          }
        },
      },
    },
    validationOptions,
  );

/** A validator whose message says what exactly is wrong: `problemOf` answers null for a good value. */
const HasNoProblem = (name: string, problemOf: (value: unknown, environment: Environment) => string | null) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => problemOf(value, args?.object as Environment) === null,
      defaultMessage: (args?: ValidationArguments) => problemOf(args?.value, args?.object as Environment) ?? 'is invalid',
    },
  });

/** A PEM file of the given kind that this process can read; checked at start so a typo fails there, not at the first connection. */
const IsPemFile = (label: RegExp, kind: string) =>
  HasNoProblem('isPemFile', (value) => {
    if (typeof value !== 'string') return `must name a PEM file holding ${kind}`;
    let text: string;
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): it must name a PEM file holding ${kind} that this process may read`;
    }
    return label.test(text) ? null : `is not a PEM file holding ${kind} (no "-----BEGIN …-----" line of one)`;
  });

const TLS_FILE_SETTINGS = ['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH', 'TEMPORAL_TLS_SERVER_NAME'] as const;
const tlsDetailsSet = (environment: Environment) => TLS_FILE_SETTINGS.filter((key) => environment[key] !== undefined);
/** TLS is on when TEMPORAL_TLS says so, or when any of its details is given and TEMPORAL_TLS does not say no. */
export const temporalTlsRequested = (environment: Environment) =>
  environment.TEMPORAL_TLS === true || (environment.TEMPORAL_TLS === undefined && tlsDetailsSet(environment).length > 0);

/** `Name <address>` or a bare address, as an e-mail From header takes it. */
const MAIL_FROM_PATTERN = /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/** Only the words true and false (any case): a typo such as "ture" stops start-up instead of meaning false. */
const toBoolean = ({ value }: { value: unknown }) => {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : value;
  return word === 'true' ? true : word === 'false' ? false : value;
};

/**
 * Every setting the processes read from the environment. Defaults are the embedded
 * development set-up; production supplies DATABASE_URL and TEMPORAL_ADDRESS.
 */
export class Environment {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @ValidateIf((environment: Environment) => environment.TEMPORAL_ADDRESS !== undefined || temporalTlsRequested(environment))
  @Matches(new RegExp(`^[A-Za-z0-9.\\-_[\\]:]+:${PORT_PATTERN}$`), { message: 'must be host:port, for example localhost:7233' })
  // Listed last-first (see WEBHOOK_SECRET): unset with TLS asked for, the reason is that TLS needs an external server.
  @IsString({ message: 'is required when TEMPORAL_TLS or a TEMPORAL_TLS_* setting is given: TLS applies to an external Temporal server (the embedded dev server speaks plain gRPC on loopback)' })
  TEMPORAL_ADDRESS?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a Temporal namespace name' })
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a task-queue name' })
  TEMPORAL_TASK_QUEUE = 'reform-engine';

  @IsOptional()
  @IsString()
  TEMPORAL_CLI_PATH?: string;

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  TEMPORAL_UI_URL?: string;

  /**
   * TLS to the Temporal frontend (Temporal's own client variable names, which its CLI reads as well).
   * Unset: on when any TEMPORAL_TLS_* below is set.
   */
  @Transform(toBoolean)
  @IsOptional()
  @HasNoProblem('tlsNotContradicted', (value, environment) =>
    value === false && tlsDetailsSet(environment).length > 0 ? `is false while ${tlsDetailsSet(environment).join(', ')} is set: unset those, or set TEMPORAL_TLS=true` : null,
  )
  @IsBoolean({ message: 'must be true or false' })
  TEMPORAL_TLS?: boolean;

  /** The client certificate the worker, the API and set-up present to Temporal (mTLS); with TEMPORAL_TLS_CLIENT_KEY_PATH. */
  @ValidateIf((environment: Environment) => environment.TEMPORAL_TLS_CLIENT_CERT_PATH !== undefined || environment.TEMPORAL_TLS_CLIENT_KEY_PATH !== undefined)
  @IsPemFile(/-----BEGIN CERTIFICATE-----/, 'a certificate')
  @IsString({ message: 'is required with TEMPORAL_TLS_CLIENT_KEY_PATH: mTLS needs the client certificate and its private key' })
  TEMPORAL_TLS_CLIENT_CERT_PATH?: string;

  /** The private key of TEMPORAL_TLS_CLIENT_CERT_PATH. */
  @ValidateIf((environment: Environment) => environment.TEMPORAL_TLS_CLIENT_CERT_PATH !== undefined || environment.TEMPORAL_TLS_CLIENT_KEY_PATH !== undefined)
  @IsPemFile(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key')
  @IsString({ message: 'is required with TEMPORAL_TLS_CLIENT_CERT_PATH: mTLS needs the client certificate and its private key' })
  TEMPORAL_TLS_CLIENT_KEY_PATH?: string;

  /** The CA that signed the Temporal frontend's certificate; unset = the system's trusted CAs. */
  @IsOptional()
  @IsPemFile(/-----BEGIN CERTIFICATE-----/, 'a CA certificate')
  TEMPORAL_TLS_SERVER_CA_CERT_PATH?: string;

  /** The name the frontend's certificate is checked against, when it differs from TEMPORAL_ADDRESS's host. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be a host name, for example temporal.reform.internal' })
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** The payload codec's keys: `id:base64key`, comma-separated; every one listed decrypts. */
  @IsOptional()
  @HasNoProblem('isPayloadKeyList', (value) => {
    const parsed = parsePayloadKeyList(String(value));
    return 'problem' in parsed ? parsed.problem : null;
  })
  TEMPORAL_PAYLOAD_KEYS?: string;

  /** The key of TEMPORAL_PAYLOAD_KEYS that encrypts new payloads; may be left out when only one is listed. */
  @ValidateIf((environment: Environment) => environment.TEMPORAL_PAYLOAD_KEY_ID !== undefined || environment.TEMPORAL_PAYLOAD_KEYS !== undefined)
  @HasNoProblem('isCurrentPayloadKeyId', (value, environment) => {
    if (environment.TEMPORAL_PAYLOAD_KEYS === undefined) return 'is set, but TEMPORAL_PAYLOAD_KEYS is not: list the keys (id:base64key) there';
    const parsed = parsePayloadKeyList(environment.TEMPORAL_PAYLOAD_KEYS);
    // A malformed list is reported under its own name.
    if ('problem' in parsed) return null;
    const current = currentPayloadKeyId(parsed.keys, value === undefined ? undefined : String(value));
    return 'problem' in current ? current.problem : null;
  })
  TEMPORAL_PAYLOAD_KEY_ID?: string;

  /** A pre-built workflow bundle; without it the worker bundles the workflows when it starts. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  /**
   * Connections one process (an API, a worker) keeps open to PostgreSQL at most. Every replica has a
   * pool of its own, so the replicas together must stay under the server's max_connections.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 1000' })
  @Min(1, { message: 'must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'must be a whole number from 1 to 1000' })
  DATABASE_POOL_SIZE = 10;

  /** Workflow tasks one worker runs at once (the Temporal SDK's default). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 2 to 10000' })
  @Min(2, { message: 'must be a whole number from 2 to 10000' })
  @Max(10_000, { message: 'must be a whole number from 2 to 10000' })
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS = 40;

  /** Activities one worker runs at once (the Temporal SDK's default); each projection holds a database connection while it runs. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 10000' })
  @Min(1, { message: 'must be a whole number from 1 to 10000' })
  @Max(10_000, { message: 'must be a whole number from 1 to 10000' })
  WORKER_MAX_CONCURRENT_ACTIVITIES = 100;

  /** Workflows one worker keeps in memory between their tasks; unset, the Temporal SDK sizes it by the heap. */
  @Transform(toInt)
  @IsOptional()
  @HasNoProblem('holdsTheConcurrentWorkflowTasks', (value, environment) =>
    typeof value === 'number' && value >= 2 && value < environment.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS
      ? `is less than the ${environment.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS} workflow tasks a worker runs at once (WORKER_MAX_CONCURRENT_WORKFLOW_TASKS): each runs on a cached workflow, so raise this or lower that`
      : null,
  )
  @IsInt({ message: 'must be a whole number from 2 to 1000000' })
  @Min(2, { message: 'must be a whole number from 2 to 1000000' })
  @Max(1_000_000, { message: 'must be a whole number from 2 to 1000000' })
  WORKER_MAX_CACHED_WORKFLOWS?: number;

  @Transform(toInt)
  @IsInt({ message: PORT_MESSAGE })
  @Min(1, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  PORT = 3000;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  // The reference deployment's placeholder is public: tokens signed with it could be forged by anyone.
  @Matches(/^(?!change-me)/, { message: 'is still the published placeholder; set a random secret (for example: openssl rand -base64 48)' })
  JWT_SECRET?: string;

  /** The first password of the `admin` account; required outside development (see adminPasswordOf). */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  /** `development` under `npm start`; the image sets `production`. */
  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'must be development, production or test' })
  NODE_ENV?: string;

  /** Login attempts one client address may make per minute (per API process). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 100000' })
  @Min(1, { message: 'must be a whole number from 1 to 100000' })
  @Max(100_000, { message: 'must be a whole number from 1 to 100000' })
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * The load balancers or reverse proxies in front of the API (addresses or subnets, or loopback,
   * linklocal, uniquelocal), comma-separated. Only from these is X-Forwarded-For believed, so the login
   * limit counts each client's own address behind them; unset, it counts the address that connects.
   */
  @IsOptional()
  @HasNoProblem('isProxyList', (value) => {
    const entries = typeof value === 'string' ? trustedProxyList(value) : [];
    const wrong = entries.filter((entry) => !isProxyEntry(entry));
    if (typeof value === 'string' && entries.length > 0 && wrong.length === 0) return null;
    return `must list the balancers' addresses or subnets separated by commas (e.g. "10.0.0.0/8, loopback")${wrong.length > 0 ? `, not "${wrong.join('", "')}"` : ''}`;
  })
  TRUSTED_PROXIES?: string;

  /**
   * How long a claimed Idempotency-Key whose request gave no answer (its process died) stays claimed;
   * afterwards a repeat of the request takes it over. Longer than the 15 s a request waits on Temporal.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds from 16 to 86400' })
  @Min(16, { message: 'must be a whole number of seconds from 16 to 86400 (longer than the 15 s request deadline)' })
  @Max(86_400, { message: 'must be a whole number of seconds from 16 to 86400' })
  IDEMPOTENCY_LEASE_SECONDS = 120;

  /** Retention: days an Idempotency-Key and its answer are kept. */
  @Transform(toInt)
  @IsInt({ message: DAYS_MESSAGE })
  @Min(1, { message: DAYS_MESSAGE })
  @Max(36_500, { message: DAYS_MESSAGE })
  IDEMPOTENCY_RETENTION_DAYS = 7;

  /** Retention: days a notification is kept in the inbox after it was read (unread ones stay). */
  @Transform(toInt)
  @IsInt({ message: DAYS_MESSAGE })
  @Min(1, { message: DAYS_MESSAGE })
  @Max(36_500, { message: DAYS_MESSAGE })
  READ_NOTIFICATION_RETENTION_DAYS = 180;

  /** Retention: days the record of a delivered or finally failed e-mail or webhook call is kept (pending ones stay). */
  @Transform(toInt)
  @IsInt({ message: DAYS_MESSAGE })
  @Min(1, { message: DAYS_MESSAGE })
  @Max(36_500, { message: DAYS_MESSAGE })
  DELIVERY_RETENTION_DAYS = 90;

  /** Attempts of one e-mail or webhook call before it is recorded as failed. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 100' })
  @Min(1, { message: 'must be a whole number from 1 to 100' })
  @Max(100, { message: 'must be a whole number from 1 to 100' })
  NOTIFICATION_DELIVERY_ATTEMPTS = 10;

  /** Pause before the second attempt of a delivery, in seconds; each later pause doubles, up to an hour. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'must be a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'must be a whole number of seconds from 1 to 3600' })
  NOTIFICATION_RETRY_INITIAL_SECONDS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt({ message: PORT_MESSAGE })
  @Min(1, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  EMBEDDED_POSTGRES_PORT = 5544;

  @Transform(toInt)
  @IsInt({ message: PORT_MESSAGE })
  @Min(1, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  EMBEDDED_TEMPORAL_PORT = 7244;

  @Transform(toInt)
  @IsInt({ message: PORT_MESSAGE })
  @Min(1, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  EMBEDDED_TEMPORAL_UI_PORT = 8244;

  /** Demo bureaus, users and owning bureaus for trying the engine out; never for production. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  DEMO_DATA = false;

  /** SMTP server for notification e-mails; unset = no e-mail, the inbox only. */
  @IsOptional()
  @IsUrlOf(['smtp:', 'smtps:'], { message: 'must be an smtp:// or smtps:// URL, for example smtp://user:password@mail.example.jp:587' })
  SMTP_URL?: string;

  /**
   * Send e-mail only over TLS: smtps://, or STARTTLS on smtp://, refusing a server that does not offer
   * it rather than sending in the clear. The reference deployment sets it.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SMTP_REQUIRE_TLS = false;

  @IsString()
  @Matches(MAIL_FROM_PATTERN, { message: 'must be an e-mail address, optionally with a name: 市政変革ワークフロー <no-reply@example.jp>' })
  MAIL_FROM = '市政変革ワークフロー <no-reply@localhost>';

  /** Where people reach the API; makes the links in e-mails and webhook calls absolute. */
  @IsUrlOf(['http:', 'https:'], { message: 'must be an http(s) URL, for example https://reform.example.jp' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Receives one signed JSON POST per notification; unset = none. */
  @IsOptional()
  @IsUrlOf(['http:', 'https:'], { message: 'must be an http(s) URL' })
  WEBHOOK_URL?: string;

  /** HMAC-SHA256 key of the X-Reform-Signature header; required with WEBHOOK_URL. */
  @ValidateIf((environment: Environment) => environment.WEBHOOK_URL !== undefined || environment.WEBHOOK_SECRET !== undefined)
  // Listed last-first: class-validator reports the bottom decorator first, and an unset secret should say it is required.
  @MinLength(16, { message: 'must be at least 16 characters' })
  @IsString({ message: 'is required when WEBHOOK_URL is set' })
  WEBHOOK_SECRET?: string;
}

export const ENVIRONMENT_KEYS: readonly (keyof Environment)[] = [
  'DATABASE_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_CLI_PATH',
  'TEMPORAL_UI_URL',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_PAYLOAD_KEYS',
  'TEMPORAL_PAYLOAD_KEY_ID',
  'WORKFLOW_BUNDLE_PATH',
  'DATABASE_POOL_SIZE',
  'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
  'WORKER_MAX_CONCURRENT_ACTIVITIES',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'PORT',
  'JWT_SECRET',
  'ADMIN_PASSWORD',
  'NODE_ENV',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'TRUSTED_PROXIES',
  'IDEMPOTENCY_LEASE_SECONDS',
  'IDEMPOTENCY_RETENTION_DAYS',
  'READ_NOTIFICATION_RETENTION_DAYS',
  'DELIVERY_RETENTION_DAYS',
  'NOTIFICATION_DELIVERY_ATTEMPTS',
  'NOTIFICATION_RETRY_INITIAL_SECONDS',
  'LOG_LEVEL',
  'DATA_DIR',
  'EMBEDDED_POSTGRES_PORT',
  'EMBEDDED_TEMPORAL_PORT',
  'EMBEDDED_TEMPORAL_UI_PORT',
  'DEMO_DATA',
  'SMTP_URL',
  'SMTP_REQUIRE_TLS',
  'MAIL_FROM',
  'PUBLIC_BASE_URL',
  'WEBHOOK_URL',
  'WEBHOOK_SECRET',
];

/** A setting is missing or malformed; the message is one line naming the variable. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Reads and validates the environment; throws {@link ConfigurationError} on the first bad value. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const relevant = Object.fromEntries(
    ENVIRONMENT_KEYS.filter((key) => source[key] !== undefined && source[key] !== '').map((key) => [key, source[key]]),
  );
  const environment = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const [firstError] = validateSync(environment, { skipMissingProperties: false });
  if (firstError) {
    const reason = Object.values(firstError.constraints ?? {})[0] ?? 'is invalid';
    const shown = redact(firstError.property, source[firstError.property]);
    throw new ConfigurationError(`Invalid environment variable ${firstError.property}=${shown}: ${reason}`);
  }
  return environment;
}

/** Fails with a clear line when a process needs a setting the launcher normally provides. */
export function requireSetting<K extends keyof Environment>(environment: Environment, key: K): NonNullable<Environment[K]> {
  const value = environment[key];
  if (value === undefined || value === null || value === '') {
    throw new ConfigurationError(`Missing environment variable ${String(key)}: set it, or start everything with "npm start"`);
  }
  return value as NonNullable<Environment[K]>;
}

function redact(key: string, value: string | undefined): string {
  if (value === undefined) return '(unset)';
  if (key === 'JWT_SECRET' || key === 'ADMIN_PASSWORD' || key === 'WEBHOOK_SECRET' || key === 'TEMPORAL_PAYLOAD_KEYS') return '(hidden)';
  if (key === 'DATABASE_URL' || key === 'SMTP_URL' || key === 'WEBHOOK_URL') return JSON.stringify(redactConnectionString(value));
  return JSON.stringify(value);
}

/**
 * A rejected URL (DATABASE_URL, SMTP_URL, WEBHOOK_URL) can have any shape, so the password is masked wherever it may be: everything
 * between the user name and the last @ (passwords may hold @ or /, the scheme may be missing), and any
 * password=… of the libpq key=value form or a query string.
 */
function redactConnectionString(value: string): string {
  const masked = value.replace(/(password\s*=\s*)('[^']*'?|[^\s&]*)/gi, '$1***');
  const at = masked.lastIndexOf('@');
  if (at < 0) return masked;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(masked)?.[0] ?? '';
  const userInfo = masked.slice(scheme.length, at);
  const colon = userInfo.indexOf(':');
  return colon < 0 ? masked : `${scheme}${userInfo.slice(0, colon)}:***${masked.slice(at)}`;
}

/** TRUSTED_PROXIES as a list, in the terms Express's `trust proxy` takes. */
export function trustedProxyList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
