import { ConfigurationError, loadEnvironment, requireSetting } from './environment';

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
