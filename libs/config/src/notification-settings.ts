import { Environment } from './environment';

/** Injection token of the {@link NotificationSettings}. */
export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

/** How notifications leave the system besides the inbox, from SMTP_URL, MAIL_FROM, PUBLIC_BASE_URL, WEBHOOK_URL and WEBHOOK_SECRET. */
export interface NotificationSettings {
  /** null = no e-mail, the inbox only. */
  readonly smtpUrl: string | null;
  /** Never send e-mail in the clear (SMTP_REQUIRE_TLS). */
  readonly smtpRequireTls: boolean;
  readonly mailFrom: string;
  readonly publicBaseUrl: string;
  /** null = no webhook. */
  readonly webhook: { readonly url: string; readonly secret: string } | null;
  /** Attempts of one e-mail or webhook call before it is recorded as failed (NOTIFICATION_DELIVERY_ATTEMPTS). */
  readonly deliveryAttempts: number;
  /** Pause before the second attempt, in seconds, doubling up to an hour (NOTIFICATION_RETRY_INITIAL_SECONDS). */
  readonly retryInitialSeconds: number;
}

export function notificationSettings(environment: Environment): NotificationSettings {
  return {
    smtpUrl: environment.SMTP_URL ?? null,
    smtpRequireTls: environment.SMTP_REQUIRE_TLS,
    mailFrom: environment.MAIL_FROM,
    publicBaseUrl: environment.PUBLIC_BASE_URL,
    // The environment's validation makes WEBHOOK_SECRET present whenever WEBHOOK_URL is.
    webhook: environment.WEBHOOK_URL && environment.WEBHOOK_SECRET ? { url: environment.WEBHOOK_URL, secret: environment.WEBHOOK_SECRET } : null,
    deliveryAttempts: environment.NOTIFICATION_DELIVERY_ATTEMPTS,
    retryInitialSeconds: environment.NOTIFICATION_RETRY_INITIAL_SECONDS,
  };
}

/**
 * A request's link (a path under the API) as a URL people can open: PUBLIC_BASE_URL in front, keeping
 * a path the base may have (https://example.jp/reform + /api/v1/… → https://example.jp/reform/api/v1/…).
 */
export function absoluteLink(publicBaseUrl: string, link: string | null): string | null {
  if (link === null) return null;
  if (/^https?:\/\//i.test(link)) return link;
  return `${publicBaseUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

/** Scheme, host and port only: never the credentials, path or query, which may hold secrets. */
export function endpointOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** The one line the worker logs at start about where notifications go. */
export function describeNotificationChannels(settings: NotificationSettings): string {
  const email = settings.smtpUrl
    ? `e-mail via ${endpointOrigin(settings.smtpUrl)}${settings.smtpRequireTls ? ' (TLS required)' : ''} from ${settings.mailFrom}`
    : 'no e-mail (SMTP_URL is unset, so notifications reach the inbox only)';
  const webhook = settings.webhook ? `webhook to ${endpointOrigin(settings.webhook.url)}` : 'no webhook (WEBHOOK_URL is unset)';
  return `notifications: inbox; ${email}; ${webhook}; links based on ${settings.publicBaseUrl}`;
}

/**
 * An error text fit to be stored and shown to admins: the SMTP password, the webhook's secret and full
 * URL (whose path or query may hold a token), and any `user:password@` of a URL are masked.
 */
export function withoutSecrets(settings: NotificationSettings, text: string): string {
  const secrets = [settings.webhook?.secret, settings.webhook?.url, smtpPassword(settings.smtpUrl)].filter((secret): secret is string => !!secret && secret.length >= 4);
  const masked = secrets.reduce((result, secret) => result.split(secret).join('***'), text);
  return masked.replace(/(\/\/[^\s/:@]+):[^\s@/]+@/g, '$1:***@');
}

function smtpPassword(smtpUrl: string | null): string | null {
  if (!smtpUrl) return null;
  try {
    const password = new URL(smtpUrl).password;
    return password ? decodeURIComponent(password) : null;
  } catch {
    return null;
  }
}
