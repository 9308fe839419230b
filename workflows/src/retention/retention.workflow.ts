import { proxyActivities } from '@temporalio/workflow';
import { RETENTION_TARGETS, type RetentionActivities, type RetentionInput, type RetentionResult, type RetentionTarget } from '@app/temporal/contracts';

const { pruneExpired } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '5 minutes',
  // The next scheduled run picks up whatever a run could not finish.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5 },
});

/** A run deletes at most this many batches per target (a million rows by default); the next run goes on. */
export const MAX_BATCHES_PER_TARGET = 1000;

/**
 * One run of the retention rules, started by its Temporal Schedule: idempotency records, read
 * notifications and finished delivery records past their retention are deleted in bounded batches,
 * one target after the other, until a batch comes back short.
 */
export async function retentionWorkflow(input: RetentionInput): Promise<RetentionResult> {
  const pruned = zeroes();
  const batches = zeroes();
  for (const target of RETENTION_TARGETS) {
    while (batches[target] < MAX_BATCHES_PER_TARGET) {
      const deleted = await pruneExpired(target, input.batchSize);
      pruned[target] += deleted;
      batches[target] += 1;
      if (deleted < input.batchSize) break;
    }
  }
  return { pruned, batches };
}

function zeroes(): Record<RetentionTarget, number> {
  return { idempotentRequests: 0, readNotifications: 0, notificationDeliveries: 0 };
}
