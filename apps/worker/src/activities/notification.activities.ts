import { NOTIFICATION_KIND_LABELS, NotificationDelivery, NotificationKind, notificationMailText, NotificationRequest, toTokyoIsoString } from '@app/domain';
import { NotificationRecipient, NotificationRepository } from '@app/persistence';
import { NotificationActivities } from '@app/temporal';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { absoluteLink, NOTIFICATION_SETTINGS, NotificationSettings } from '@app/config';
import { isPermanentRejection, isRecipientFailure, SmtpMailSender } from '../notifications/smtp-mail.sender';
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
 * Builds the notification activity. One delivery puts the notification into each recipient's inbox,
 * e-mails everyone with an address and posts it once to the webhook. Every effect is made at most
 * once per key and recipient: inbox rows by their id, e-mails and the webhook call by their record in
 * notification_deliveries, written after the server accepted them. What failed makes the activity
 * throw after everything else was tried, so Temporal's retry sends only what is still missing.
 */
@Injectable()
export class NotificationActivitiesFactory {
  private readonly logger = new Logger('NotificationActivities');

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

  private async deliver(request: NotificationRequest): Promise<NotificationDelivery> {
    const recipients = await this.notifications.resolveRecipients(request.recipients, request.excludedUserIds);
    const added = await this.notifications.addToInboxes(
      request,
      recipients.map((recipient) => recipient.id),
    );
    const failures = [...(await this.sendEmails(request, recipients)), ...(await this.callWebhook(request, recipients))];
    if (failures.length > 0) {
      throw new Error(`notification ${request.key} is not fully delivered yet (it will be retried): ${failures.join('; ')}`);
    }
    return { newRecipients: added.length };
  }

  /** Returns what failed and should be tried again. */
  private async sendEmails(request: NotificationRequest, recipients: readonly NotificationRecipient[]): Promise<string[]> {
    if (!this.mail.enabled) return [];
    const addressed = recipients.flatMap((recipient) => (recipient.email ? [{ ...recipient, email: recipient.email }] : []));
    const done = await this.notifications.deliveredRecipients(
      'email',
      request.key,
      addressed.map((recipient) => recipient.id),
    );
    const text = notificationMailText(request.body, absoluteLink(this.settings.publicBaseUrl, request.link));
    const failures: string[] = [];
    for (const recipient of addressed.filter((candidate) => !done.has(candidate.id))) {
      const target = { channel: 'email' as const, notificationKey: request.key, recipient: recipient.id, destination: recipient.email };
      try {
        await this.mail.send({
          notificationId: request.key,
          to: { name: recipient.displayName, address: recipient.email },
          subject: request.subject,
          text,
        });
        await this.notifications.recordDelivered(target);
      } catch (error) {
        const reason = (error as Error).message;
        await this.notifications.recordFailed(target, reason);
        if (isPermanentRejection(error)) {
          // Asking again would get the same answer: recorded, and the others still get theirs.
          this.logger.warn(`notification ${request.key}: the mail server refused the e-mail to ${recipient.username} for good: ${reason}`);
          continue;
        }
        failures.push(`e-mail to ${recipient.username}: ${reason}`);
        // A server that is down or refuses the login fails every message alike: leave the rest to the retry.
        if (!isRecipientFailure(error)) break;
      }
    }
    return failures;
  }

  private async callWebhook(request: NotificationRequest, recipients: readonly NotificationRecipient[]): Promise<string[]> {
    const endpoint = this.webhook.endpoint;
    if (!endpoint) return [];
    const done = await this.notifications.deliveredRecipients('webhook', request.key, [endpoint.recipient]);
    if (done.size > 0) return [];
    const target = { channel: 'webhook' as const, notificationKey: request.key, ...endpoint };
    try {
      await this.webhook.post(request.key, this.webhookPayload(request, recipients));
      await this.notifications.recordDelivered(target);
      return [];
    } catch (error) {
      const reason = (error as Error).message;
      await this.notifications.recordFailed(target, reason);
      return [reason];
    }
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
