import { msNumberToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { unfinishedBy } from './workflow-progress';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const MOMENT = Date.parse('2040-07-22T08:00:00Z');
let eventId = 0;
// fromObject turns plain numbers into the Long ids and timestamps the server sends.
const event = (at: number, fields: Record<string, unknown>): HistoryEvent => temporal.api.history.v1.HistoryEvent.fromObject({ eventId: ++eventId, eventTime: msNumberToTs(at), ...fields });
const workflowTask = (at: number): HistoryEvent[] => [
  event(at, { eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, workflowTaskScheduledEventAttributes: {} }),
  event(at, { eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, workflowTaskStartedEventAttributes: {} }),
  event(at + 10, { eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, workflowTaskCompletedEventAttributes: {} }),
];
const timer = (at: number, id: string, fireAfterMs: number) =>
  event(at, { eventType: EventType.EVENT_TYPE_TIMER_STARTED, timerStartedEventAttributes: { timerId: id, startToFireTimeout: msNumberToTs(fireAfterMs) } });
const fired = (at: number, id: string) => event(at, { eventType: EventType.EVENT_TYPE_TIMER_FIRED, timerFiredEventAttributes: { timerId: id } });

describe('whether a workflow has acted on everything due by a moment', () => {
  const start = MOMENT - 60_000;

  it('has when the timer for the moment fired, a task ran after it and nothing is running', () => {
    const history = [...workflowTask(start), timer(start + 10, '1', 60_000), fired(MOMENT + 20, '1'), ...workflowTask(MOMENT + 20), timer(MOMENT + 30, '2', 3_600_000)];
    expect(unfinishedBy(history, MOMENT)).toEqual([]);
  });

  it('has not while a timer due by then has not fired, even slightly late', () => {
    expect(unfinishedBy([...workflowTask(start), timer(start + 10, '1', 60_000)], MOMENT)).toEqual(['timer 1 not fired yet', 'no workflow task since the moment']);
    expect(unfinishedBy([...workflowTask(MOMENT + 1), timer(MOMENT + 1, '1', 500)], MOMENT)).toEqual(['timer 1 not fired yet']);
  });

  it('has not while the task the timer caused is pending or an activity it scheduled is running', () => {
    const fires = [...workflowTask(start), timer(start + 10, '1', 60_000), fired(MOMENT + 20, '1')];
    const pending = event(MOMENT + 20, { eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, workflowTaskScheduledEventAttributes: {} });
    expect(unfinishedBy([...fires, pending], MOMENT)).toEqual(['workflow task pending', 'no workflow task since the moment']);
    const activity = event(MOMENT + 40, { eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, activityTaskScheduledEventAttributes: { activityType: { name: 'deliverNotification' } } });
    expect(unfinishedBy([...fires, ...workflowTask(MOMENT + 20), activity], MOMENT)).toEqual(['activity deliverNotification running']);
    const done = event(MOMENT + 50, { eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, activityTaskCompletedEventAttributes: { scheduledEventId: activity.eventId } });
    expect(unfinishedBy([...fires, ...workflowTask(MOMENT + 20), activity, done, ...workflowTask(MOMENT + 60)], MOMENT)).toEqual([]);
  });
});
