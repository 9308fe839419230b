import { join } from 'node:path';
import { AppProcess, startAppProcess } from './app-process';
import { testWorkflowBundlePath } from './test-environment';
import { TEST_PAYLOAD_KEY_ENTRY } from './test-temporal';

const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');

export interface WorkerProcess extends AppProcess {
  /** How Temporal names it: in the task queue's pollers and in the histories of the tasks it ran. */
  readonly identity: string;
}

export interface WorkerProcessOptions {
  readonly databaseUrl: string;
  /** host:port of the Temporal frontend it polls (perhaps through a proxy). */
  readonly temporalAddress: string;
  readonly taskQueue: string;
  /** More settings, such as SMTP_URL or WEBHOOK_URL. */
  readonly environment?: Record<string, string>;
}

/** The worker as `npm start` runs it (`dist/apps/worker/src/main.js`), ready once it says it polls. */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const worker = await startAppProcess(
    'worker',
    WORKER_MAIN,
    {
      ...options.environment,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      TEMPORAL_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_ENTRY,
      WORKFLOW_BUNDLE_PATH: testWorkflowBundlePath(),
      LOG_LEVEL: 'info',
    },
    'worker polling task queue',
  );
  const identity = /identity (\S+?),/.exec(worker.readyLine)?.[1];
  if (!identity) {
    await worker.kill();
    throw new Error(`the worker named no identity: ${worker.readyLine}`);
  }
  return { ...worker, identity };
}
