import 'reflect-metadata';
import { adminPasswordOf, loadEnvironment, requireSetting, runMain, temporalConnectionSettings, trustedProxyList } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';

runMain(async () => {
  const environment = loadEnvironment();
  const app = await NestFactory.create(
    ApiModule.forRoot({
      databaseUrl: requireSetting(environment, 'DATABASE_URL'),
      databasePoolSize: environment.DATABASE_POOL_SIZE,
      temporal: { ...temporalConnectionSettings(environment), taskQueue: environment.TEMPORAL_TASK_QUEUE },
      jwtSecret: requireSetting(environment, 'JWT_SECRET'),
      adminPassword: adminPasswordOf(environment),
      logLevel: environment.LOG_LEVEL,
      loginRateLimitPerMinute: environment.LOGIN_RATE_LIMIT_PER_MINUTE,
      idempotencyLeaseMs: environment.IDEMPOTENCY_LEASE_SECONDS * 1000,
    }),
    { bufferLogs: true },
  );
  configureApp(app, { trustedProxies: trustedProxyList(environment.TRUSTED_PROXIES ?? '') });
  await app.listen(environment.PORT);
  app.get(Logger).log(`API listening on port ${environment.PORT}`);
});
