import { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { eventually } from './worker-harness';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * A timer starts when its workflow task completes, a little after the workflow computed it, so a
 * timer meant for a moment fires slightly after it; anything firing this soon after counts as due then.
 */
const TIMER_LATENESS_MS = 5_000;

/** What keeps a workflow from having acted on everything due by `moment`; empty once it has. */
export function unfinishedBy(events: readonly HistoryEvent[], moment: number): string[] {
  const at = (event: HistoryEvent) => tsToMs(event.eventTime);
  const unfinished: string[] = [];
  const closedActivities = new Set(
    events.flatMap((event) => {
      const closing = event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes ?? event.activityTaskCanceledEventAttributes;
      return closing ? [Number(closing.scheduledEventId)] : [];
    }),
  );
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled && !closedActivities.has(Number(event.eventId))) unfinished.push(`activity ${scheduled.activityType?.name} running`);
  }
  const closedTimers = new Set(events.flatMap((event) => [event.timerFiredEventAttributes?.timerId, event.timerCanceledEventAttributes?.timerId].filter(Boolean)));
  for (const event of events) {
    const timer = event.timerStartedEventAttributes;
    if (timer && !closedTimers.has(timer.timerId) && at(event) + tsToMs(timer.startToFireTimeout) <= moment + TIMER_LATENESS_MS) unfinished.push(`timer ${timer.timerId} not fired yet`);
  }
  const workflowTasks = events.filter((event) => event.eventType! >= EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED && event.eventType! <= EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
  const last = workflowTasks.at(-1);
  if (last && last.eventType !== EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) unfinished.push('workflow task pending');
  const startedSince = workflowTasks.some((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED && at(event) >= moment);
  const closed = events.some((event) => event.workflowExecutionCompletedEventAttributes || event.workflowExecutionTerminatedEventAttributes);
  if (!startedSince && !closed) unfinished.push('no workflow task since the moment');
  return unfinished;
}

/**
 * Waits until the workflow has acted on everything due by `moment`, as its history shows: every
 * timer due by then has fired, a workflow task has run since, and no activity is still running.
 * A check that something was not sent at that moment is meaningful only after this.
 */
export async function actedOnEverythingDueBy(client: Client, workflowId: string, moment: number, timeoutMs = 30_000): Promise<void> {
  await eventually(async () => {
    const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
    expect(unfinishedBy(events ?? [], moment)).toEqual([]);
  }, timeoutMs);
}

/** Waits until a timer of the workflow has fired at or after `moment`, whether or not a worker was there to act on it. */
export async function timerFiredSince(client: Client, workflowId: string, moment: number, timeoutMs = 30_000): Promise<void> {
  await eventually(async () => {
    const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
    expect((events ?? []).filter((event) => event.timerFiredEventAttributes).map((event) => tsToMs(event.eventTime) >= moment)).toContain(true);
  }, timeoutMs);
}
