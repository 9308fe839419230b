import { ENVIRONMENT_KEYS } from '@app/config';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { anyFreePort } from '../tools/infra/ports';
import { ResultRow, seconds } from './report';
import type { Shutdown } from './shutdown';

const GOAL_MS = 20_000;
const START_TIMEOUT_MS = 180_000;
const RUNNING_LINE = /is running\.$/;

interface Start {
  /** From spawning the launcher until GET /api/v1/health answered 200. */
  readonly healthyMs: number;
  /** Until it printed that it is running (after its own health check). */
  readonly runningLineMs: number | null;
  /** From SIGTERM until the launcher had stopped everything and exited. */
  readonly stopMs: number;
}

/**
 * Row 10: `npm start`'s launcher (dist/tools/launcher/main.js) on embedded defaults with a fresh
 * DATA_DIR and free ports, timed from its spawn until the API's health check answers 200, then
 * stopped with SIGTERM; then once more on the same DATA_DIR. Dependencies are installed, the build is
 * done and the Temporal CLI is in the user cache: the warm case. Settings from this shell that would
 * point it elsewhere (DATABASE_URL, TEMPORAL_ADDRESS, …) are left out, but TEMPORAL_CLI_PATH is kept.
 */
export async function measureWarmStart(distRoot: string, shutdown: Shutdown, progress: (line: string) => void, buildMs: number | null): Promise<ResultRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reform-bench-start-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  shutdown.add('the start measurement\'s data folder', async () => rmSync(dataDir, { recursive: true, force: true }));
  const environment: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(ENVIRONMENT_KEYS as readonly string[]).includes(name) || name === 'TEMPORAL_CLI_PATH'));
  Object.assign(environment, {
    DATA_DIR: dataDir,
    PORT: String(await anyFreePort()),
    EMBEDDED_POSTGRES_PORT: String(await anyFreePort()),
    EMBEDDED_TEMPORAL_PORT: String(await anyFreePort()),
    EMBEDDED_TEMPORAL_UI_PORT: String(await anyFreePort()),
  });
  const launcher = join(distRoot, 'tools/launcher/main.js');
  progress('[row 10] npm start\'s launcher with a fresh DATA_DIR (PostgreSQL initialised, migrations, seed)…');
  const fresh = await timeStart(launcher, environment, shutdown);
  progress(`  healthy after ${seconds(fresh.healthyMs)}; stopped in ${seconds(fresh.stopMs)}. Again on the same DATA_DIR…`);
  const again = await timeStart(launcher, environment, shutdown);
  progress(`  healthy after ${seconds(again.healthyMs)}; stopped in ${seconds(again.stopMs)}`);
  return {
    id: '10',
    measurement: '`npm start` warm (dependencies installed, CLI cached) to healthy',
    result: [`${seconds(fresh.healthyMs)} with a fresh DATA_DIR`, `${seconds(again.healthyMs)} on the same DATA_DIR again`],
    goal: '',
    checks: [{ goal: `< ${seconds(GOAL_MS)} (fresh DATA_DIR)`, met: fresh.healthyMs < GOAL_MS }],
    notes: [
      'node dist/tools/launcher/main.js with a fresh DATA_DIR and free ports, timed from the spawn until GET /api/v1/health answers 200 (asked every 100 ms); a fresh DATA_DIR includes initdb, migrations and the FY2024 seed.',
      `It printed "…is running." after ${printedAfter(fresh)} (fresh) and ${printedAfter(again)} (again); SIGTERM stopped everything in ${seconds(fresh.stopMs)} and ${seconds(again.stopMs)}.`,
      buildMs === null
        ? '`npm start` compiles first (swc, workflow bundle, web app); this run was not started through npm, so that time is not known.'
        : `\`npm start\` compiles first (swc, workflow bundle, web app), as \`npm run bench\` did before this run: ${seconds(buildMs)}, not counted above.`,
    ],
  };
}

const printedAfter = (start: Start) => (start.runningLineMs === null ? 'never' : seconds(start.runningLineMs));

async function timeStart(launcher: string, environment: NodeJS.ProcessEnv, shutdown: Shutdown): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, [launcher], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  shutdown.add('the launcher being timed', () => stopLauncher(child, exited));
  const output: string[] = [];
  // Set by the launcher's output and exit while the loop below asks for its health.
  const seen: { runningLineMs: number | null; ended: boolean } = { runningLineMs: null, ended: false };
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (seen.runningLineMs === null && RUNNING_LINE.test(line)) seen.runningLineMs = performance.now() - started;
    });
  }
  void exited.then(() => (seen.ended = true));
  const health = `http://127.0.0.1:${environment.PORT}/api/v1/health`;
  let healthyMs: number | null = null;
  while (healthyMs === null) {
    if (seen.ended) throw new Error(`the launcher ended before it was healthy:\n${output.slice(-15).join('\n')}`);
    if (performance.now() - started > START_TIMEOUT_MS) {
      await stopLauncher(child, exited);
      throw new Error(`the launcher was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-15).join('\n')}`);
    }
    try {
      const response = await fetch(health, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) healthyMs = performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (healthyMs === null) await delay(100);
  }
  // The launcher prints its addresses once its own health check has passed: wait for that, so it is stopped fully started.
  for (let waited = 0; seen.runningLineMs === null && waited < 10_000 && !seen.ended; waited += 50) await delay(50);
  const stopping = performance.now();
  await stopLauncher(child, exited);
  return { healthyMs, runningLineMs: seen.runningLineMs, stopMs: performance.now() - stopping };
}

async function stopLauncher(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await exited;
}
