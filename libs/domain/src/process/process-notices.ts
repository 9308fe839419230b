import { Actor } from '../lifecycle/actor';
import { fiscalYearLabel } from '../fiscal-year';
import { Role } from '../roles';
import { durationMs } from '../calendar/durations';
import { formatTokyoDateTime } from '../calendar/japanese-era-dates';
import { TimedNotice } from '../calendar/reminder-plan';
import { NotificationKind, NotificationRequest, RecipientRule } from '../notifications/notification';
import { ProcessDeadline } from './process-deadlines';

/** Something somebody owes in a process, due by one of its deadlines. */
export interface ProcessOwed {
  /** The deadline it is due by. */
  readonly target: string;
  /** Names the item among the process's owed items, for the notice key: proposal, decision, policy/kankyo. */
  readonly item: string;
  /** In Japanese, what is owed: 「課題と対応策」の作成・提出. */
  readonly what: string;
  /** Who owes it: named users, or the holders of a role (in a bureau). */
  readonly owners: readonly RecipientRule[];
  /** Who a role rule would include but must not be asked (authors, deciders of an earlier step). */
  readonly excludedUserIds: readonly string[];
  /** Who hears of it once it is late. */
  readonly escalateTo: readonly RecipientRule[];
}

export type ProcessNotice = TimedNotice<ProcessDeadline> & { readonly owed: ProcessOwed };

/** What a process's notices say of it: its name in messages and where it is read. */
export interface ProcessNoticeContext {
  readonly fiscalYear: number;
  /** Unique among processes: x-policy/2024/kankyo. */
  readonly keyPrefix: string;
  /** In Japanese, the process instance: 環境局の局区X方針. */
  readonly name: string;
  /** API path of its detail. */
  readonly link: string;
}

/** Every reminder (at each offset before the deadline) and the escalation (at it) of the owed items. */
export function processNotices(context: ProcessNoticeContext, owed: readonly ProcessOwed[], deadlines: readonly ProcessDeadline[], offsets: readonly string[]): ProcessNotice[] {
  return owed.flatMap((item) => {
    const deadline = deadlines.find((candidate) => candidate.target === item.target);
    if (!deadline) return [];
    const base = `${context.keyPrefix}/${item.item}/${deadline.dueAt}`;
    const dueMs = Date.parse(deadline.dueAt);
    const reminders = offsets.flatMap((offset): ProcessNotice[] => {
      const ms = durationMs(offset);
      return ms === undefined ? [] : [{ key: `reminder/${base}/${offset}`, kind: NotificationKind.Reminder, at: new Date(dueMs - ms).toISOString(), deadline, owed: item }];
    });
    return [...reminders, { key: `escalation/${base}`, kind: NotificationKind.Escalation, at: deadline.dueAt, deadline, owed: item }];
  });
}

/** The holders of a role in a bureau (or programme-wide), or one person: who owes a step. */
export function ownersOfStep(step: { readonly role: Role | null; readonly bureauCode: string | null; readonly person?: Actor | null; readonly delegatedTo: Actor | null }): RecipientRule[] {
  const person = step.delegatedTo ?? step.person ?? null;
  if (person?.id) return [{ type: 'users', userIds: [person.id] }];
  return step.role ? [{ type: 'role', role: step.role, bureauCode: step.bureauCode }] : [];
}

/** The message of a process's reminder or escalation, in Japanese, with the item owed and the due date. */
export function processNoticeRequest(context: ProcessNoticeContext, notice: ProcessNotice, now: string): NotificationRequest {
  const escalation = notice.kind === NotificationKind.Escalation;
  const due = formatTokyoDateTime(notice.deadline.dueAt);
  const meeting = notice.deadline.meeting ? `（${notice.deadline.meeting.name}（${notice.deadline.meeting.dateLabel}）に向けて${notice.deadline.provisional ? '、暫定' : ''}）` : '';
  return {
    key: notice.key,
    kind: notice.kind,
    recipients: escalation ? notice.owed.escalateTo : notice.owed.owners,
    excludedUserIds: escalation ? [] : notice.owed.excludedUserIds,
    subject: escalation ? `【期限超過】${context.name}: ${notice.owed.what}が期限（${due}）を過ぎています` : `【期限前のお知らせ】${context.name}: ${notice.owed.what}の期限は${due}です`,
    body: [
      escalation ? '次の対応が期限を過ぎても完了していません。' : '次の対応をお願いします。',
      `対象: ${context.name}（${fiscalYearLabel(context.fiscalYear)}）`,
      `必要な対応: ${notice.owed.what}`,
      `期限: ${due}（日本時間）${meeting}`,
    ].join('\n'),
    link: context.link,
    fiscalYear: context.fiscalYear,
    clusterNo: null,
    reportKind: null,
    dueAt: notice.deadline.dueAt,
    createdAt: now,
  };
}

/** Whether the user is among those who owe the item now (and not one who must not be asked). */
export function owesProcessItem(owed: ProcessOwed, user: { readonly id: string; readonly roles: readonly Role[]; readonly bureauCode: string | null }): boolean {
  if (owed.excludedUserIds.includes(user.id)) return false;
  return owed.owners.some((owner) =>
    owner.type === 'users' ? owner.userIds.includes(user.id) : user.roles.includes(owner.role) && (owner.bureauCode === null || owner.bureauCode === user.bureauCode),
  );
}
