import { condition, proxyActivities } from '@temporalio/workflow';
import {
  Actor,
  ClusterCase,
  ClusterRef,
  Deadline,
  deadlineMovedRequest,
  noticeRequest,
  NotificationRequest,
  owedActions,
  plannedNotices,
  scheduleAt,
} from '@app/domain';
import type { ClusterDeadlinesLoad, NotificationActivities } from '@app/temporal/contracts';
import { NextReminderTimer } from '../timing/next-reminder-timer';
import type { CalendarChange } from './cluster-lifecycle.messages';

const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  // A quick local write (inbox and outbox); e-mail and webhook go out in workflows of their own, so only
  // the database or Temporal being down can fail it, and then nothing else would move either.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface DeadlineMove {
  readonly target: string;
  readonly before: Deadline;
  readonly after: Deadline;
}

/** What the reminder loop needs of its cluster workflow. */
export interface ReminderHost {
  current(): { readonly state: ClusterCase; readonly deadlines: readonly Deadline[]; readonly reminderOffsets: readonly string[]; readonly version: number };
  /** True once the analysis is closed, or this run hands over to the next. */
  closed(): boolean;
  /** Keys of the notices already sent: kept by the host, so a new run (continue-as-new) sends none twice. */
  readonly sent: Set<string>;
  /** Keeps the next reminder's timer across wake-ups; analyses started before started one at every wake-up, as recorded. */
  readonly keepsTimer: boolean;
  /** Tells the owners of a moved deadline with the event that records the move; analyses started before sent each in an activity of its own after it. */
  readonly noticesWithEvent: boolean;
  hasCalendarChange(): boolean;
  nextCalendarChange(): CalendarChange | undefined;
  /** The deadlines after a change of the calendar: from the calendar the change carries, or loaded. */
  reload(change: CalendarChange): Promise<ClusterDeadlinesLoad>;
  /** Adopts reloaded deadlines and, when they differ, records the change in the audit trail and read model, with the notices it sends. */
  applyDeadlines(loaded: ClusterDeadlinesLoad, changedBy: Actor, moves: readonly DeadlineMove[], notices: readonly NotificationRequest[]): Promise<void>;
  /** Told when the loop starts and ends re-planning for a calendar change, which may take an activity. */
  replanning(busy: boolean): void;
}

const nowIso = () => new Date().toISOString();

function refOf(state: ClusterCase): ClusterRef {
  return { fiscalYear: state.fiscalYear, clusterNo: state.clusterNo, clusterName: state.clusterName, owningBureauCode: state.owningBureau.code };
}

export function deadlineMoves(before: readonly Deadline[], after: readonly Deadline[]): DeadlineMove[] {
  return after.flatMap((next) => {
    const previous = before.find((candidate) => candidate.target === next.target);
    const moved = previous && (previous.dueAt !== next.dueAt || previous.provisional !== next.provisional || previous.meetingId !== next.meetingId);
    return previous && moved ? [{ target: next.target, before: previous, after: next }] : [];
  });
}

/** Whether new deadlines differ from the old in anything, moves or not (a deadline added or dropped). */
export function deadlinesDiffer(before: readonly Deadline[], after: readonly Deadline[], moves: readonly DeadlineMove[]): boolean {
  return JSON.stringify(before) !== JSON.stringify(after) || moves.length > 0;
}

/** The notices telling whoever owes a report whose deadline moved, once per change. */
export function movedDeadlineNotices(state: ClusterCase, moves: readonly DeadlineMove[], changeId: string): NotificationRequest[] {
  return owedActions(state).flatMap((owed) => {
    const move = moves.find((candidate) => candidate.target === owed.reportKind);
    return move ? [deadlineMovedRequest(refOf(state), owed, move.before, move.after, nowIso(), changeId)] : [];
  });
}

/**
 * Sleeps on a durable timer until the next reminder or escalation of the cluster's open items is
 * due, sends it, and plans again; any change of the case or of the calendar wakes it to re-plan,
 * so a reminder planned for an old date is never sent and one that has newly come due goes out.
 * Each notice is sent at most once: its key is remembered in workflow state, and delivery is
 * idempotent by that key on the worker's side.
 */
export async function runReminders(host: ReminderHost): Promise<void> {
  const sent = host.sent;
  const timer = host.keepsTimer ? new NextReminderTimer() : null;
  while (!host.closed()) {
    if (host.hasCalendarChange()) {
      host.replanning(true);
      try {
        await replanForSignalledChange(host);
      } finally {
        host.replanning(false);
      }
      continue;
    }
    const { state, deadlines, reminderOffsets, version } = host.current();
    const ref = refOf(state);
    const schedule = scheduleAt(plannedNotices(ref, owedActions(state), deadlines, reminderOffsets), sent, nowIso());
    for (const notice of schedule.overtaken) sent.add(notice.key);
    for (const notice of schedule.due) {
      sent.add(notice.key);
      await deliverNotification(noticeRequest(ref, notice, nowIso()));
    }
    if (schedule.due.length > 0) continue;
    const woken = () => host.closed() || host.hasCalendarChange() || host.current().version !== version;
    if (timer) await timer.until(schedule.next?.at, woken);
    else if (schedule.next) await condition(woken, Math.max(1, Date.parse(schedule.next.at) - Date.now()));
    else await condition(woken);
  }
}

/** Re-plans for the calendar changes queued since the last (signalled by calendars started before, or carried from the last run): the latest counts. */
async function replanForSignalledChange(host: ReminderHost): Promise<void> {
  let change = host.nextCalendarChange() as CalendarChange;
  while (host.hasCalendarChange()) change = host.nextCalendarChange() as CalendarChange;
  const before = host.current().deadlines;
  const loaded = await host.reload(change);
  const moves = deadlineMoves(before, loaded.deadlines);
  const changed = deadlinesDiffer(before, loaded.deadlines, moves);
  if (host.noticesWithEvent) {
    if (changed) await host.applyDeadlines(loaded, change.changedBy, moves, movedDeadlineNotices(host.current().state, moves, change.changeId));
  } else {
    if (changed) await host.applyDeadlines(loaded, change.changedBy, moves, []);
    for (const notice of movedDeadlineNotices(host.current().state, moves, change.changeId)) await deliverNotification(notice);
  }
}
