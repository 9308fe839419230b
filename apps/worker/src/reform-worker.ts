import type { TemporalConnectionSettings, WorkerTuning } from '@app/config';
import { reformDataConverter, temporalConnectionOptions, workflowBundlerOptions, workflowSourceRoot } from '@app/temporal';
import { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { ACTIVITY_FACTORIES } from './worker.module';

export interface ReformWorkerOptions extends TemporalConnectionSettings {
  readonly taskQueue: string;
  /** A pre-built bundle (production, tests); without it the workflows are bundled at start. */
  readonly workflowBundlePath?: string;
  /** How much it takes on at once; the Temporal SDK's defaults without it. */
  readonly tuning?: WorkerTuning;
}

export interface ReformWorker {
  readonly worker: Worker;
  /** Stops polling, lets running tasks finish, then closes the connection. */
  shutdown(): Promise<void>;
  /** Resolves when the worker has stopped; rejects if it failed. */
  readonly running: Promise<void>;
}

/** Connects a Temporal worker whose activities come from the Nest application context. */
export async function startReformWorker(app: INestApplicationContext, options: ReformWorkerOptions): Promise<ReformWorker> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(options));
  const activities = Object.assign({}, ...ACTIVITY_FACTORIES.map((factory) => app.get<{ create(): object }>(factory).create()));
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities,
    dataConverter: reformDataConverter(options.payloadKeys),
    ...options.tuning,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : workflowsFromSource()),
  });
  const running = worker.run().finally(() => connection.close());
  return {
    worker,
    running,
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

function workflowsFromSource() {
  const root = workflowSourceRoot(__dirname);
  return { workflowsPath: join(root, 'workflows', 'src'), bundlerOptions: workflowBundlerOptions(root) };
}
