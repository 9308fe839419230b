import { fiscalYearLabel } from '../fiscal-year';
import { Role } from '../roles';
import { OWED_ACTION_LABELS, OwedAction } from '../lifecycle/owed-actions';
import { NotificationKind, NotificationRequest, RecipientRule } from '../notifications/notification';
import { Deadline } from './deadlines';
import { durationMs } from './durations';
import { formatTokyoDateTime } from './japanese-era-dates';

/** A reminder (at an offset before a deadline) or the escalation (at the deadline) of one owed item. */
export interface PlannedNotice {
  /** Names the effect: the same deadline, offset and item always give the same key. */
  readonly key: string;
  readonly kind: NotificationKind.Reminder | NotificationKind.Escalation;
  readonly at: string;
  readonly owed: OwedAction;
  readonly deadline: Deadline;
}

export interface ClusterRef {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly clusterName: string;
  readonly owningBureauCode: string;
}

/** Every reminder and escalation the owed items call for under the current deadlines. */
export function plannedNotices(cluster: ClusterRef, owed: readonly OwedAction[], deadlines: readonly Deadline[], offsets: readonly string[]): PlannedNotice[] {
  return owed.flatMap((item) => {
    const deadline = deadlines.find((candidate) => candidate.target === item.reportKind);
    if (!deadline) return [];
    const base = `${cluster.fiscalYear}/${cluster.clusterNo}/${item.reportKind}/${deadline.dueAt}`;
    const dueMs = Date.parse(deadline.dueAt);
    const reminders = offsets.flatMap((offset): PlannedNotice[] => {
      const ms = durationMs(offset);
      return ms === undefined
        ? []
        : [{ key: `reminder/${base}/${offset}`, kind: NotificationKind.Reminder, at: new Date(dueMs - ms).toISOString(), owed: item, deadline }];
    });
    return [...reminders, { key: `escalation/${base}`, kind: NotificationKind.Escalation, at: deadline.dueAt, owed: item, deadline }];
  });
}

/** Anything sent at an offset before a deadline, or at the deadline itself. */
export interface TimedNotice<D extends { readonly target: string; readonly dueAt: string } = Deadline> {
  readonly key: string;
  readonly kind: NotificationKind.Reminder | NotificationKind.Escalation;
  readonly at: string;
  readonly deadline: D;
}

export interface NoticeSchedule<N extends TimedNotice<{ readonly target: string; readonly dueAt: string }> = PlannedNotice> {
  /** Send now. */
  readonly due: N[];
  /** Overtaken before they could be sent (a later reminder or the escalation is due): never send. */
  readonly overtaken: N[];
  /** The earliest notice still to come, if any. */
  readonly next: N | undefined;
}

/**
 * What is due at `now`. Of several reminders whose time has passed for one deadline only the latest
 * goes out, and none once the deadline itself has passed: people get the message that fits now,
 * not a burst of stale ones after a meeting moved or the worker was away.
 */
export function scheduleAt<N extends TimedNotice<{ readonly target: string; readonly dueAt: string }>>(planned: readonly N[], sent: ReadonlySet<string>, now: string): NoticeSchedule<N> {
  const nowMs = Date.parse(now);
  const pending = planned.filter((notice) => !sent.has(notice.key));
  // Sent notices count too: once a later reminder or the escalation went out, an earlier one never does.
  const past = planned.filter((notice) => Date.parse(notice.at) <= nowMs);
  const due: N[] = [];
  const overtaken: N[] = [];
  const byDeadline = new Map<string, N[]>();
  for (const notice of past) {
    const group = `${notice.deadline.target}/${notice.deadline.dueAt}`;
    byDeadline.set(group, [...(byDeadline.get(group) ?? []), notice]);
  }
  for (const group of byDeadline.values()) {
    const latest = group.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) || b.kind === NotificationKind.Escalation ? b : a));
    if (!sent.has(latest.key)) due.push(latest);
    overtaken.push(...group.filter((notice) => notice !== latest && !sent.has(notice.key)));
  }
  const future = pending.filter((notice) => Date.parse(notice.at) > nowMs).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { due, overtaken, next: future[0] };
}

export function ownersOf(owed: OwedAction): RecipientRule[] {
  if (owed.assignee?.id) return [{ type: 'users', userIds: [owed.assignee.id] }];
  return owed.role ? [{ type: 'role', role: owed.role, bureauCode: owed.bureauCode }] : [];
}

