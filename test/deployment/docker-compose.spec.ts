// Checks docker-compose.yml, the reference production deployment, as Compose reads it: YAML with
// merge keys, interpolation, the Compose Specification's schema (test/support/compose-file.ts), on
// any machine. Where Debian's docker-compose is installed, its own `docker-compose config` must
// accept the file as well and read the same environment.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ENVIRONMENT_KEYS, loadEnvironment, newPayloadKeyEntry, temporalConnectionSettings, workerTuning } from '@app/config';
import { ComposeConfig, ComposeFileError, ComposeService, readComposeFile, readComposeText } from '../support/compose-file';

const ROOT = resolve(__dirname, '../..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const APP_SERVICES = ['setup', 'api', 'worker'] as const;

interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

const hasDockerCompose = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'docker-compose')));

/** What an operator must set (the file refuses to be read without it). */
const REQUIRED = { ADMIN_PASSWORD: 'an-operators-own-password', TEMPORAL_PAYLOAD_KEYS: newPayloadKeyEntry('reform-1') };

/** Variables the file interpolates are left unset, as on a fresh checkout, so every default in the file is exercised. */
function freshCheckoutEnvironment(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const interpolated = new Set([...readFileSync(COMPOSE_FILE, 'utf8').matchAll(/\$\{(\w+)/g)].map((match) => match[1]));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('COMPOSE_') || interpolated.has(key)) delete env[key];
  }
  return { ...env, ...REQUIRED, ...extra };
}

const readDeployment = (extra: Record<string, string> = {}): ComposeConfig =>
  readComposeFile(COMPOSE_FILE, { projectDir: ROOT, env: freshCheckoutEnvironment(extra) });

function dockerCompose(args: string[], envFile: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'docker-compose',
      ['--project-directory', ROOT, '--file', COMPOSE_FILE, '--env-file', envFile, ...args],
      { cwd: ROOT, env: freshCheckoutEnvironment() as NodeJS.ProcessEnv, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`docker-compose ${args.join(' ')} failed (exit ${error.code}):\n${stderr || error.message}`));
        resolvePromise({ stdout, stderr });
      },
    );
  });
}

const publishedPorts = (service: ComposeService): number[] =>
  (service.ports ?? []).map((port) => {
    if (typeof port === 'string') {
      // [ip:]published:target[/protocol]
      const parts = port.replace(/\/\w+$/, '').split(':');
      return Number(parts[parts.length - 2]);
    }
    return Number(port.published);
  });

