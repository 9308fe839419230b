import { NOTIFICATION_KIND_LABELS, NotificationKind, refused, toTokyoIsoString } from '@app/domain';
import { InboxEntryRow, NotificationRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { MarkAllReadResult, NotificationPage, NotificationView } from './notification.dto';

export interface InboxQuery {
  readonly userId: string;
  readonly page: number;
  readonly pageSize: number;
}

/** A person's own inbox; someone else's notification is answered like one that does not exist. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationRepository) {}

  async inbox({ userId, page, pageSize }: InboxQuery): Promise<NotificationPage> {
    const entries = await this.notifications.inbox(userId, { page, pageSize });
    return { ...entries, items: entries.items.map(toNotificationView) };
  }

  async markAllRead(userId: string): Promise<MarkAllReadResult> {
    const marked = await this.notifications.markAllRead(userId);
    return { marked, unread: await this.notifications.countUnread(userId) };
  }

  async markRead(userId: string, notificationId: string): Promise<NotificationView> {
    const entry = await this.notifications.markRead(userId, notificationId);
    if (!entry) throw refused('notification.unknown', 'この通知は見つかりません');
    return toNotificationView(entry);
  }
}

function toNotificationView(entry: InboxEntryRow): NotificationView {
  return {
    id: entry.id,
    kind: entry.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[entry.kind as NotificationKind] ?? entry.kind,
    subject: entry.subject,
    body: entry.body,
    link: entry.link,
    fiscalYear: entry.fiscalYear,
    clusterNo: entry.clusterNo,
    reportKind: entry.reportKind,
    dueAt: entry.dueAt === null ? null : toTokyoIsoString(entry.dueAt),
    createdAt: toTokyoIsoString(entry.createdAt),
    read: entry.readAt !== null,
  };
}
