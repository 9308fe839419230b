import { TestWorkflowEnvironment } from '@temporalio/testing';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The Temporal CLI release we build from source when no binary is at hand (newest tag `go install` accepts). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export interface TemporalCli {
  readonly path: string;
  /** One line for the user: where the binary came from. */
  readonly description: string;
}

type Say = (line: string) => void;

function cacheFolder(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kitakyushu-reform', 'temporal-cli');
}

/** Per-user cache keyed by version, so every clone on the machine shares one build. */
export function cachedCliPath(): string {
  return join(cacheFolder(), TEMPORAL_CLI_VERSION, 'temporal');
}

/**
 * Finds a Temporal CLI binary: TEMPORAL_CLI_PATH, then `temporal` on PATH, then the per-user cache,
 * then a build with Go, then the Temporal SDK's download (into the per-user cache too).
 */
export async function locateTemporalCli(configuredPath: string | undefined, say: Say): Promise<TemporalCli> {
  if (configuredPath) {
    if (!existsSync(configuredPath)) throw new Error(`TEMPORAL_CLI_PATH points to a missing file: ${configuredPath}`);
    return { path: configuredPath, description: `Temporal CLI from TEMPORAL_CLI_PATH (${configuredPath})` };
  }
  const onPath = findOnPath('temporal');
  if (onPath) return { path: onPath, description: `Temporal CLI found on PATH (${onPath})` };
  const cached = cachedCliPath();
  if (existsSync(cached)) return { path: cached, description: `Temporal CLI ${TEMPORAL_CLI_VERSION} from the user cache (${cached})` };
  if (!findOnPath('go')) return downloadWithSdk(join(cacheFolder(), 'sdk-download'));
  await buildWithGo(cached, say);
  return { path: cached, description: `Temporal CLI ${TEMPORAL_CLI_VERSION} built with Go into the user cache (${cached})` };
}

function findOnPath(command: string): string | null {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory && existsSync(join(directory, command))) return join(directory, command);
  }
  return null;
}

/** Compiling the CLI takes minutes on two cores; a heartbeat line keeps the user informed. */
async function buildWithGo(target: string, say: Say): Promise<void> {
  const cacheDir = join(target, '..');
  const stagingDir = join(cacheDir, `.building-${process.pid}`);
  mkdirSync(stagingDir, { recursive: true });
  say(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (first time only, several minutes)…`);
  const started = Date.now();
  const heartbeat = setInterval(() => say(`  still compiling the Temporal CLI… ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', '-v', `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
        env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOBIN: stagingDir, GOFLAGS: '-mod=mod' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let packages = 0;
      let errorOutput = '';
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        errorOutput = (errorOutput + text).slice(-4000);
        packages += text.split('\n').filter((line) => line.trim() && !line.startsWith('go:')).length;
      });
      const progress = setInterval(() => say(`  compiled ${packages} packages so far`), 60_000);
      child.once('error', reject);
      child.once('exit', (code) => {
        clearInterval(progress);
        if (code === 0) resolve();
        else reject(new Error(`go install ${MODULE}@${TEMPORAL_CLI_VERSION} failed (exit ${code}):\n${errorOutput}`));
      });
    });
    renameSync(join(stagingDir, 'temporal'), target);
    say(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    clearInterval(heartbeat);
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

/**
 * The SDK downloads the CLI when it first starts a dev server. Pointed at the per-user cache (its own
 * default is a fixed name in the shared temp folder, which another user could have planted), and
 * the binary it left there is then run like any other.
 */
async function downloadWithSdk(folder: string): Promise<TemporalCli> {
  let binary = downloadedBinary(folder);
  if (!binary) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const environment = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'cached-download', downloadDir: folder }, ip: '127.0.0.1', ui: false } });
    await environment.teardown();
    binary = downloadedBinary(folder);
    if (!binary) throw new Error(`the Temporal SDK downloaded no executable into ${folder}`);
  }
  return { path: binary, description: `Temporal CLI downloaded by the Temporal SDK into the user cache (${binary})` };
}

function downloadedBinary(folder: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder)
    .filter((name) => name.startsWith('temporal') && !name.endsWith('.downloading'))
    .map((name) => ({ path: join(folder, name), stats: statSync(join(folder, name)) }))
    .filter(({ stats }) => stats.isFile() && (stats.mode & 0o100) !== 0)
    .sort((a, b) => b.stats.mtimeMs - a.stats.mtimeMs)[0]?.path;
}
