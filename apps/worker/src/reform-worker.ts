import { workflowBundlerOptions, workflowSourceRoot } from '@app/temporal';
import { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { ACTIVITY_FACTORIES } from './worker.module';

export interface ReformWorkerOptions {
  readonly address: string;
  readonly namespace: string;
  readonly taskQueue: string;
  /** A pre-built bundle (production, tests); without it the workflows are bundled at start. */
  readonly workflowBundlePath?: string;
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
  const connection = await NativeConnection.connect({ address: options.address });
  const activities = Object.assign({}, ...ACTIVITY_FACTORIES.map((factory) => app.get<{ create(): object }>(factory).create()));
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities,
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
