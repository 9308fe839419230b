import { NotificationRequest, RecipientRule } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { execute, queryFirst, queryRows } from '../sql/typed-query';

/** A person a notification goes to, with what the channels need to reach them. */
export interface NotificationRecipient {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
}

/** One entry of a person's inbox. */
export interface InboxEntryRow {
  readonly id: string;
  readonly notificationKey: string;
  readonly userId: string;
  readonly kind: string;
  readonly subject: string;
  readonly body: string;
  readonly link: string | null;
  readonly fiscalYear: number | null;
  readonly clusterNo: number | null;
  readonly reportKind: string | null;
  readonly dueAt: Date | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

export interface InboxPage extends Page<InboxEntryRow> {
  /** Unread entries of the whole inbox, not only of this page. */
  readonly unread: number;
}

export type DeliveryChannel = 'email' | 'webhook';

/**
 * One e-mail or webhook call of one notification. `recipient` is its identity (the user's id for an
 * e-mail, the endpoint for a webhook); `destination` where it went (the address, the endpoint's origin).
 */
export interface DeliveryTarget {
  readonly channel: DeliveryChannel;
  readonly notificationKey: string;
  readonly recipient: string;
  readonly destination: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of a person's inbox entry of a notification; retries of the same request hit the same row. */
export const inboxEntryId = (notificationKey: string, userId: string): string => `${notificationKey}/${userId}`;

interface InboxEntryRecord {
  readonly id: string;
  readonly notification_key: string;
  readonly user_id: string;
  readonly kind: string;
  readonly subject: string;
  readonly body: string;
  readonly link: string | null;
  readonly fiscal_year: number | null;
  readonly cluster_no: number | null;
  readonly report_kind: string | null;
  readonly due_at: Date | null;
  readonly created_at: Date;
  readonly read_at: Date | null;
}

const INBOX_COLUMNS = `id, notification_key, user_id, kind, subject, body, link, fiscal_year, cluster_no, report_kind, due_at, created_at, read_at`;

/** Inboxes, who a notification goes to, and which e-mails and webhook calls have been made. */
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The people the rules name: listed users, and holders of a role (in the bureau, or anywhere when the
   * rule's bureau is null), less the excluded and less deactivated users, whom no rule reaches; each
   * person once, in username order.
   */
  async resolveRecipients(rules: readonly RecipientRule[], excludedUserIds: readonly string[]): Promise<NotificationRecipient[]> {
    // Ids that are not UUIDs name nobody; filtering them keeps a malformed id from failing the query.
    const userIds = rules.flatMap((rule) => (rule.type === 'users' ? rule.userIds : [])).filter((id) => UUID_PATTERN.test(id));
    const roleRules = rules.flatMap((rule) => (rule.type === 'role' ? [rule] : []));
    if (userIds.length === 0 && roleRules.length === 0) return [];
    const rows = await queryRows<{ id: string; username: string; display_name: string; email: string | null }>(
      this.dataSource,
      `SELECT u.id, u.username, u.display_name, u.email FROM users u
       WHERE (u.id = ANY($1::uuid[])
              OR EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS r(role, bureau_code)
                         WHERE r.role = ANY(u.roles) AND (r.bureau_code IS NULL OR r.bureau_code = u.bureau_code)))
         AND NOT (u.id = ANY($4::uuid[]))
         AND u.active
       ORDER BY u.username COLLATE "C"`,
      [userIds, roleRules.map((rule) => rule.role), roleRules.map((rule) => rule.bureauCode), excludedUserIds.filter((id) => UUID_PATTERN.test(id))],
    );
    return rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name, email: row.email }));
  }

  /** Puts the notification into each person's inbox unless it is there already; returns whose inbox got it now. */
  async addToInboxes(request: NotificationRequest, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await queryRows<{ user_id: string }>(
      this.dataSource,
      `INSERT INTO notifications (id, notification_key, user_id, kind, subject, body, link, fiscal_year, cluster_no, report_kind, due_at, created_at)
       SELECT $1 || '/' || u.user_id::text, $1, u.user_id, $2, $3, $4, $5, $6, $7, $8, $9, $10
       FROM unnest($11::uuid[]) AS u(user_id)
       ON CONFLICT (id) DO NOTHING
       RETURNING user_id`,
      [
        request.key,
        request.kind,
        request.subject,
        request.body,
        request.link,
        request.fiscalYear,
        request.clusterNo,
        request.reportKind,
        request.dueAt,
        request.createdAt,
        [...new Set(userIds)],
      ],
    );
    return rows.map((row) => row.user_id);
  }

  /** The user's inbox: unread first, then newest first. */
  async inbox(userId: string, page: PageRequest): Promise<InboxPage> {
    const entries = await queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM notifications WHERE user_id = $1`,
        rows: `SELECT ${INBOX_COLUMNS} FROM notifications WHERE user_id = $1 ORDER BY (read_at IS NULL) DESC, created_at DESC, id COLLATE "C"`,
        params: [userId],
      },
      page,
      toInboxEntry,
    );
    return { ...entries, unread: await this.countUnread(userId) };
  }

  async countUnread(userId: string): Promise<number> {
    const row = await queryFirst<{ unread: number }>(
      this.dataSource,
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.unread ?? 0;
  }

  /** Marks one of the user's own entries read (keeping the first time it was read); null when the user has no such entry. */
  async markRead(userId: string, id: string): Promise<InboxEntryRow | null> {
    const updated = await queryFirst<InboxEntryRecord>(
      this.dataSource,
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${INBOX_COLUMNS}`,
      [id, userId],
    );
    return updated ? toInboxEntry(updated) : null;
  }

  /** Marks every unread entry of the user read; returns how many were unread. */
  async markAllRead(userId: string): Promise<number> {
    const { affected } = await execute(this.dataSource, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return affected;
  }

  /** Of these recipients, those the channel has already delivered this notification to. */
  async deliveredRecipients(channel: DeliveryChannel, notificationKey: string, recipients: readonly string[]): Promise<Set<string>> {
    if (recipients.length === 0) return new Set();
    const rows = await queryRows<{ recipient: string }>(
      this.dataSource,
      `SELECT recipient FROM notification_deliveries
       WHERE channel = $1 AND notification_key = $2 AND recipient = ANY($3::text[]) AND delivered_at IS NOT NULL`,
      [channel, notificationKey, recipients],
    );
    return new Set(rows.map((row) => row.recipient));
  }

  /** Records that the server accepted it: from now on it is skipped. */
  recordDelivered(target: DeliveryTarget): Promise<void> {
    return this.recordAttempt(target, null);
  }

  /** Records a failed attempt and why; it stays to be sent. */
  recordFailed(target: DeliveryTarget, error: string): Promise<void> {
    return this.recordAttempt(target, error);
  }

  private async recordAttempt(target: DeliveryTarget, error: string | null): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO notification_deliveries AS d (channel, notification_key, recipient, destination, attempts, last_error, last_attempt_at, delivered_at)
       VALUES ($1, $2, $3, $4, 1, $5, now(), CASE WHEN $5::text IS NULL THEN now() END)
       ON CONFLICT (channel, notification_key, recipient) DO UPDATE SET
         destination = EXCLUDED.destination,
         attempts = d.attempts + 1,
         last_error = COALESCE(EXCLUDED.last_error, d.last_error),
         last_attempt_at = EXCLUDED.last_attempt_at,
         delivered_at = COALESCE(d.delivered_at, EXCLUDED.delivered_at)`,
      [target.channel, target.notificationKey, target.recipient, target.destination, error === null ? null : error.slice(0, 2000)],
    );
  }
}

function toInboxEntry(row: InboxEntryRecord): InboxEntryRow {
  return {
    id: row.id,
    notificationKey: row.notification_key,
    userId: row.user_id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    fiscalYear: row.fiscal_year,
    clusterNo: row.cluster_no,
    reportKind: row.report_kind,
    dueAt: row.due_at,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
