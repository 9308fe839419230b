import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ReformWorker, startReformWorker } from '../../apps/worker/src/reform-worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loadEnvironment, TemporalConnectionSettings } from '@app/config';
import { testWorkflowBundlePath } from './test-environment';
import { testTemporal } from './test-temporal';

export interface RunningWorker {
  readonly app: INestApplicationContext;
  readonly worker: ReformWorker;
  stop(): Promise<void>;
}

/** The worker as main.ts runs it (DI-built activities, the pre-built bundle), in-process. */
export async function startWorker(options: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** How the worker reaches Temporal (TLS, payload keys); the run's dev server at `temporalAddress` by default. */
  temporal?: TemporalConnectionSettings;
  /** More settings, such as SMTP_URL or WEBHOOK_URL, as the worker would read them from its environment. */
  environment?: Record<string, string>;
}): Promise<RunningWorker> {
  quietTemporalRuntime();
  const environment = loadEnvironment({ ...options.environment, DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(environment), { logger: false });
  const worker = await startReformWorker(app, {
    ...(options.temporal ?? testTemporal(options.temporalAddress)),
    taskQueue: options.taskQueue,
    workflowBundlePath: testWorkflowBundlePath(),
  });
  return {
    app,
    worker,
    stop: async () => {
      await worker.shutdown();
      await app.close();
    },
  };
}

/**
 * The SDK logs every worker state change at INFO; tests keep warnings and errors only. The Java
 * test server lacks capabilities a real server advertises, and the SDK's core warns about each:
 * on it, tests pass `'ERROR'` for the SDK core's own messages. A test that takes a server away on
 * purpose passes `'ERROR'` for the worker's too: the activities failing meanwhile are what it expects.
 */
export function quietTemporalRuntime(coreLevel: 'WARN' | 'ERROR' = 'WARN', workerLevel: 'WARN' | 'ERROR' = 'WARN'): void {
  try {
    Runtime.install({ logger: new DefaultLogger(workerLevel), telemetryOptions: { logging: { filter: { core: coreLevel, other: 'ERROR' } } } });
  } catch {
    // Already installed for this test file.
  }
}

/** Retries an assertion until it holds (effects of workflows arrive asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
