import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import { type NotificationDeliveryActivities, type NotificationDeliveryInput, PERMANENT_DELIVERY_FAILURE } from '@app/temporal/contracts';

const { recordNotificationDeliveryFailed } = proxyActivities<NotificationDeliveryActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Sends one e-mail or webhook call of a notification, apart from the process that notified: tried
 * with doubling pauses up to an hour, at most `maxAttempts` times; then, or at once when the server
 * refused it for good, it is recorded as failed for admins to see.
 */
export async function notificationDeliveryWorkflow(input: NotificationDeliveryInput): Promise<'delivered' | 'failed'> {
  const { maxAttempts, initialIntervalSeconds, ...delivery } = input;
  const { sendNotificationDelivery } = proxyActivities<NotificationDeliveryActivities>({
    // A mail server or receiver that hangs counts as a failed attempt, not a stuck one.
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: `${initialIntervalSeconds} seconds`,
      backoffCoefficient: 2,
      maximumInterval: '1 hour',
      maximumAttempts: maxAttempts,
      nonRetryableErrorTypes: [PERMANENT_DELIVERY_FAILURE],
    },
  });
  try {
    await sendNotificationDelivery(delivery);
    return 'delivered';
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    await recordNotificationDeliveryFailed(delivery, error.cause?.message ?? error.message);
    return 'failed';
  }
}
