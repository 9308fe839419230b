import { Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { existsSync, WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { locateTemporalCli, TemporalCli } from './temporal-cli';
import { preferredOrFreePort, startOnFreePorts } from './ports';
import { privateFile, privateLog } from './private-files';
import { processRun } from './process-run';
import { Run, SupervisedPart, Supervisor, SupervisorEvents } from './supervisor';

export interface TemporalServerRequest {
  /** External server; when set nothing is started. */
  readonly address?: string;
  readonly cliPath?: string;
  readonly namespace: string;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server (tests). */
  readonly dbFilename?: string;
  readonly preferredPort: number;
  /** Web UI port; omit for a headless server. */
  readonly preferredUiPort?: number;
  /** Where the server's own messages are appended; omitted, they are dropped. */
  readonly logFile?: string;
}

export interface ProvidedTemporal {
  readonly address: string;
  readonly uiUrl: string | null;
  /** One line saying which server is used. */
  readonly description: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * The embedded server's SQLite, written ahead (WAL) and synced at checkpoints rather than on every
 * commit: each workflow task is a few small transactions, and a full sync of each was most of an
 * Update's time. A crash of the process loses nothing; a crash of the machine may lose the last
 * moments. Production runs Temporal on PostgreSQL (docker-compose.yml), where none of this applies.
 */
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

/**
 * Provides a Temporal server in the documented order of preference and says which one. A dev
 * server that persists to a file is started again on the same ports with the same file when it
 * dies (see {@link Supervisor}); an in-memory one would come back empty, so it is not.
 */
export async function provideTemporal(request: TemporalServerRequest, events: SupervisorEvents): Promise<ProvidedTemporal> {
  if (request.address) {
    return { address: request.address, uiUrl: null, description: `Temporal: external server at ${request.address} (TEMPORAL_ADDRESS)`, stop: async () => {} };
  }
  const cli = await locateTemporalCli(request.cliPath, events.say);
  // Restarts keep the address the apps already use (see startDevServer); the Web UI never gets the frontend's port.
  return startOnFreePorts(
    async (firstTry) => {
      const port = await preferredOrFreePort(firstTry ? request.preferredPort : 0);
      const uiPort = request.preferredUiPort === undefined ? undefined : await preferredOrFreePort(firstTry ? request.preferredUiPort : 0, [port]);
      return startDevServer(cli, request, port, uiPort, events);
    },
    (message) => message.includes('address already in use'),
    (message) => events.say(`Temporal: a port was taken as it started (${message}); trying other ports`),
  );
}

async function startDevServer(
  cli: TemporalCli,
  request: TemporalServerRequest,
  port: number,
  uiPort: number | undefined,
  events: SupervisorEvents,
): Promise<ProvidedTemporal> {
  const address = `127.0.0.1:${port}`;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    ...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]),
    '--namespace',
    request.namespace,
    ...(request.dbFilename ? ['--db-filename', request.dbFilename, ...SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma])] : []),
    '--log-level',
    'error',
    // As the Temporal SDK starts it: Workflow Updates on, and no call home to check the version; and
    // eager activities, so a worker completing a workflow task gets the activity it scheduled at once.
    ...[
      'frontend.enableUpdateWorkflowExecution=true',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
      'frontend.enableServerVersionCheck=false',
      'system.enableActivityEagerExecution=true',
      'matching.numTaskqueueReadPartitions=1',
      'matching.numTaskqueueWritePartitions=1',
    ].flatMap((value) => [
      '--dynamic-config-value',
      value,
    ]),
  ];
  const log = request.logFile ? privateLog(request.logFile) : undefined;
  const server: SupervisedPart = {
    label: 'Temporal',
    start: async () => {
      const run = await runDevServer(cli.path, args, address, request.namespace, log);
      // Its SQLite files (the database, its journal) hold every workflow's data: owner only.
      for (const suffix of ['', '-wal', '-shm']) if (request.dbFilename && existsSync(request.dbFilename + suffix)) privateFile(request.dbFilename + suffix);
      return run;
    },
  };
  const running = request.dbFilename
    ? await Supervisor.start(server, { ...events, restarted: () => events.say(`Temporal: running again on ${address}`) })
    : await startOnce(server, events.say);
  return {
    address,
    uiUrl: uiPort !== undefined ? `http://127.0.0.1:${uiPort}` : null,
    description: `Temporal: dev server on ${address} — ${cli.description}`,
    stop: async () => {
      await running.stop();
      log?.end();
    },
  };
}

/** An in-memory server would come back empty: when it dies, that is reported, not repaired. */
async function startOnce(server: SupervisedPart, say: (line: string) => void): Promise<{ stop(): Promise<void> }> {
  const run = await server.start();
  let stopping = false;
  void run.ended.then((how) => {
    if (!stopping) say(`${server.label} stopped unexpectedly (${how}); it kept its workflows in memory only, so it is not started again`);
  });
  return {
    stop: () => {
      stopping = true;
      return run.stop();
    },
  };
}

/** One run of the dev server, ready once its frontend answers for the namespace. */
async function runDevServer(cliPath: string, args: string[], address: string, namespace: string, log: WriteStream | undefined): Promise<Run> {
  // Files the server creates (its SQLite database and journals) are its owner's alone.
  const umask = process.umask(0o077);
  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  process.umask(umask);
  let lastError: string | undefined;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      log?.write(`${line}\n`);
      if (/error|fatal|panic/i.test(line)) lastError = line.slice(0, 300);
    });
  }
  const run = processRun(child, { stopSignal: 'SIGTERM', graceMs: 10_000, lastWords: () => lastError });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (!run.running) throw new Error(await run.ended);
    if (await answers(address, namespace)) return run;
    if (Date.now() > deadline) {
      await run.stop();
      throw new Error(`no answer on ${address} within ${START_TIMEOUT_MS / 1000} s`);
    }
    await delay(250);
  }
}

async function answers(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1_000 });
    await connection.withDeadline(Date.now() + 1_000, () => connection!.workflowService.describeNamespace({ namespace }));
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}
