import { RETENTION_SETTINGS, RetentionSettings } from '@app/config';
import { IdempotentRequestRepository, NotificationRepository } from '@app/persistence';
import { RetentionActivities, RetentionTarget } from '@app/temporal';
import { Inject, Injectable } from '@nestjs/common';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Builds the retention activity: one bounded batch of what is past its retention, by the worker's retention settings. */
@Injectable()
export class RetentionActivitiesFactory {
  constructor(
    private readonly idempotentRequests: IdempotentRequestRepository,
    private readonly notifications: NotificationRepository,
    @Inject(RETENTION_SETTINGS) private readonly settings: RetentionSettings,
  ) {}

  create(): RetentionActivities {
    return { pruneExpired: (target, batchSize) => this.prune(target, batchSize) };
  }

  private prune(target: RetentionTarget, batchSize: number): Promise<number> {
    const before = (days: number) => new Date(Date.now() - days * DAY_MS);
    switch (target) {
      case 'idempotentRequests':
        return this.idempotentRequests.pruneCreatedBefore(before(this.settings.idempotencyDays), batchSize);
      case 'readNotifications':
        return this.notifications.pruneReadBefore(before(this.settings.readNotificationDays), batchSize);
      case 'notificationDeliveries':
        return this.notifications.pruneDeliveriesBefore(before(this.settings.deliveryDays), batchSize);
    }
  }
}
