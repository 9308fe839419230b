import { Environment, requireSetting } from '@app/config';
import { loggerModuleParams } from '@app/observability';
import { PersistenceModule } from '@app/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClusterLifecycleActivitiesFactory } from './activities/cluster-lifecycle.activities';

export const ACTIVITY_FACTORIES = [ClusterLifecycleActivitiesFactory];

/** The worker's application context: activities get the database and other dependencies from here. */
@Module({})
export class WorkerModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerModuleParams('worker', environment.LOG_LEVEL)),
        PersistenceModule.forRoot(requireSetting(environment, 'DATABASE_URL')),
      ],
      providers: ACTIVITY_FACTORIES,
      exports: ACTIVITY_FACTORIES,
    };
  }
}
