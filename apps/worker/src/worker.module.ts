import { Environment, NOTIFICATION_SETTINGS, notificationSettings, requireSetting, RETENTION_SETTINGS, retentionSettings } from '@app/config';
import { loggerModuleParams } from '@app/observability';
import { PersistenceModule } from '@app/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CalendarActivitiesFactory } from './activities/calendar.activities';
import { ClusterLifecycleActivitiesFactory } from './activities/cluster-lifecycle.activities';
import { NotificationActivitiesFactory } from './activities/notification.activities';
import { NotificationDeliveryActivitiesFactory } from './activities/notification-delivery.activities';
import { ProcessActivitiesFactory } from './activities/process.activities';
import { RetentionActivitiesFactory } from './activities/retention.activities';
import { SmtpMailSender } from './notifications/smtp-mail.sender';
import { WebhookSender } from './notifications/webhook.sender';

export const ACTIVITY_FACTORIES = [
  ClusterLifecycleActivitiesFactory,
  CalendarActivitiesFactory,
  NotificationActivitiesFactory,
  NotificationDeliveryActivitiesFactory,
  RetentionActivitiesFactory,
  ProcessActivitiesFactory,
];

/** The worker's application context: activities get the database and other dependencies from here. */
@Module({})
export class WorkerModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerModuleParams('worker', environment.LOG_LEVEL)),
        PersistenceModule.forRoot(requireSetting(environment, 'DATABASE_URL'), environment.DATABASE_POOL_SIZE),
      ],
      providers: [
        ...ACTIVITY_FACTORIES,
        { provide: NOTIFICATION_SETTINGS, useValue: notificationSettings(environment) },
        { provide: RETENTION_SETTINGS, useValue: retentionSettings(environment) },
        SmtpMailSender,
        WebhookSender,
      ],
      exports: ACTIVITY_FACTORIES,
    };
  }
}
