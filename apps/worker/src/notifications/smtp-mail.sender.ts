import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { NOTIFICATION_SETTINGS, NotificationSettings } from '@app/config';

export interface OutgoingMail {
  /** The notification's key, sent as the X-Reform-Notification-Id header. */
  readonly notificationId: string;
  readonly to: { readonly name: string; readonly address: string };
  /** Japanese; sent as UTF-8. */
  readonly subject: string;
  readonly text: string;
}

interface SmtpError {
  readonly code?: string;
  readonly responseCode?: number;
}

/** Sends notification e-mails through the SMTP server of SMTP_URL; disabled when it is unset. */
@Injectable()
export class SmtpMailSender implements OnModuleDestroy {
  private readonly transporter: ReturnType<typeof createTransport> | null;

  constructor(@Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings) {
    this.transporter = settings.smtpUrl
      ? createTransport(
          // Short timeouts: a dead server fails the activity quickly, and Temporal retries it with backoff.
          { url: settings.smtpUrl, requireTLS: settings.smtpRequireTls, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
          { from: settings.mailFrom },
        )
      : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** Resolves when the server accepted the message; rejects otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('e-mail is disabled: SMTP_URL is unset');
    await this.transporter.sendMail({
      to: { name: mail.to.name, address: mail.to.address },
      subject: mail.subject,
      text: mail.text,
      textEncoding: 'base64',
      headers: { 'X-Reform-Notification-Id': mail.notificationId },
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}

/** The server refused this recipient or message for good (5xx): sending it again would get the same answer. */
export function isPermanentRejection(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as SmtpError;
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500;
}

/** The failure concerns this recipient or message only (4xx to RCPT/DATA): the next one may well go through. */
export function isRecipientFailure(error: unknown): boolean {
  const { code } = (error ?? {}) as SmtpError;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}
