import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from './data-source-options';
import { BureauRepository } from './repositories/bureau.repository';
import { CatalogueRepository } from './repositories/catalogue.repository';
import { ClusterEventRepository } from './repositories/cluster-event.repository';
import { FiscalYearSettingsRepository } from './repositories/fiscal-year-settings.repository';
import { IdempotentRequestRepository } from './repositories/idempotent-request.repository';
import { LifecycleReadRepository } from './repositories/lifecycle-read.repository';
import { LoginAttemptRepository } from './repositories/login-attempt.repository';
import { MeetingRepository } from './repositories/meeting.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { ProcessEventRepository } from './repositories/process-event.repository';
import { ProcessReadRepository } from './repositories/process-read.repository';
import { ProposalNumberRepository } from './repositories/proposal-number.repository';
import { ReportTextRepository } from './repositories/report-text.repository';
import { UserRepository } from './repositories/user.repository';
import { UserAdminEventRepository } from './repositories/user-admin-event.repository';
import { AnsweredEventRecorder } from './projection/answered-event.recorder';

const REPOSITORIES = [
  CatalogueRepository,
  FiscalYearSettingsRepository,
  ClusterEventRepository,
  UserRepository,
  LifecycleReadRepository,
  IdempotentRequestRepository,
  MeetingRepository,
  BureauRepository,
  NotificationRepository,
  LoginAttemptRepository,
  ReportTextRepository,
  UserAdminEventRepository,
  ProcessEventRepository,
  ProcessReadRepository,
  ProposalNumberRepository,
];

/** The read model, users and audit log in PostgreSQL, for the API and the worker alike. */
@Module({})
export class PersistenceModule {
  /** `poolSize`: DATABASE_POOL_SIZE, the connections this process keeps at most. */
  static forRoot(databaseUrl: string, poolSize?: number): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...createDataSourceOptions(databaseUrl, poolSize),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
      ],
      providers: [
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new repository(dataSource),
        })),
        { provide: AnsweredEventRecorder, inject: [ClusterEventRepository], useFactory: (events: ClusterEventRepository) => new AnsweredEventRecorder(events) },
      ],
      exports: [...REPOSITORIES, AnsweredEventRecorder],
    };
  }
}
