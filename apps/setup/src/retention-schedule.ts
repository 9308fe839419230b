import { retentionScheduleId } from '@app/temporal';
import { retentionWorkflow } from '@app/workflows';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, ScheduleUpdateOptions } from '@temporalio/client';

/** Rows each retention statement deletes at most. */
export const RETENTION_BATCH_SIZE = 1000;

/**
 * The deployment's retention schedule as it should be: every night at 03:15 Tokyo time, a
 * `retentionWorkflow` on the task queue, never two at once. Created when missing, brought to this
 * shape when present, so set-up may run any number of times (and its arguments are encrypted afresh
 * with the current payload key each time).
 */
export async function ensureRetentionSchedule(client: Client, taskQueue: string): Promise<'created' | 'updated'> {
  const scheduleId = retentionScheduleId(taskQueue);
  const desired: ScheduleUpdateOptions = {
    spec: { calendars: [{ hour: 3, minute: 15 }], timezone: 'Asia/Tokyo' },
    action: { type: 'startWorkflow', workflowType: retentionWorkflow, workflowId: scheduleId, taskQueue, args: [{ batchSize: RETENTION_BATCH_SIZE }] },
    // A night missed while the system was down is made up once, within a day; a run still going is not doubled.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    state: { note: 'retention rules: idempotency records, read notifications, delivery records' },
  };
  try {
    await client.schedule.create({ scheduleId, ...desired });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update(() => desired);
    return 'updated';
  }
}
