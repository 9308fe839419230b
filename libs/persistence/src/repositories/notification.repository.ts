import { NotificationRequest, RecipientRule } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { execute, queryFirst, queryRows, SqlExecutor } from '../sql/typed-query';

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

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** An e-mail or webhook call to make, with everything needed to make it later, without the notification at hand. */
export interface OutboxEntry {
  readonly target: DeliveryTarget;
  readonly payload: unknown;
}

/** One delivery record as it stands: what is still to be sent, or how it ended. */
export interface DeliveryRow extends DeliveryTarget {
  readonly status: DeliveryStatus;
  /** Null once delivered (the content is in the inbox) and for records from before the outbox. */
  readonly payload: unknown;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
  /** For an e-mail: the username of the person it is for. */
  readonly username: string | null;
}

interface DeliveryRecord {
  readonly channel: DeliveryChannel;
  readonly notification_key: string;
  readonly recipient: string;
  readonly destination: string;
  readonly status: DeliveryStatus;
  readonly payload: unknown;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly last_attempt_at: Date | null;
  readonly delivered_at: Date | null;
  readonly created_at: Date;
  readonly username: string | null;
}

const DELIVERY_COLUMNS = `d.channel, d.notification_key, d.recipient, d.destination, d.status, d.payload, d.attempts, d.last_error, d.last_attempt_at,
  d.delivered_at, d.created_at, u.username`;
