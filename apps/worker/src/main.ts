import 'reflect-metadata';
import { describeNotificationChannels, loadEnvironment, notificationSettings, runMain, temporalConnectionSettings } from '@app/config';
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
  });
  logger.log(
    `worker polling task queue ${environment.TEMPORAL_TASK_QUEUE} on ${temporal.address}${temporal.tls ? ' over TLS' : ''}, payloads encrypted with key "${temporal.payloadKeys.currentKeyId}"`,
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
