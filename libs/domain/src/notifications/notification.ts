import { Role } from '../roles';

/** 督促 before a deadline, 期限超過 after it, 期限変更 when a meeting moves, X会議の案内 before a meeting. */
export enum NotificationKind {
  Reminder = 'reminder',
  Escalation = 'escalation',
  DeadlineMoved = 'deadline-moved',
  MeetingDigest = 'meeting-digest',
}

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  [NotificationKind.Reminder]: '期限前のお知らせ',
  [NotificationKind.Escalation]: '期限超過',
  [NotificationKind.DeadlineMoved]: '期限の変更',
  [NotificationKind.MeetingDigest]: 'X会議の案内',
};

/** Who receives a notification: named users, or every holder of a role (within a bureau, or programme-wide when null). */
export type RecipientRule =
  | { readonly type: 'users'; readonly userIds: readonly string[] }
  | { readonly type: 'role'; readonly role: Role; readonly bureauCode: string | null };

/**
 * One notification as a workflow asks for it. `key` names the effect (for example one reminder of one
 * deadline at one offset) and never changes on retry, so every person gets it once: the inbox entry,
 * the e-mail and the webhook call are each made at most once per key and recipient.
 */
export interface NotificationRequest {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipients: readonly RecipientRule[];
  /** People a role rule would include but who must not get this one (e.g. the report's own authors). */
  readonly excludedUserIds: readonly string[];
  /** Japanese, one line. */
  readonly subject: string;
  /** Japanese: the cluster, the action owed, the due date in Asia/Tokyo. */
  readonly body: string;
  /** Path of the item under the API, e.g. /api/v1/fiscal-years/2024/clusters/27; made absolute with PUBLIC_BASE_URL. */
  readonly link: string | null;
  readonly fiscalYear: number | null;
  readonly clusterNo: number | null;
  readonly reportKind: string | null;
  /** ISO 8601 instant of the deadline concerned, if any. */
  readonly dueAt: string | null;
  /** ISO 8601 instant the workflow decided to send it (workflow time). */
  readonly createdAt: string;
}

export interface NotificationDelivery {
  /** How many people received it in the inbox with this call (0 when all had it already). */
  readonly newRecipients: number;
}