describe('docker-compose.yml', () => {
  const config = async (): Promise<ComposeConfig> => readDeployment();

  it('follows the Compose Specification once interpolated with no variable set', () => {
    expect(() => readDeployment()).not.toThrow();
  });

  it('is refused by the same check when it is broken', () => {
    const text = readFileSync(COMPOSE_FILE, 'utf8');
    const read = (broken: string) => () => readComposeText(broken, { projectDir: ROOT, env: freshCheckoutEnvironment() });
    expect(read(text.replace('retries: 30', 'retries: thirty'))).toThrow(/retries/);
    expect(read(text.replace('    restart: unless-stopped\n', '    restart: unless-stopped\n    restrat: always\n'))).toThrow(/restrat/);
    expect(read(text.replace('interval: 5s', 'interval: five seconds'))).toThrow(/interval/);
    expect(read(text.replace('- "3000:3000"', '- "three-thousand"'))).toThrow(/ports/);
    expect(read(text.replace('${JWT_SECRET:-change-me-public-placeholder-set-JWT_SECRET-before-use}', '${JWT_SECRET:?set JWT_SECRET}'))).toThrow(ComposeFileError);
  });

  it.each(Object.keys(REQUIRED))('cannot be read without %s, naming it', (variable) => {
    const env = freshCheckoutEnvironment();
    delete env[variable];
    expect(() => readComposeFile(COMPOSE_FILE, { projectDir: ROOT, env })).toThrow(new RegExp(variable));
  });

  (hasDockerCompose ? describe : describe.skip)('with Debian\'s docker-compose on PATH', () => {
    let workDir: string;
    let emptyEnvFile: string;

    beforeAll(() => {
      workDir = mkdtempSync(join(tmpdir(), 'compose-spec-'));
      emptyEnvFile = join(workDir, 'required.env');
      writeFileSync(emptyEnvFile, Object.entries(REQUIRED).map(([key, value]) => `${key}=${value}\n`).join(''));
    });

    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    it('is valid for `docker-compose config -q` too, without warnings', async () => {
      const { stderr } = await dockerCompose(['config', '-q'], emptyEnvFile);
      expect(stderr).not.toMatch(/WARNING/i);
    });

    it('reads the same services and environment there as here', async () => {
      const theirs = parse((await dockerCompose(['config'], emptyEnvFile)).stdout) as ComposeConfig;
      const ours = readDeployment();
      expect(Object.keys(theirs.services).sort()).toEqual(Object.keys(ours.services).sort());
      for (const name of APP_SERVICES) expect(theirs.services[name].environment).toEqual(ours.services[name].environment);
    });
  });

  it('defines the database, Temporal, its UI, the setup job, the API and the worker', async () => {
    const { services } = await config();
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'setup', 'api', 'worker']));
  });

  it('gives setup, api and worker the same environment variable names, all of them read by the app', async () => {
    const { services } = await config();
    const names = (name: string) => Object.keys(services[name].environment ?? {}).sort();
    expect(names('api')).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'JWT_SECRET']));
    expect(names('worker')).toEqual(names('api'));
    expect(names('setup')).toEqual(names('api'));
    const known: readonly string[] = ENVIRONMENT_KEYS;
    expect(names('api').filter((name) => !known.includes(name))).toEqual([]);
  });

  it('passes the validation the app applies to its settings once JWT_SECRET is set, and refuses the public placeholder', async () => {
    const withSecret = readDeployment({ JWT_SECRET: randomBytes(36).toString('base64') });
    const settingsOf = (compose: ComposeConfig) =>
      Object.fromEntries(Object.entries(compose.services.api.environment ?? {}).map(([key, value]) => [key, value ?? undefined]));
    const loaded = loadEnvironment(settingsOf(withSecret));
    expect(loaded.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/reform$/);
    expect(loaded.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(loaded.JWT_SECRET?.length).toBeGreaterThanOrEqual(32);
    expect(withSecret.services['temporal-ui'].environment?.TEMPORAL_ADDRESS).toBe(loaded.TEMPORAL_ADDRESS);
    const withoutSecret = settingsOf(await config());
    expect(() => loadEnvironment(withoutSecret)).toThrow(/JWT_SECRET.*placeholder/);
  });

  it('hands the apps the payload keys it is given and plain gRPC to its own Temporal, TLS when the TEMPORAL_TLS_* settings are given', async () => {
    const settingsOf = (compose: ComposeConfig) =>
      Object.fromEntries(Object.entries(compose.services.worker.environment ?? {}).map(([key, value]) => [key, value ?? undefined]));
    const jwtSecret = { JWT_SECRET: randomBytes(36).toString('base64') };
    const temporal = temporalConnectionSettings(loadEnvironment(settingsOf(readDeployment(jwtSecret))));
    expect(temporal.payloadKeys.currentKeyId).toBe('reform-1');
    expect(temporal.payloadKeys.keys.get('reform-1')).toEqual(Buffer.from(REQUIRED.TEMPORAL_PAYLOAD_KEYS.split(':')[1], 'base64'));
    expect(temporal.tls).toBeNull();

    const rotated = readDeployment({ ...jwtSecret, TEMPORAL_PAYLOAD_KEYS: `${REQUIRED.TEMPORAL_PAYLOAD_KEYS},${newPayloadKeyEntry('reform-2')}`, TEMPORAL_PAYLOAD_KEY_ID: 'reform-2', TEMPORAL_TLS: 'true' });
    const environment = loadEnvironment(settingsOf(rotated));
    expect(temporalConnectionSettings(environment).payloadKeys.currentKeyId).toBe('reform-2');
    expect(temporalConnectionSettings(environment).tls).toEqual({});
  });

  it('sizes each worker and its pool as the Temporal SDK and the app would by default, and as it is told otherwise', async () => {
    const workerSettings = (extra: Record<string, string>) =>
      loadEnvironment(Object.fromEntries(Object.entries(readDeployment({ JWT_SECRET: randomBytes(36).toString('base64'), ...extra }).services.worker.environment ?? {}).map(([key, value]) => [key, value ?? undefined])));
    const defaults = workerSettings({});
    expect(defaults.DATABASE_POOL_SIZE).toBe(loadEnvironment({}).DATABASE_POOL_SIZE);
    expect(workerTuning(defaults)).toEqual(workerTuning(loadEnvironment({})));
    const sized = workerSettings({ DATABASE_POOL_SIZE: '20', WORKER_MAX_CONCURRENT_ACTIVITIES: '20', WORKER_MAX_CACHED_WORKFLOWS: '2000' });
    expect(sized.DATABASE_POOL_SIZE).toBe(20);
    expect(workerTuning(sized)).toEqual({ maxConcurrentWorkflowTaskExecutions: 40, maxConcurrentActivityTaskExecutions: 20, maxCachedWorkflows: 2000 });
  });

  it('publishes the API on port 3000', async () => {
    const { services } = await config();
    expect(publishedPorts(services.api)).toContain(3000);
    expect(services.api.environment?.PORT).toBe('3000');
  });

  it('runs setup, api and worker from one image built from the Dockerfile, each with its own entry point', async () => {
    const { services } = await config();
    const images = new Set(APP_SERVICES.map((name) => services[name].image));
    expect(images.size).toBe(1);
    for (const name of APP_SERVICES) {
      expect(services[name].build?.context).toBe(ROOT);
      expect(services[name].command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
      expect(existsSync(join(ROOT, 'apps', name, 'src', 'main.ts'))).toBe(true);
    }
    expect(existsSync(join(ROOT, services.api.build?.dockerfile ?? 'Dockerfile'))).toBe(true);
  });

  it('starts the API and the worker only after setup has completed successfully', async () => {
    const { services } = await config();
    expect(services.setup.depends_on?.postgres?.condition).toBe('service_healthy');
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on?.setup?.condition).toBe('service_completed_successfully');
    }
  });
});
