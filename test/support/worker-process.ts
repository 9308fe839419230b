import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { testWorkflowBundlePath } from './test-environment';
import { TEST_PAYLOAD_KEY_ENTRY } from './test-temporal';

const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');
/** The launcher's lifeline: the worker ends when this test process does, however it ends. */
const EXIT_WITH_PARENT = join(__dirname, '../../dist/tools/launcher/exit-with-launcher.js');
const READY_MESSAGE = 'worker polling task queue';
const START_TIMEOUT_MS = 60_000;

export interface WorkerProcess {
  readonly pid: number;
  /** Ends it with SIGKILL, as a crash or the OOM killer would: no shutdown, no goodbye to Temporal or PostgreSQL. */
  kill(): Promise<void>;
  /** Asks it to stop (SIGTERM) and waits until it has. */
  stop(): Promise<void>;
}

export interface WorkerProcessOptions {
  readonly databaseUrl: string;
  /** host:port of the Temporal frontend it polls (perhaps through a proxy). */
  readonly temporalAddress: string;
  readonly taskQueue: string;
  /** More settings, such as SMTP_URL or WEBHOOK_URL. */
  readonly environment?: Record<string, string>;
}

/**
 * The worker as `npm start` runs it: `dist/apps/worker/src/main.js` in a Node process of its own,
 * configured through its environment and tied to this process by the launcher's lifeline, ready once
 * it says it polls. Only a process of its own can be killed outright without taking the test with it.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--require', EXIT_WITH_PARENT, WORKER_MAIN], {
    env: {
      ...process.env,
      ...options.environment,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      TEMPORAL_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_ENTRY,
      WORKFLOW_BUNDLE_PATH: testWorkflowBundlePath(),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // The channel is only that lifeline: it must not keep the test process alive.
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lastLines: string[] = [];
  const ready = new Promise<boolean>((resolve) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        lastLines.push(line);
        lastLines.splice(0, lastLines.length - 20);
        if (line.includes(READY_MESSAGE)) resolve(true);
      });
    }
    void exited.then(() => resolve(false));
    setTimeout(() => resolve(false), START_TIMEOUT_MS).unref();
  });
  if (!(await ready)) {
    await stopProcess(child, exited, 'SIGKILL');
    throw new Error(`the worker process did not start polling:\n${lastLines.join('\n')}`);
  }
  return {
    pid: child.pid!,
    kill: () => stopProcess(child, exited, 'SIGKILL'),
    stop: () => stopProcess(child, exited, 'SIGTERM'),
  };
}

async function stopProcess(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
}
