import type { ClusterLifecycleEvent } from '../../../domain/src/lifecycle/cluster-lifecycle-event';
import type { NotificationDelivery, NotificationRequest } from '../../../domain/src/notifications/notification';

/** What the cluster lifecycle workflow asks of the world; the worker implements it. */
export interface ClusterLifecycleActivities {
  /** Writes the audit entry and read model for one event; idempotent by event id. */
  recordClusterEvent(event: ClusterLifecycleEvent): Promise<void>;
}

/** Delivers notifications: inbox, e-mail and webhook, each at most once per key and recipient. */
export interface NotificationActivities {
  deliverNotification(request: NotificationRequest): Promise<NotificationDelivery>;
}
