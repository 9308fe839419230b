import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { anyFreePort } from '../../tools/infra/ports';
import { testRunDir } from '../support/test-environment';

const LAUNCHER = join(__dirname, '../../dist/tools/launcher/main.js');

/** Every live process below `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (id: number) => (children.get(id) ?? []).forEach((child) => (found.push(child), visit(child)));
  visit(pid);
  return found;
}

const isAlive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

interface Launch {
  readonly child: ChildProcess;
  readonly output: string[];
}

async function launch(env: NodeJS.ProcessEnv): Promise<Launch> {
  const child = spawn(process.execPath, [LAUNCHER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  for await (const line of createInterface({ input: child.stdout! })) {
    output.push(line);
    if (line.startsWith('Press Ctrl-C to stop.')) return { child, output };
  }
  throw new Error(`npm start did not come up:\n${output.join('\n')}`);
}

async function stop({ child }: Launch, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

describe('npm start', () => {
  it('prints where to go, stops everything on SIGTERM and SIGINT, and comes back with the same data', async () => {
    const dataDir = mkdtempSync(join(testRunDir(), 'launcher-'));
    chmodSync(dataDir, 0o755);
    const port = await anyFreePort();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      ADMIN_PASSWORD: 'launcher-admin',
      EMBEDDED_POSTGRES_PORT: String(await anyFreePort()),
      EMBEDDED_TEMPORAL_PORT: String(await anyFreePort()),
      EMBEDDED_TEMPORAL_UI_PORT: String(await anyFreePort()),
      LOG_LEVEL: 'warn',
    };
    const api = `http://localhost:${port}/api/v1`;

    const first = await launch(env);
    const printed = first.output.join('\n');
    expect(printed).toMatch(new RegExp(`is running\\.\\n  Web app       http://localhost:${port}/\\n  API           ${api}\\n`));
    const webApp = await fetch(`http://localhost:${port}/`);
    expect(webApp.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await webApp.text()).toContain('<html lang="ja">');
    expect(printed).toContain(`OpenAPI UI    http://localhost:${port}/api/docs`);
    expect(printed).toMatch(/Temporal UI   http:\/\/127\.0\.0\.1:\d+/);
    expect(printed).toMatch(/^Temporal: dev server on .* — Temporal CLI/m);
    expect(printed).toContain('"username":"admin"');
    // Workflows kept in DATA_DIR need the same payload key on every start: made once, readable by this user only.
    const payloadKeyFile = join(dataDir, 'temporal-payload-keys');
    expect(printed).toContain(`Temporal: payloads encrypted with key "local" (generated, kept in ${payloadKeyFile})`);
    expect(statSync(payloadKeyFile).mode & 0o777).toBe(0o600);
    const payloadKey = readFileSync(payloadKeyFile, 'utf8');
    expect(payloadKey).toMatch(/^local:[A-Za-z0-9+/]{43}=\n$/);
    const token = await loginAsAdmin(api);
    const created = await fetch(`${api}/fiscal-years`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fiscalYear: 2025, copyFrom: 2024 }),
    });
    expect(created.status).toBe(201);

    const processes = descendants(first.child.pid!);
    expect(processes.length).toBeGreaterThanOrEqual(4);
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(processes.filter(isAlive)).toEqual([]);

    const second = await launch(env);
    expect(readFileSync(payloadKeyFile, 'utf8')).toBe(payloadKey);
    const years = await fetch(`${api}/fiscal-years`, { headers: { authorization: `Bearer ${await loginAsAdmin(api)}` } });
    expect(((await years.json()) as { fiscalYear: number }[]).map((year) => year.fiscalYear)).toEqual([2024, 2025]);
    const secondProcesses = descendants(second.child.pid!);
    expect(await stop(second, 'SIGINT')).toBe(0);
    expect(secondProcesses.filter(isAlive)).toEqual([]);
  }, 180_000);
});

async function loginAsAdmin(api: string): Promise<string> {
  const response = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'launcher-admin' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
