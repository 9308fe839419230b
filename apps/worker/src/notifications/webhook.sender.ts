import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac } from 'node:crypto';
import { endpointOrigin, NOTIFICATION_SETTINGS, NotificationSettings } from '@app/config';

export const NOTIFICATION_ID_HEADER = 'X-Reform-Notification-Id';
export const SIGNATURE_HEADER = 'X-Reform-Signature';
export const TIMESTAMP_HEADER = 'X-Reform-Timestamp';
const TIMEOUT_MS = 10_000;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, the value of the X-Reform-Signature
 * header. The timestamp (Unix seconds, the X-Reform-Timestamp header) is signed with the body, so a
 * receiver can refuse a captured call replayed later by its age.
 */
export function webhookSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/** Posts each notification as signed JSON to WEBHOOK_URL; disabled when it is unset. */
@Injectable()
export class WebhookSender {
  constructor(@Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings) {}

  /**
   * Who the delivery records name, or null when disabled: a hash of the whole URL identifies the
   * endpoint and its origin says where it is, so a secret in the URL's path or query is never stored.
   */
  get endpoint(): { readonly recipient: string; readonly destination: string } | null {
    const webhook = this.settings.webhook;
    if (!webhook) return null;
    const origin = endpointOrigin(webhook.url);
    return { recipient: `${origin} sha256:${createHash('sha256').update(webhook.url).digest('hex').slice(0, 16)}`, destination: origin };
  }

  /** Resolves on a 2xx answer; rejects on any other answer or a network error, so the activity is retried. */
  async post(notificationId: string, payload: object): Promise<void> {
    const webhook = this.settings.webhook;
    if (!webhook) throw new Error('the webhook is disabled: WEBHOOK_URL is unset');
    const body = JSON.stringify(payload);
    const where = endpointOrigin(webhook.url);
    // Each attempt is signed afresh: a retry hours later is not mistaken for a replay.
    const timestamp = String(Math.floor(Date.now() / 1000));
    let response: Response;
    try {
      response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'kitakyushu-reform-engine',
          // Header values are Latin-1 only: a key outside printable ASCII is sent percent-encoded.
          [NOTIFICATION_ID_HEADER]: /^[\x20-\x7e]*$/.test(notificationId) ? notificationId : encodeURIComponent(notificationId),
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(webhook.secret, timestamp, body),
        },
        body,
        // A redirect would turn the POST into a GET elsewhere: it counts as a failure instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new Error(`webhook ${where} unreachable: ${(error as Error).message}${cause ? ` (${cause})` : ''}`);
    }
    const answer = (await response.text().catch(() => '')).slice(0, 200);
    if (response.status < 200 || response.status > 299) {
      throw new Error(`webhook ${where} answered ${response.status}${answer ? `: ${answer}` : ''}`);
    }
  }
}
