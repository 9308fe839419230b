import { NOTIFICATION_SETTINGS, NotificationSettings, withoutSecrets } from '@app/config';
import { NotificationRepository } from '@app/persistence';
import { NotificationDeliveryActivities, NotificationDeliveryRef, PERMANENT_DELIVERY_FAILURE } from '@app/temporal';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { isPermanentRejection, OutgoingMail, SmtpMailSender } from '../notifications/smtp-mail.sender';
import { WebhookSender } from '../notifications/webhook.sender';

/**
 * Builds the activities of a delivery workflow: one attempt at one e-mail or webhook call from the
 * outbox, recorded (attempts, last error without secrets) whatever its outcome; and the record that
 * it was given up on. An attempt on a delivery already delivered or given up on sends nothing.
 */
@Injectable()
export class NotificationDeliveryActivitiesFactory {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mail: SmtpMailSender,
    private readonly webhook: WebhookSender,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  create(): NotificationDeliveryActivities {
    return {
      sendNotificationDelivery: (delivery) => this.send(delivery),
      recordNotificationDeliveryFailed: async (delivery, error) => {
        await this.notifications.recordGivenUp(delivery, withoutSecrets(this.settings, error));
        this.logger.warn(`notification ${delivery.notificationKey}: ${delivery.channel} to ${delivery.recipient} given up: ${withoutSecrets(this.settings, error)}`);
      },
    };
  }

  private async send(delivery: NotificationDeliveryRef): Promise<void> {
    const row = await this.notifications.delivery(delivery.channel, delivery.notificationKey, delivery.recipient);
    if (!row || row.status !== 'pending') return;
    try {
      if (row.payload === null) throw permanent('nothing to send: the record predates the outbox');
      if (delivery.channel === 'email') {
        await this.mail.send(row.payload as OutgoingMail);
      } else {
        // The record names the endpoint it was meant for: a call meant for an earlier WEBHOOK_URL is not sent to another.
        if (this.webhook.endpoint?.recipient !== delivery.recipient) throw permanent(`the webhook ${row.destination} is no longer configured (WEBHOOK_URL changed or unset)`);
        await this.webhook.post(delivery.notificationKey, row.payload as object);
      }
    } catch (error) {
      const reason = withoutSecrets(this.settings, (error as Error).message);
      await this.notifications.recordFailedAttempt(delivery, reason);
      // Asking again would get the same answer (a 5xx to the address): recorded, and given up at once.
      const nonRetryable = isPermanentRejection(error) || (error instanceof ApplicationFailure && error.nonRetryable === true);
      // Benign: each attempt is in the delivery record, and giving up is logged once; the SDK need not warn of every one.
      throw ApplicationFailure.create({
        message: reason,
        type: nonRetryable ? PERMANENT_DELIVERY_FAILURE : 'DeliveryFailed',
        nonRetryable,
        category: ApplicationFailureCategory.BENIGN,
      });
    }
    await this.notifications.recordDelivered(delivery);
  }
}

const permanent = (message: string) => ApplicationFailure.nonRetryable(message, PERMANENT_DELIVERY_FAILURE);
