import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { anyFreePort } from '../../tools/infra/ports';
import { testRunDir } from './test-environment';

const LAUNCHER = join(__dirname, '../../dist/tools/launcher/main.js');
export const LAUNCHER_ADMIN_PASSWORD = 'launcher-admin';

/** Every live process below `pid`, read from /proc. */
export function descendants(pid: number): number[] {
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

export const isAlive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

/** The command line of a process, arguments joined by spaces ('' once it has gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The one process below the launcher whose command line matches. */
export function processOf(launcherPid: number, pattern: RegExp): number {
  const matching = descendants(launcherPid).filter((pid) => pattern.test(commandLine(pid)));
  if (matching.length !== 1) throw new Error(`expected one process matching ${pattern}, found ${matching.length}`);
  return matching[0];
}

export interface Launch {
  readonly child: ChildProcess;
  /** Every line it printed so far. */
  readonly output: string[];
  readonly exited: Promise<number | null>;
  /** The first line matching `pattern` printed after the first `after` lines, as soon as it is printed. */
  line(pattern: RegExp, options?: { after?: number; timeoutMs?: number }): Promise<string>;
}

/** The settings of a launcher of its own: a fresh DATA_DIR and free ports. */
export async function launcherEnvironment(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(join(testRunDir(), 'launcher-'));
  chmodSync(dataDir, 0o755);
  return {
    DATA_DIR: dataDir,
    PORT: String(await anyFreePort()),
    ADMIN_PASSWORD: LAUNCHER_ADMIN_PASSWORD,
    EMBEDDED_POSTGRES_PORT: String(await anyFreePort()),
    EMBEDDED_TEMPORAL_PORT: String(await anyFreePort()),
    EMBEDDED_TEMPORAL_UI_PORT: String(await anyFreePort()),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

const startedLaunchers = new Set<ChildProcess>();

/** Stops every launcher a failed test left running (for `afterAll`), so its servers do not outlive the run. */
export async function stopLeftoverLaunchers(): Promise<void> {
  await Promise.all(
    [...startedLaunchers].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

/** Runs `npm start`'s launcher and resolves once it says the system is running. */
export async function launch(env: Record<string, string>): Promise<Launch> {
  const child = spawn(process.execPath, [LAUNCHER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  startedLaunchers.add(child);
  const output: string[] = [];
  const waiting = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (text) => {
      output.push(text);
      waiting.forEach((check) => check());
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = (pattern: RegExp, { after = 0, timeoutMs = 60_000 } = {}) =>
    new Promise<string>((resolve, reject) => {
      const done = () => {
        waiting.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        const found = output.slice(after).find((text) => pattern.test(text));
        if (found !== undefined) {
          done();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s:\n${output.join('\n')}`));
      }, timeoutMs);
      waiting.add(check);
      check();
      void exited.then(() => setTimeout(() => {
        if (!waiting.has(check)) return;
        done();
        reject(new Error(`the launcher ended without a line matching ${pattern}:\n${output.join('\n')}`));
      }, 100));
    });
  const launched: Launch = { child, output, exited, line };
  await line(/^Press Ctrl-C to stop\.$/, { timeoutMs: 120_000 });
  return launched;
}

export async function stop({ child, exited }: Launch, signal: NodeJS.Signals): Promise<number | null> {
  child.kill(signal);
  return exited;
}

export async function loginAsAdmin(api: string): Promise<string> {
  const response = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: LAUNCHER_ADMIN_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`admin login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