const DELIVERY_FROM = `notification_deliveries d LEFT JOIN users u ON d.channel = 'email' AND u.id::text = d.recipient`;

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

  /**
   * One local write for a notification: the inbox entries and the outbox of its e-mails and webhook call,
   * in one transaction. Returns whose inbox got it now, and what is still to be sent (all of it the
   * first time; on a repeat, what has not been delivered or given up on).
   */
  async record(request: NotificationRequest, userIds: readonly string[], outbox: readonly OutboxEntry[]): Promise<{ newRecipients: string[]; pending: DeliveryTarget[] }> {
    // With nothing to send (no mail server, no webhook), the inboxes are one statement: no transaction needed.
    if (outbox.length === 0) return { newRecipients: await this.addToInboxes(request, userIds), pending: [] };
    return this.dataSource.transaction(async (manager) => ({
      newRecipients: await this.addToInboxes(request, userIds, manager),
      pending: await this.enqueue(outbox, manager),
    }));
  }

  /** Puts the notification into each person's inbox unless it is there already; returns whose inbox got it now. */
  async addToInboxes(request: NotificationRequest, userIds: readonly string[], executor: SqlExecutor = this.dataSource): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await queryRows<{ user_id: string }>(
      executor,
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

  /**
   * Adds each delivery to the outbox unless it is recorded already; returns those still pending. A record
   * from before the outbox that never went out (failed, with nothing to send) gets its payload and is pending again.
   */
  private async enqueue(outbox: readonly OutboxEntry[], executor: SqlExecutor): Promise<DeliveryTarget[]> {
    if (outbox.length === 0) return [];
    const rows = await queryRows<{ channel: DeliveryChannel; notification_key: string; recipient: string; destination: string; status: DeliveryStatus }>(
      executor,
      `INSERT INTO notification_deliveries AS d (channel, notification_key, recipient, destination, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (channel, notification_key, recipient) DO UPDATE SET
         payload = CASE WHEN d.status = 'delivered' THEN NULL ELSE COALESCE(d.payload, EXCLUDED.payload) END,
         status = CASE WHEN d.status = 'failed' AND d.payload IS NULL THEN 'pending' ELSE d.status END
       RETURNING channel, notification_key, recipient, destination, status`,
      [
        outbox.map((entry) => entry.target.channel),
        outbox.map((entry) => entry.target.notificationKey),
        outbox.map((entry) => entry.target.recipient),
        outbox.map((entry) => entry.target.destination),
        outbox.map((entry) => JSON.stringify(entry.payload)),
      ],
    );
    return rows
      .filter((row) => row.status === 'pending')
      .map((row) => ({ channel: row.channel, notificationKey: row.notification_key, recipient: row.recipient, destination: row.destination }));
  }

  /** One delivery record, or null when there is none (never recorded, or pruned). */
  async delivery(channel: DeliveryChannel, notificationKey: string, recipient: string): Promise<DeliveryRow | null> {
    const row = await queryFirst<DeliveryRecord>(
      this.dataSource,
      `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.channel = $1 AND d.notification_key = $2 AND d.recipient = $3`,
      [channel, notificationKey, recipient],
    );
    return row ? toDeliveryRow(row) : null;
  }

  /** The server accepted it: counted, done, and its content no longer kept here (the inbox has it). */
  async recordDelivered(target: Pick<DeliveryTarget, 'channel' | 'notificationKey' | 'recipient'>): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notification_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = now(),
         delivered_at = COALESCE(delivered_at, now()), payload = NULL
       WHERE channel = $1 AND notification_key = $2 AND recipient = $3`,
      [target.channel, target.notificationKey, target.recipient],
    );
  }

  /** A failed attempt and why (without secrets: the caller's job); it stays pending until given up on. */
  async recordFailedAttempt(target: Pick<DeliveryTarget, 'channel' | 'notificationKey' | 'recipient'>, error: string): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notification_deliveries SET attempts = attempts + 1, last_error = $4, last_attempt_at = now()
       WHERE channel = $1 AND notification_key = $2 AND recipient = $3 AND status = 'pending'`,
      [target.channel, target.notificationKey, target.recipient, error.slice(0, 2000)],
    );
  }

  /** Given up on: it stays failed, for admins to see. `error` is kept only when no attempt recorded one. */
  async recordGivenUp(target: Pick<DeliveryTarget, 'channel' | 'notificationKey' | 'recipient'>, error: string): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notification_deliveries SET status = 'failed', last_error = COALESCE(last_error, $4)
       WHERE channel = $1 AND notification_key = $2 AND recipient = $3 AND status = 'pending'`,
      [target.channel, target.notificationKey, target.recipient, error.slice(0, 2000)],
    );
  }

  /** Every delivery record, or those of one status: newest first. */
  async deliveries(filter: { readonly status?: DeliveryStatus }, page: PageRequest): Promise<Page<DeliveryRow>> {
    const where = filter.status ? `WHERE d.status = $1` : '';
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM notification_deliveries d ${where}`,
        rows: `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} ${where}
               ORDER BY COALESCE(d.last_attempt_at, d.created_at) DESC, d.notification_key COLLATE "C", d.channel, d.recipient COLLATE "C"`,
        params: filter.status ? [filter.status] : [],
      },
      page,
      toDeliveryRow,
    );
  }

  /** Retention: deletes at most `limit` notifications read before `cutoff` (unread ones stay); returns how many. */
  async pruneReadBefore(cutoff: Date, limit: number): Promise<number> {
    const { affected } = await execute(
      this.dataSource,
      `DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE read_at < $1 ORDER BY read_at LIMIT $2)`,
      [cutoff, limit],
    );
    return affected;
  }

  /** Retention: deletes at most `limit` delivery records that ended (delivered or failed) before `cutoff`; pending ones stay. */
  async pruneDeliveriesBefore(cutoff: Date, limit: number): Promise<number> {
    const { affected } = await execute(
      this.dataSource,
      `DELETE FROM notification_deliveries WHERE (channel, notification_key, recipient) IN (
         SELECT channel, notification_key, recipient FROM notification_deliveries
         WHERE status <> 'pending' AND COALESCE(delivered_at, last_attempt_at, created_at) < $1
         ORDER BY created_at LIMIT $2)`,
      [cutoff, limit],
    );
    return affected;
  }
}

function toDeliveryRow(row: DeliveryRecord): DeliveryRow {
  return {
    channel: row.channel,
    notificationKey: row.notification_key,
    recipient: row.recipient,
    destination: row.destination,
    status: row.status,
    payload: row.payload,
    attempts: row.attempts,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    username: row.username,
  };
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
