import { loadEnvironment, TemporalConnectionSettings } from '@app/config';
import { INestApplication, ShutdownSignal } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/configure-app';
import { startReformWorker } from '../apps/worker/src/reform-worker';
import { WorkerModule } from '../apps/worker/src/worker.module';
import type { Shutdown } from './shutdown';

export interface SystemTargets {
  readonly databaseUrl: string;
  readonly temporal: TemporalConnectionSettings;
  readonly taskQueue: string;
  readonly workflowBundlePath: string;
}

/**
 * The API (listening on a free loopback port) and the worker, in this process as the tests run
 * them, with their JSON logs silenced. Returns the API's base URL, e.g. http://127.0.0.1:41234/api/v1,
 * and the worker, whose status tells how many workflows it holds.
 */
export async function startInProcessSystem(
  targets: SystemTargets,
  shutdown: Shutdown,
  say: (line: string) => void,
): Promise<{ app: INestApplication; baseUrl: string; worker: Worker }> {
  const worker = await startWorker(targets, shutdown, say);
  return { ...(await startApi(targets, shutdown)), worker };
}

async function startWorker(targets: SystemTargets, shutdown: Shutdown, say: (line: string) => void): Promise<Worker> {
  // The SDK logs every worker state change at INFO; keep warnings and errors only.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const environment = loadEnvironment({ DATABASE_URL: targets.databaseUrl, LOG_LEVEL: 'silent' });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(environment), { logger: false, abortOnError: false });
  shutdown.add('the worker context', () => context.close());
  const worker = await startReformWorker(context, {
    ...targets.temporal,
    taskQueue: targets.taskQueue,
    workflowBundlePath: targets.workflowBundlePath,
  });
  shutdown.add('the worker', () => worker.shutdown());
  worker.running.catch((error: unknown) => say(`The worker failed: ${error instanceof Error ? error.message : String(error)}`));
  return worker.worker;
}

async function startApi(targets: SystemTargets, shutdown: Shutdown): Promise<{ app: INestApplication; baseUrl: string }> {
  const app = await NestFactory.create(
    ApiModule.forRoot({
      databaseUrl: targets.databaseUrl,
      temporal: { ...targets.temporal, taskQueue: targets.taskQueue },
      jwtSecret: randomBytes(48).toString('base64url'),
      adminPassword: { password: randomBytes(24).toString('base64url') },
      logLevel: 'silent',
      loginRateLimitPerMinute: 10_000,
    }),
    // Closing destroys the kept-alive sockets of the benchmark's HTTP client instead of waiting for them.
    { bufferLogs: true, abortOnError: false, forceCloseConnections: true },
  );
  shutdown.add('the API', () => app.close());
  withoutNewSignalListeners(() => configureApp(app));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}/api/v1` };
}

/**
 * configureApp enables Nest's shutdown hooks, which on Ctrl-C would close the API on their own and
 * re-raise the signal. Here the benchmark's Shutdown stops everything in order, so those listeners go.
 */
function withoutNewSignalListeners(configure: () => void): void {
  const signals = Object.values(ShutdownSignal) as NodeJS.Signals[];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  configure();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
}