function clusterLink(cluster: ClusterRef): string {
  return `/api/v1/fiscal-years/${cluster.fiscalYear}/clusters/${cluster.clusterNo}`;
}

function dueLine(deadline: Deadline): string {
  const provisional = deadline.provisional ? `（暫定: ${deadline.meetingName}の日程が${deadline.meetingDateLabel}と未確定のため、その初日を基準にしています）` : '';
  return `期限: ${formatTokyoDateTime(deadline.dueAt)}（日本時間）${provisional}`;
}

/** The message of a reminder or an escalation, in Japanese, with the cluster, the action owed and the due date. */
export function noticeRequest(cluster: ClusterRef, notice: PlannedNotice, now: string): NotificationRequest {
  const action = OWED_ACTION_LABELS[notice.owed.action];
  const what = `No.${cluster.clusterNo} ${cluster.clusterName}「${notice.owed.reportLabel}」の${action}`;
  const escalation = notice.kind === NotificationKind.Escalation;
  const step = notice.owed.stepLabel ? `（${notice.owed.stepLabel}の段階）` : '';
  return {
    key: notice.key,
    kind: notice.kind,
    recipients: escalation
      ? [
          { type: 'role', role: Role.Director, bureauCode: cluster.owningBureauCode },
          { type: 'role', role: Role.ReformOffice, bureauCode: null },
        ]
      : ownersOf(notice.owed),
    excludedUserIds: escalation ? [] : notice.owed.excludedUserIds,
    subject: escalation
      ? `【期限超過】${what}が期限（${formatTokyoDateTime(notice.deadline.dueAt)}）を過ぎています`
      : `【期限前のお知らせ】${what}の期限は${formatTokyoDateTime(notice.deadline.dueAt)}です`,
    body: [
      escalation ? `次の対応が期限を過ぎても完了していません${step}。` : `次の対応をお願いします${step}。`,
      `事業群: No.${cluster.clusterNo} ${cluster.clusterName}（${fiscalYearLabel(cluster.fiscalYear)}）`,
      `報告書: ${notice.owed.reportLabel}`,
      `必要な対応: ${action}`,
      dueLine(notice.deadline),
      `対象の会議: ${notice.deadline.meetingName}（${notice.deadline.meetingDateLabel}）`,
    ].join('\n'),
    link: clusterLink(cluster),
    fiscalYear: cluster.fiscalYear,
    clusterNo: cluster.clusterNo,
    reportKind: notice.owed.reportKind,
    dueAt: notice.deadline.dueAt,
    createdAt: now,
  };
}

/**
 * Tells whoever owes an item that its deadline moved with its meeting. `changeId` names the calendar
 * change, so a meeting moved away and back again is announced both times.
 */
export function deadlineMovedRequest(cluster: ClusterRef, owed: OwedAction, before: Deadline, after: Deadline, now: string, changeId?: string): NotificationRequest {
  const base = `deadline-moved/${cluster.fiscalYear}/${cluster.clusterNo}/${owed.reportKind}`;
  return {
    key: changeId ? `${base}/${changeId}` : `${base}/${after.dueAt}/${after.provisional ? 'provisional' : 'fixed'}`,
    kind: NotificationKind.DeadlineMoved,
    recipients: ownersOf(owed),
    excludedUserIds: owed.excludedUserIds,
    subject: `【期限の変更】No.${cluster.clusterNo} ${cluster.clusterName}「${owed.reportLabel}」の期限が${formatTokyoDateTime(after.dueAt)}になりました`,
    body: [
      `${after.meetingName}の日程が${after.meetingDateLabel}になったため、期限が変わりました。`,
      `事業群: No.${cluster.clusterNo} ${cluster.clusterName}（${fiscalYearLabel(cluster.fiscalYear)}）`,
      `報告書: ${owed.reportLabel}`,
      `必要な対応: ${OWED_ACTION_LABELS[owed.action]}`,
      `変更前の期限: ${formatTokyoDateTime(before.dueAt)}${before.provisional ? '（暫定）' : ''}`,
      `新しい${dueLine(after)}`,
    ].join('\n'),
    link: clusterLink(cluster),
    fiscalYear: cluster.fiscalYear,
    clusterNo: cluster.clusterNo,
    reportKind: owed.reportKind,
    dueAt: after.dueAt,
    createdAt: now,
  };
}
