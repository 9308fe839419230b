import { fiscalYearLabel } from '../fiscal-year';
import { NotificationKind, NotificationRequest } from '../notifications/notification';
import { Role } from '../roles';
import { Deadline } from './deadlines';
import { durationMs } from './durations';
import { TimedNotice } from './reminder-plan';
import { formatTokyoDateTime } from './japanese-era-dates';

/**
 * The reform office owes the kickoff of every cluster flagged for this year's analysis: it is
 * reminded before the kickoff deadline, once for all clusters still not kicked off, and told when
 * the deadline passes with some left.
 */
export function kickoffNotices(fiscalYear: number, deadline: Deadline, offsets: readonly string[]): TimedNotice[] {
  const base = `kickoff/${fiscalYear}/${deadline.dueAt}`;
  const dueMs = Date.parse(deadline.dueAt);
  const reminders = offsets.flatMap((offset): TimedNotice[] => {
    const ms = durationMs(offset);
    return ms === undefined ? [] : [{ key: `reminder/${base}/${offset}`, kind: NotificationKind.Reminder, at: new Date(dueMs - ms).toISOString(), deadline }];
  });
  return [...reminders, { key: `escalation/${base}`, kind: NotificationKind.Escalation, at: deadline.dueAt, deadline }];
}

export interface PendingKickoff {
  readonly no: number;
  readonly name: string;
}

/** The message for the reform office, listing the clusters still to kick off; null when none are left. */
export function kickoffReminderRequest(fiscalYear: number, notice: TimedNotice, pending: readonly PendingKickoff[], now: string): NotificationRequest | null {
  if (pending.length === 0) return null;
  const escalation = notice.kind === NotificationKind.Escalation;
  const due = formatTokyoDateTime(notice.deadline.dueAt);
  return {
    key: notice.key,
    kind: notice.kind,
    recipients: [{ type: 'role', role: Role.ReformOffice, bureauCode: null }],
    excludedUserIds: [],
    subject: escalation
      ? `【期限超過】${fiscalYearLabel(fiscalYear)}の経営分析に未着手の事業群が${pending.length}件あります（期限 ${due}）`
      : `【期限前のお知らせ】${fiscalYearLabel(fiscalYear)}の経営分析の着手期限は${due}です（未着手 ${pending.length}件）`,
    body: [
      escalation ? '着手の期限を過ぎても、次の事業群の経営分析に着手していません。' : '次の事業群の経営分析への着手をお願いします。',
      `期限: ${due}（日本時間）／${notice.deadline.meetingName}（${notice.deadline.meetingDateLabel}）`,
      ...pending.map((cluster) => `・No.${cluster.no} ${cluster.name}`),
    ].join('\n'),
    link: `/api/v1/fiscal-years/${fiscalYear}/clusters?stage=NOT_STARTED&analysed=true`,
    fiscalYear,
    clusterNo: null,
    reportKind: null,
    dueAt: notice.deadline.dueAt,
    createdAt: now,
  };
}
