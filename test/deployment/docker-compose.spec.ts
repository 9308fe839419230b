import { randomBytes } from 'node:crypto';
// Checks docker-compose.yml, the reference production deployment, with the real Compose parser.
// No Docker engine is needed: `docker-compose config` (Debian's docker-compose 1.29) validates
// and normalizes the file on its own.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ENVIRONMENT_KEYS, loadEnvironment } from '@app/config';

const ROOT = resolve(__dirname, '../..');
const APP_SERVICES = ['setup', 'api', 'worker'] as const;

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string | null>;
  ports?: (string | { published?: number | string; target?: number | string })[];
  depends_on?: Record<string, { condition?: string }>;
}

interface ComposeConfig {
  services: Record<string, ComposeService>;
}

interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

const NOT_INSTALLED =
  'docker-compose is not on PATH. This test validates docker-compose.yml with `docker-compose config` ' +
  "and needs Debian's docker-compose package: apt-get install docker-compose";

/**
 * Runs docker-compose in the repository root the way a fresh checkout would: no .env file and
 * none of the file's variables set, so every default in the file is exercised.
 */
function dockerCompose(args: string[], envFile: string): Promise<RunResult> {
  const interpolated = new Set([...readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').matchAll(/\$\{(\w+)/g)].map((match) => match[1]));
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('COMPOSE_') || interpolated.has(key)) delete env[key];
  }
  return new Promise((resolvePromise, reject) => {
    execFile(
      'docker-compose',
      ['--project-directory', ROOT, '--file', join(ROOT, 'docker-compose.yml'), '--env-file', envFile, ...args],
      { cwd: ROOT, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return reject(new Error(NOT_INSTALLED));
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
  let workDir: string;
  let emptyEnvFile: string;
  let config: Promise<ComposeConfig>;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'compose-spec-'));
    emptyEnvFile = join(workDir, 'empty.env');
    writeFileSync(emptyEnvFile, '');
    config = dockerCompose(['config'], emptyEnvFile).then(({ stdout }) => parse(stdout) as ComposeConfig);
    // Each test awaits it; this keeps a failure from also being reported as unhandled.
    config.catch(() => undefined);
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('is valid for docker-compose (`docker-compose config -q` exits 0, without warnings)', async () => {
    const { stderr } = await dockerCompose(['config', '-q'], emptyEnvFile);
    expect(stderr).not.toMatch(/WARNING/i);
  });

  it('defines the database, Temporal, its UI, the setup job, the API and the worker', async () => {
    const { services } = await config;
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'setup', 'api', 'worker']));
  });

  it('gives setup, api and worker the same environment variable names, all of them read by the app', async () => {
    const { services } = await config;
    const names = (name: string) => Object.keys(services[name].environment ?? {}).sort();
    expect(names('api')).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'JWT_SECRET']));
    expect(names('worker')).toEqual(names('api'));
    expect(names('setup')).toEqual(names('api'));
    const known: readonly string[] = ENVIRONMENT_KEYS;
    expect(names('api').filter((name) => !known.includes(name))).toEqual([]);
  });

  it('passes the validation the app applies to its settings once JWT_SECRET is set, and refuses the public placeholder', async () => {
    const secretEnvFile = join(workDir, 'secret.env');
    writeFileSync(secretEnvFile, `JWT_SECRET=${randomBytes(36).toString('base64')}\n`);
    const withSecret = parse((await dockerCompose(['config'], secretEnvFile)).stdout) as ComposeConfig;
    const settingsOf = (compose: ComposeConfig) =>
      Object.fromEntries(Object.entries(compose.services.api.environment ?? {}).map(([key, value]) => [key, value ?? undefined]));
    const loaded = loadEnvironment(settingsOf(withSecret));
    expect(loaded.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/reform$/);
    expect(loaded.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(loaded.JWT_SECRET?.length).toBeGreaterThanOrEqual(32);
    expect(withSecret.services['temporal-ui'].environment?.TEMPORAL_ADDRESS).toBe(loaded.TEMPORAL_ADDRESS);
    const withoutSecret = settingsOf(await config);
    expect(() => loadEnvironment(withoutSecret)).toThrow(/JWT_SECRET.*placeholder/);
  });

  it('publishes the API on port 3000', async () => {
    const { services } = await config;
    expect(publishedPorts(services.api)).toContain(3000);
    expect(services.api.environment?.PORT).toBe('3000');
  });

  it('runs setup, api and worker from one image built from the Dockerfile, each with its own entry point', async () => {
    const { services } = await config;
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
    const { services } = await config;
    expect(services.setup.depends_on?.postgres?.condition).toBe('service_healthy');
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on?.setup?.condition).toBe('service_completed_successfully');
    }
  });
});
