import { NOTIFICATION_KIND_LABELS, NotificationDelivery, NotificationKind, notificationMailText, NotificationRequest, toTokyoIsoString } from '@app/domain';
import { DeliveryTarget, NotificationRecipient, NotificationRepository, OutboxEntry } from '@app/persistence';
import { NotificationActivities, notificationDeliveryWorkflowId } from '@app/temporal';
import { notificationDeliveryWorkflow } from '@app/workflows';
import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { absoluteLink, NOTIFICATION_SETTINGS, NotificationSettings } from '@app/config';
import { OutgoingMail, SmtpMailSender } from '../notifications/smtp-mail.sender';
import { WebhookSender } from '../notifications/webhook.sender';

/** What a webhook receives: the notification, with its link absolute and its times in Asia/Tokyo. */
export interface NotificationWebhookPayload {
  readonly id: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly subject: string;
  readonly body: string;
  readonly link: string | null;
  readonly fiscalYear: number | null;
  readonly clusterNo: number | null;
  readonly reportKind: string | null;
  readonly dueAt: string | null;
  readonly createdAt: string;
  /** Usernames of everyone the notification is for. */
  readonly recipients: string[];
}

/**
 * Builds the notification activity: one quick local write puts the notification into each
 * recipient's inbox and records, in the same transaction, an outbox entry for each e-mail (everyone
 * with an address) and for the webhook call; then each entry still pending gets a delivery workflow of
 * its own (`notificationDeliveryWorkflow`, one per key and recipient), which sends it with backoff. A
 * mail server or webhook that keeps failing thus never holds up the workflow that notified. Retried,
 * it adds nothing twice: inbox rows and outbox entries are keyed, and a running delivery is found again.
 */
@Injectable()
export class NotificationActivitiesFactory {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mail: SmtpMailSender,
    private readonly webhook: WebhookSender,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  create(): NotificationActivities {
    return {
      deliverNotification: (request: NotificationRequest) => this.deliver(request),
    };
  }

  /** Also what other activities call for the notices they send with their own work. */
  async deliver(request: NotificationRequest): Promise<NotificationDelivery> {
    const recipients = await this.notifications.resolveRecipients(request.recipients, request.excludedUserIds);
    const { newRecipients, pending } = await this.notifications.record(
      request,
      recipients.map((recipient) => recipient.id),
      [...this.emails(request, recipients), ...this.webhookCall(request, recipients)],
    );
    await Promise.all(pending.map((delivery) => this.startDelivery(delivery)));
    return { newRecipients: newRecipients.length };
  }

  /** Starts the delivery's workflow on this worker's task queue; one already there (running or done) is left alone. */
  private async startDelivery(delivery: DeliveryTarget): Promise<void> {
    const { client, info } = Context.current();
    const ref = { channel: delivery.channel, notificationKey: delivery.notificationKey, recipient: delivery.recipient };
    try {
      await client.workflow.start(notificationDeliveryWorkflow, {
        workflowId: notificationDeliveryWorkflowId(ref),
        taskQueue: info.taskQueue,
        args: [{ ...ref, maxAttempts: this.settings.deliveryAttempts, initialIntervalSeconds: this.settings.retryInitialSeconds }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  private emails(request: NotificationRequest, recipients: readonly NotificationRecipient[]): OutboxEntry[] {
    if (!this.mail.enabled) return [];
    const text = notificationMailText(request.body, absoluteLink(this.settings.publicBaseUrl, request.link));
    return recipients.flatMap((recipient) => {
      if (!recipient.email) return [];
      const mail: OutgoingMail = { notificationId: request.key, to: { name: recipient.displayName, address: recipient.email }, subject: request.subject, text };
      return [{ target: { channel: 'email' as const, notificationKey: request.key, recipient: recipient.id, destination: recipient.email }, payload: mail }];
    });
  }

  private webhookCall(request: NotificationRequest, recipients: readonly NotificationRecipient[]): OutboxEntry[] {
    const endpoint = this.webhook.endpoint;
    if (!endpoint) return [];
    return [{ target: { channel: 'webhook', notificationKey: request.key, ...endpoint }, payload: this.webhookPayload(request, recipients) }];
  }

  private webhookPayload(request: NotificationRequest, recipients: readonly NotificationRecipient[]): NotificationWebhookPayload {
    return {
      id: request.key,
      kind: request.kind,
      kindLabel: NOTIFICATION_KIND_LABELS[request.kind as NotificationKind] ?? request.kind,
      subject: request.subject,
      body: request.body,
      link: absoluteLink(this.settings.publicBaseUrl, request.link),
      fiscalYear: request.fiscalYear,
      clusterNo: request.clusterNo,
      reportKind: request.reportKind,
      dueAt: request.dueAt === null ? null : toTokyoIsoString(request.dueAt),
      createdAt: toTokyoIsoString(request.createdAt),
      recipients: recipients.map((recipient) => recipient.username),
    };
  }
}
