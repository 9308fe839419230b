import { Environment } from './environment';

/** Injection token of the {@link RetentionSettings}. */
export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');

/** How long what only serves a while is kept: from IDEMPOTENCY_RETENTION_DAYS, READ_NOTIFICATION_RETENTION_DAYS, DELIVERY_RETENTION_DAYS. */
export interface RetentionSettings {
  readonly idempotencyDays: number;
  readonly readNotificationDays: number;
  readonly deliveryDays: number;
}

export function retentionSettings(environment: Environment): RetentionSettings {
  return {
    idempotencyDays: environment.IDEMPOTENCY_RETENTION_DAYS,
    readNotificationDays: environment.READ_NOTIFICATION_RETENTION_DAYS,
    deliveryDays: environment.DELIVERY_RETENTION_DAYS,
  };
}
