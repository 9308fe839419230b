import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadEnvironment, requireSetting, trustedProxyList } from './environment';
import { newPayloadKeyEntry } from './payload-keys';
import { temporalConnectionSettings } from './temporal-settings';
import { workerTuning } from './worker-tuning';

/** Runs loadEnvironment and returns the ConfigurationError it throws, failing the test if it throws nothing or something else. */
function failureFor(source: Record<string, string>): ConfigurationError {
  try {
    loadEnvironment(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error(`loadEnvironment accepted ${JSON.stringify(Object.keys(source))}`);
}

function expectOneLineNaming(error: ConfigurationError, variable: string): void {
  expect(error.message.split(/\r?\n/)).toHaveLength(1);
  expect(error.message).toMatch(new RegExp(`\\b${variable}\\b`));
}

describe('loadEnvironment', () => {
  it('falls back to the embedded development set-up when nothing is set', () => {
    const environment = loadEnvironment({});
    expect(environment).toMatchObject({
      PORT: 3000,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'reform-engine',
      LOG_LEVEL: 'info',
      DATA_DIR: '.data',
      EMBEDDED_POSTGRES_PORT: 5544,
      EMBEDDED_TEMPORAL_PORT: 7244,
      EMBEDDED_TEMPORAL_UI_PORT: 8244,
    });
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(environment.TEMPORAL_ADDRESS).toBeUndefined();
    expect(environment.JWT_SECRET).toBeUndefined();
    expect(environment.ADMIN_PASSWORD).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    const environment = loadEnvironment({ PORT: '', DATABASE_URL: '', TEMPORAL_ADDRESS: '' });
    expect(environment.PORT).toBe(3000);
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(environment.TEMPORAL_ADDRESS).toBeUndefined();
  });

  it('ignores variables it does not know', () => {
    expect(() => loadEnvironment({ HOME: '/root', SOMETHING_ELSE: 'x y z' })).not.toThrow();
  });

  it('reads valid values, turning port strings into numbers', () => {
    const environment = loadEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgresql://reform:s3cret@db.example.local:5432/reform',
      TEMPORAL_ADDRESS: 'temporal.example.local:7233',
      TEMPORAL_NAMESPACE: 'kitakyushu',
      TEMPORAL_TASK_QUEUE: 'reform-fy2024',
      JWT_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'debug',
      EMBEDDED_POSTGRES_PORT: '15432',
    });
    expect(environment.PORT).toBe(8080);
    expect(typeof environment.PORT).toBe('number');
    expect(environment.EMBEDDED_POSTGRES_PORT).toBe(15432);
    expect(environment).toMatchObject({
      DATABASE_URL: 'postgresql://reform:s3cret@db.example.local:5432/reform',
      TEMPORAL_ADDRESS: 'temporal.example.local:7233',
      TEMPORAL_NAMESPACE: 'kitakyushu',
      TEMPORAL_TASK_QUEUE: 'reform-fy2024',
      JWT_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'debug',
    });
  });

  it('accepts a port with surrounding blanks and the extremes of the range', () => {
    expect(loadEnvironment({ PORT: ' 4000 ' }).PORT).toBe(4000);
    expect(loadEnvironment({ PORT: '1' }).PORT).toBe(1);
    expect(loadEnvironment({ PORT: '65535' }).PORT).toBe(65535);
  });

  it('refuses PORT=abc with a one-line ConfigurationError naming PORT', () => {
    const error = failureFor({ PORT: 'abc' });
    expect(error.name).toBe('ConfigurationError');
    expectOneLineNaming(error, 'PORT');
    expect(error.message).toContain('abc');
  });

  it.each(['0', '65536', '-1', '80.5', '3000abc', '1e3'])('refuses PORT=%j', (port) => {
    expectOneLineNaming(failureFor({ PORT: port }), 'PORT');
  });

  it.each(['EMBEDDED_POSTGRES_PORT', 'EMBEDDED_TEMPORAL_PORT', 'EMBEDDED_TEMPORAL_UI_PORT'])('refuses a non-numeric %s by name', (variable) => {
    expectOneLineNaming(failureFor({ [variable]: 'five' }), variable);
  });

  it('keeps the message on one line even when the bad value spans lines', () => {
    expectOneLineNaming(failureFor({ LOG_LEVEL: 'info\nextra' }), 'LOG_LEVEL');
    expectOneLineNaming(failureFor({ PORT: '80\n80' }), 'PORT');
  });

  it.each([
    ['wrong scheme', 'mysql://reform:Hunter2Secret@db/reform'],
    ['blank inside the password', 'postgres://reform:Hunter2 Secret@db/reform'],
    ['@ inside the password', 'mysql://reform:Hunter2@Secret@db/reform'],
    ['/ inside the password', 'mysql://reform:Hunter2/Secret@db/reform'],
    ['no user name', 'mysql://:Hunter2Secret@db/reform'],
    ['scheme missing', 'reform:Hunter2Secret@db:5432/reform'],
    ['libpq key=value form', 'host=db user=reform password=Hunter2Secret dbname=reform'],
    ['libpq quoted password', "host=db user=reform password='Hunter2 Secret' dbname=reform"],
    ['password in the query string', 'mysql://db/reform?user=reform&password=Hunter2Secret'],
  ])('refuses a bad DATABASE_URL (%s) by name without showing the password', (_case, url) => {
    const error = failureFor({ DATABASE_URL: url });
    expectOneLineNaming(error, 'DATABASE_URL');
    expect(error.message).not.toMatch(/Hunter2|Secret/);
    expect(error.stack ?? '').not.toMatch(/Hunter2|Secret/);
  });

  it('still shows enough of a bad DATABASE_URL to see what is wrong with it', () => {
    const error = failureFor({ DATABASE_URL: 'mysql://reform:Hunter2Secret@db/reform' });
    expect(error.message).toContain('mysql');
  });

  it('refuses a short JWT_SECRET without echoing it', () => {
    const error = failureFor({ JWT_SECRET: 'tooShortSecretValue' });
    expectOneLineNaming(error, 'JWT_SECRET');
    expect(error.message).not.toContain('tooShortSecretValue');
    expect(error.message).toMatch(/32/);
  });

  it('refuses the published JWT_SECRET placeholder of the reference deployment, saying how to make a real one', () => {
    const error = failureFor({ JWT_SECRET: 'change-me-public-placeholder-set-JWT_SECRET-before-use' });
    expectOneLineNaming(error, 'JWT_SECRET');
    expect(error.message).toContain('openssl rand');
  });

  it('refuses a short ADMIN_PASSWORD without echoing it', () => {
    const error = failureFor({ ADMIN_PASSWORD: 'pw1234' });
    expectOneLineNaming(error, 'ADMIN_PASSWORD');
    expect(error.message).not.toContain('pw1234');
  });

  it.each(['localhost:7233', '127.0.0.1:7233', 'temporal-frontend.svc.cluster.local:7233', '[::1]:7233'])('accepts TEMPORAL_ADDRESS=%s', (address) => {
    expect(loadEnvironment({ TEMPORAL_ADDRESS: address }).TEMPORAL_ADDRESS).toBe(address);
  });

  it.each(['localhost', 'http://localhost:7233', 'localhost:', ':7233', 'localhost:port', 'local host:7233', 'localhost:0', 'localhost:99999'])(
    'refuses TEMPORAL_ADDRESS=%j, which is not host:port',
    (address) => {
      const error = failureFor({ TEMPORAL_ADDRESS: address });
      expectOneLineNaming(error, 'TEMPORAL_ADDRESS');
      expect(error.message).toContain('host:port');
    },
  );

  it('refuses an unknown LOG_LEVEL by name', () => {
    expectOneLineNaming(failureFor({ LOG_LEVEL: 'loud' }), 'LOG_LEVEL');
  });

  it('refuses an http URL that is not one for TEMPORAL_UI_URL', () => {
    expectOneLineNaming(failureFor({ TEMPORAL_UI_URL: 'localhost:8233' }), 'TEMPORAL_UI_URL');
  });

  it('leaves demo data off unless DEMO_DATA is true', () => {
    expect(loadEnvironment({}).DEMO_DATA).toBe(false);
    expect(loadEnvironment({ DEMO_DATA: '' }).DEMO_DATA).toBe(false);
    expect(loadEnvironment({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
    expect(loadEnvironment({ DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(loadEnvironment({ DEMO_DATA: ' TRUE ' }).DEMO_DATA).toBe(true);
  });

  it.each(['yes', '1', 'ture', 'true false'])('refuses DEMO_DATA=%j by name rather than guessing', (value) => {
    const error = failureFor({ DEMO_DATA: value });
    expectOneLineNaming(error, 'DEMO_DATA');
    expect(error.message).toContain('true or false');
  });
});

describe('loadEnvironment: notification settings', () => {
  it('sends no e-mail and calls no webhook unless told to, and links to the local API', () => {
    const environment = loadEnvironment({ SMTP_URL: '', WEBHOOK_URL: '', WEBHOOK_SECRET: '', MAIL_FROM: '', PUBLIC_BASE_URL: '' });
    expect(environment.SMTP_URL).toBeUndefined();
    expect(environment.WEBHOOK_URL).toBeUndefined();
    expect(environment.WEBHOOK_SECRET).toBeUndefined();
    expect(environment.MAIL_FROM).toBe('市政変革ワークフロー <no-reply@localhost>');
    expect(environment.PUBLIC_BASE_URL).toBe('http://localhost:3000');
  });

  it('reads SMTP, sender, public URL and webhook settings', () => {
    const environment = loadEnvironment({
      SMTP_URL: 'smtps://reform:Hunter2Secret@mail.example.jp:465',
      MAIL_FROM: '北九州市 市政変革室 <henkaku@city.example.jp>',
      PUBLIC_BASE_URL: 'https://reform.example.jp/app',
      WEBHOOK_URL: 'https://hooks.example.jp/reform',
      WEBHOOK_SECRET: 's'.repeat(16),
    });
    expect(environment).toMatchObject({
      SMTP_URL: 'smtps://reform:Hunter2Secret@mail.example.jp:465',
      MAIL_FROM: '北九州市 市政変革室 <henkaku@city.example.jp>',
      PUBLIC_BASE_URL: 'https://reform.example.jp/app',
      WEBHOOK_URL: 'https://hooks.example.jp/reform',
    });
    expect(loadEnvironment({ SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525');
    expect(loadEnvironment({ MAIL_FROM: 'no-reply@example.jp' }).MAIL_FROM).toBe('no-reply@example.jp');
  });

  it.each(['http://reform:Hunter2Secret@mail.example.jp', 'mail.example.jp:587', 'smtp://', 'smtp://reform:Hunter2Secret@mail example.jp'])(
    'refuses SMTP_URL=%j by name without showing the password',
    (url) => {
      const error = failureFor({ SMTP_URL: url });
      expectOneLineNaming(error, 'SMTP_URL');
      expect(error.message).toContain('smtp://');
      expect(error.message).not.toMatch(/Hunter2/);
    },
  );

  it.each([
    ['WEBHOOK_URL', 'ftp://hooks.example.jp/reform'],
    ['WEBHOOK_URL', 'hooks.example.jp/reform'],
    ['PUBLIC_BASE_URL', 'localhost:3000'],
    ['PUBLIC_BASE_URL', 'smtp://reform.example.jp'],
    ['MAIL_FROM', 'no-reply'],
    ['MAIL_FROM', '市政変革 <no-reply>'],
  ])('refuses a bad %s (%j) by name', (variable, value) => {
    expectOneLineNaming(failureFor({ [variable]: value, WEBHOOK_SECRET: 's'.repeat(16) }), variable);
  });

  it('requires WEBHOOK_SECRET with WEBHOOK_URL', () => {
    const error = failureFor({ WEBHOOK_URL: 'https://hooks.example.jp/reform' });
    expectOneLineNaming(error, 'WEBHOOK_SECRET');
    expect(error.message).toContain('required when WEBHOOK_URL is set');
  });

  it('refuses a short WEBHOOK_SECRET without echoing it', () => {
    const error = failureFor({ WEBHOOK_URL: 'https://hooks.example.jp/reform', WEBHOOK_SECRET: 'Hunter2Secret' });
    expectOneLineNaming(error, 'WEBHOOK_SECRET');
    expect(error.message).not.toContain('Hunter2Secret');
    expect(error.message).toMatch(/16/);
  });
});

describe('loadEnvironment: sizing a replica', () => {
  it('keeps ten database connections per process and the Temporal SDK\'s worker defaults unless told otherwise', () => {
    const environment = loadEnvironment({});
    expect(environment.DATABASE_POOL_SIZE).toBe(10);
    expect(workerTuning(environment)).toEqual({ maxConcurrentWorkflowTaskExecutions: 40, maxConcurrentActivityTaskExecutions: 100 });
  });

  it('reads the pool size and what one worker takes on at once, in the Temporal worker\'s terms', () => {
    const environment = loadEnvironment({
      DATABASE_POOL_SIZE: '25',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20',
      WORKER_MAX_CONCURRENT_ACTIVITIES: ' 25 ',
      WORKER_MAX_CACHED_WORKFLOWS: '500',
    });
    expect(environment.DATABASE_POOL_SIZE).toBe(25);
    expect(workerTuning(environment)).toEqual({ maxConcurrentWorkflowTaskExecutions: 20, maxConcurrentActivityTaskExecutions: 25, maxCachedWorkflows: 500 });
  });

  it.each([
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'ten'],
    ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '1'],
    ['WORKER_MAX_CONCURRENT_ACTIVITIES', '-5'],
    ['WORKER_MAX_CONCURRENT_ACTIVITIES', '2.5'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '1'],
  ])('refuses %s=%j by name, with the range it takes', (variable, value) => {
    const error = failureFor({ [variable]: value });
    expectOneLineNaming(error, variable);
    expect(error.message).toMatch(/whole number from \d+ to \d+/);
  });

  it('refuses a workflow cache smaller than the workflow tasks a worker runs at once, since each runs on a cached workflow', () => {
    const error = failureFor({ WORKER_MAX_CACHED_WORKFLOWS: '20' });
    expectOneLineNaming(error, 'WORKER_MAX_CACHED_WORKFLOWS');
    expect(error.message).toContain('less than the 40 workflow tasks a worker runs at once (WORKER_MAX_CONCURRENT_WORKFLOW_TASKS)');
    expect(workerTuning(loadEnvironment({ WORKER_MAX_CACHED_WORKFLOWS: '20', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20' })).maxCachedWorkflows).toBe(20);
  });
});

describe('loadEnvironment: TRUSTED_PROXIES', () => {
  it('takes addresses, subnets and Express\'s names for local ranges, comma-separated', () => {
    const environment = loadEnvironment({ TRUSTED_PROXIES: ' 10.0.0.0/8, loopback ,fd00::/8, 192.168.1.10 ' });
    expect(trustedProxyList(environment.TRUSTED_PROXIES ?? '')).toEqual(['10.0.0.0/8', 'loopback', 'fd00::/8', '192.168.1.10']);
  });

  it.each([['10.0.0.0/33'], ['balancer.internal'], ['10.0.0.1, nginx'], [' , ']])('refuses TRUSTED_PROXIES=%j by name, with an example', (value) => {
    const error = failureFor({ TRUSTED_PROXIES: value });
    expectOneLineNaming(error, 'TRUSTED_PROXIES');
    expect(error.message).toContain('10.0.0.0/8, loopback');
  });
});

describe('requireSetting', () => {
  it('returns a setting that is present', () => {
    const environment = loadEnvironment({ DATABASE_URL: 'postgres://app@db/reform' });
    expect(requireSetting(environment, 'DATABASE_URL')).toBe('postgres://app@db/reform');
  });

  it('names a missing setting in a one-line ConfigurationError', () => {
    const environment = loadEnvironment({});
    let caught: unknown;
    try {
      requireSetting(environment, 'TEMPORAL_ADDRESS');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expectOneLineNaming(caught as ConfigurationError, 'TEMPORAL_ADDRESS');
  });
});

describe('loadEnvironment: payload keys of the Temporal codec', () => {
  const key = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
  const SECRET_KEY = key(32);

  it('reads a list of keys and the one that encrypts', () => {
    const [older, newer] = [newPayloadKeyEntry('2024-04'), newPayloadKeyEntry('2025-04')];
    const settings = temporalConnectionSettings(
      loadEnvironment({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_PAYLOAD_KEYS: ` ${older} , ${newer} `, TEMPORAL_PAYLOAD_KEY_ID: '2025-04' }),
    );
    expect(settings.payloadKeys.currentKeyId).toBe('2025-04');
    expect([...settings.payloadKeys.keys.keys()]).toEqual(['2024-04', '2025-04']);
    expect(settings.payloadKeys.keys.get('2024-04')).toEqual(Buffer.from(older.split(':')[1], 'base64'));
    expect([...settings.payloadKeys.keys.values()].map((value) => value.length)).toEqual([32, 32]);
  });

  it('takes the only key listed as the current one when TEMPORAL_PAYLOAD_KEY_ID is unset', () => {
    const settings = temporalConnectionSettings(loadEnvironment({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_PAYLOAD_KEYS: `reform-1:${SECRET_KEY}` }));
    expect(settings.payloadKeys.currentKeyId).toBe('reform-1');
  });

  it.each([
    ['a key of the wrong length', `reform-1:${key(16)}`, /key "reform-1" is 16 bytes; AES-256-GCM needs 32 \(make one with: openssl rand -base64 32\)/],
    ['a key that is not base64', 'reform-1:not*base64!', /key "reform-1" is not base64/],
    ['an entry without an id', SECRET_KEY, /entry 1 is not id:base64key/],
    ['an id with a blank', `reform 1:${SECRET_KEY}`, /entry 1 is not id:base64key/],
    ['an empty entry', `reform-1:${SECRET_KEY},`, /entry 2 is not id:base64key/],
    ['an id listed twice', `reform-1:${SECRET_KEY},reform-1:${key(32)}`, /key id "reform-1" is listed twice/],
  ])('refuses %s in TEMPORAL_PAYLOAD_KEYS, naming it and hiding the keys', (_case, keys, reason) => {
    const error = failureFor({ TEMPORAL_PAYLOAD_KEYS: keys });
    expectOneLineNaming(error, 'TEMPORAL_PAYLOAD_KEYS');
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('TEMPORAL_PAYLOAD_KEYS=(hidden)');
    expect(error.message).not.toContain(SECRET_KEY);
  });

  it('refuses a current key id that the list does not hold, listing the ids it does', () => {
    const error = failureFor({ TEMPORAL_PAYLOAD_KEYS: `2024-04:${SECRET_KEY},2025-04:${key(32)}`, TEMPORAL_PAYLOAD_KEY_ID: '2026-04' });
    expectOneLineNaming(error, 'TEMPORAL_PAYLOAD_KEY_ID');
    expect(error.message).toBe('Invalid environment variable TEMPORAL_PAYLOAD_KEY_ID="2026-04": is not one of the key ids of TEMPORAL_PAYLOAD_KEYS (2024-04, 2025-04)');
  });

  it('requires TEMPORAL_PAYLOAD_KEY_ID when several keys are listed', () => {
    const error = failureFor({ TEMPORAL_PAYLOAD_KEYS: `2024-04:${SECRET_KEY},2025-04:${key(32)}` });
    expectOneLineNaming(error, 'TEMPORAL_PAYLOAD_KEY_ID');
    expect(error.message).toContain('is required when TEMPORAL_PAYLOAD_KEYS lists several keys (2024-04, 2025-04)');
  });

  it('refuses TEMPORAL_PAYLOAD_KEY_ID without TEMPORAL_PAYLOAD_KEYS', () => {
    expect(failureFor({ TEMPORAL_PAYLOAD_KEY_ID: 'reform-1' }).message).toContain('TEMPORAL_PAYLOAD_KEY_ID="reform-1": is set, but TEMPORAL_PAYLOAD_KEYS is not');
  });

  it('leaves the keys to `npm start` when unset, but a process started on its own requires them, saying how to make one', () => {
    const environment = loadEnvironment({ TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(environment.TEMPORAL_PAYLOAD_KEYS).toBeUndefined();
    expect(() => temporalConnectionSettings(environment)).toThrow(ConfigurationError);
    expect(() => temporalConnectionSettings(environment)).toThrow(/^Missing environment variable TEMPORAL_PAYLOAD_KEYS: set it to id:base64key .*openssl rand -base64 32/);
  });
});

describe('loadEnvironment: TLS to Temporal', () => {
  let dir: string;
  const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
  const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEfake\n-----END PRIVATE KEY-----\n';
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const keys = { TEMPORAL_PAYLOAD_KEYS: newPayloadKeyEntry('reform-1') };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('connects in plain gRPC when no TLS setting is given', () => {
    expect(temporalConnectionSettings(loadEnvironment({ TEMPORAL_ADDRESS: 'temporal:7233', ...keys })).tls).toBeNull();
  });

  it('reads the client certificate, its key, the CA and the server name for mTLS', () => {
    const settings = temporalConnectionSettings(
      loadEnvironment({
        TEMPORAL_ADDRESS: '10.0.0.5:7233',
        TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem', CERTIFICATE),
        TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key', PRIVATE_KEY),
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem', CERTIFICATE),
        TEMPORAL_TLS_SERVER_NAME: 'temporal.reform.internal',
        ...keys,
      }),
    );
    expect(settings.tls).toEqual({
      serverNameOverride: 'temporal.reform.internal',
      serverRootCACertificate: Buffer.from(CERTIFICATE),
      clientCertPair: { crt: Buffer.from(CERTIFICATE), key: Buffer.from(PRIVATE_KEY) },
    });
  });

  it('turns TLS on with the system CAs for TEMPORAL_TLS=true alone', () => {
    expect(temporalConnectionSettings(loadEnvironment({ TEMPORAL_ADDRESS: 'temporal.example.jp:7233', TEMPORAL_TLS: 'true', ...keys })).tls).toEqual({});
  });

  it.each([
    ['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH', 'client.key', PRIVATE_KEY],
    ['TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_CLIENT_CERT_PATH', 'client.pem', CERTIFICATE],
  ])('requires %s with %s: both or neither', (missing, given, name, content) => {
    const error = failureFor({ TEMPORAL_ADDRESS: 'temporal:7233', [given]: file(name, content) });
    expectOneLineNaming(error, missing);
    expect(error.message).toContain(`is required with ${given}: mTLS needs the client certificate and its private key`);
  });

  it('refuses a file that does not exist or cannot be read, naming the variable and the path', () => {
    const missing = join(dir, 'nowhere.pem');
    const error = failureFor({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS_SERVER_CA_CERT_PATH: missing });
    expect(error.message).toBe(
      `Invalid environment variable TEMPORAL_TLS_SERVER_CA_CERT_PATH=${JSON.stringify(missing)}: cannot be read (ENOENT): it must name a PEM file holding a CA certificate that this process may read`,
    );
    expect(failureFor({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS_SERVER_CA_CERT_PATH: dir }).message).toContain('cannot be read (EISDIR)');
  });

  (process.getuid?.() === 0 ? it.skip : it)('refuses a file this process may not read', () => {
    const locked = file('locked.pem', CERTIFICATE);
    chmodSync(locked, 0o000);
    expect(failureFor({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS_SERVER_CA_CERT_PATH: locked }).message).toContain('cannot be read (EACCES)');
  });

  it('refuses a certificate and a key swapped, since neither file holds what its variable names', () => {
    const error = failureFor({
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('swapped.key', PRIVATE_KEY),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('swapped.pem', CERTIFICATE),
    });
    expectOneLineNaming(error, 'TEMPORAL_TLS_CLIENT_CERT_PATH');
    expect(error.message).toContain('is not a PEM file holding a certificate');
  });

  it('requires an external TEMPORAL_ADDRESS with TLS: the embedded dev server has none', () => {
    const error = failureFor({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca-only.pem', CERTIFICATE) });
    expectOneLineNaming(error, 'TEMPORAL_ADDRESS');
    expect(error.message).toContain('is required when TEMPORAL_TLS or a TEMPORAL_TLS_* setting is given');
  });

  it('refuses TEMPORAL_TLS=false next to TLS settings rather than guessing which one is meant', () => {
    const error = failureFor({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'temporal.reform.internal' });
    expectOneLineNaming(error, 'TEMPORAL_TLS');
    expect(error.message).toContain('is false while TEMPORAL_TLS_SERVER_NAME is set');
    expectOneLineNaming(failureFor({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS: 'yes' }), 'TEMPORAL_TLS');
  });
});
