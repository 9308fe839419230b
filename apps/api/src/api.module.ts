import { AdminPassword } from '@app/config';
import { loggerModuleParams } from '@app/observability';
import { PersistenceModule } from '@app/persistence';
import { TemporalClientModule, TemporalOptions } from '@app/temporal';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { BureausModule } from './bureaus/bureaus.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationsModule } from './operations/operations.module';
import { TasksModule } from './tasks/tasks.module';
import { MeetingsModule } from './meetings/meetings.module';
import { DEFAULT_IDEMPOTENCY_LEASE_MS, IDEMPOTENCY_LEASE_MS, IdempotencyInterceptor } from './common/idempotency.interceptor';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { UsersModule } from './users/users.module';
import { XPoliciesModule } from './x-policies/x-policies.module';
import { PlatinumModule } from './platinum/platinum.module';

export interface ApiSettings {
  readonly databaseUrl: string;
  /** DATABASE_POOL_SIZE; the persistence library's default without it. */
  readonly databasePoolSize?: number;
  readonly temporal: TemporalOptions;
  readonly jwtSecret: string;
  readonly adminPassword: AdminPassword;
  readonly logLevel: string;
  /** LOGIN_RATE_LIMIT_PER_MINUTE. */
  readonly loginRateLimitPerMinute: number;
  /** IDEMPOTENCY_LEASE_SECONDS, in ms: how long a claimed key whose request gave no answer stays claimed. */
  readonly idempotencyLeaseMs?: number;
}

@Module({})
export class ApiModule {
  static forRoot(settings: ApiSettings): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot(loggerModuleParams('api', settings.logLevel)),
        PersistenceModule.forRoot(settings.databaseUrl, settings.databasePoolSize),
        TemporalClientModule.forRoot(settings.temporal),
        AuthModule.forRoot({ jwtSecret: settings.jwtSecret, adminPassword: settings.adminPassword, loginRateLimitPerMinute: settings.loginRateLimitPerMinute }),
        HealthModule,
        CatalogueModule,
        LifecycleModule,
        TasksModule,
        MeetingsModule,
        BureausModule,
        UsersModule,
        NotificationsModule,
        OperationsModule,
        XPoliciesModule,
        PlatinumModule,
      ],
      providers: [
        { provide: IDEMPOTENCY_LEASE_MS, useValue: settings.idempotencyLeaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
