import 'reflect-metadata';
import { describeNotificationChannels, loadEnvironment, notificationSettings, runMain, temporalConnectionSettings, workerTuning } from '@app/config';
import { createLogger } from '@app/observability';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { startReformWorker } from './reform-worker';
import { installTemporalRuntimeLogging } from './temporal-runtime-logging';
import { WorkerModule } from './worker.module';

runMain(async () => {
  const environment = loadEnvironment();
  const temporal = temporalConnectionSettings(environment);
  installTemporalRuntimeLogging(createLogger('worker', environment.LOG_LEVEL));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(environment), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  logger.log(describeNotificationChannels(notificationSettings(environment)));

  const reformWorker = await startReformWorker(app, {
    ...temporal,
    taskQueue: environment.TEMPORAL_TASK_QUEUE,
    workflowBundlePath: environment.WORKFLOW_BUNDLE_PATH,
    tuning: workerTuning(environment),
  });
  const { identity, maxCachedWorkflows } = reformWorker.worker.options;
  // The identity is how Temporal's UI and the task queue's poller list name this replica.
  logger.log(
    `worker polling task queue ${environment.TEMPORAL_TASK_QUEUE} on ${temporal.address}${temporal.tls ? ' over TLS' : ''}, payloads encrypted with key "${temporal.payloadKeys.currentKeyId}"; ` +
      `identity ${identity}, at most ${environment.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS} workflow tasks and ${environment.WORKER_MAX_CONCURRENT_ACTIVITIES} activities at once, ${maxCachedWorkflows} workflows cached`,
  );

  const stop = () => void reformWorker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await reformWorker.running;
  } finally {
    await app.close();
  }
});
