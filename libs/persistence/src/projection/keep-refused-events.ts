import { LoggerService } from '@nestjs/common';
import { isDeterministicSqlFailure } from '../sql/sql-state';
import { ClusterLifecycleEvent } from '@app/domain';
import { ClusterEventRepository, UnprojectableEventError } from '../repositories/cluster-event.repository';

/** The read model's writer of one kind of workflow event. */
export interface EventProjection<E extends { readonly eventId: string; readonly action: string }> {
  apply(event: E): Promise<unknown>;
  recordFailure(event: E, problem: string): Promise<void>;
}

/**
 * Records a workflow's event in the read model. An event it cannot take, and would not take on a
 * retry either, is logged and kept for admins, and its problem answered, so whoever recorded it can
 * say so and the process goes on; any other error (an outage) is thrown, to be tried again.
 */
export async function applyOrKeepForAdmins<E extends { readonly eventId: string; readonly action: string }>(
  projection: EventProjection<E>,
  event: E,
  logger: LoggerService,
): Promise<string | null> {
  try {
    await projection.apply(event);
    return null;
  } catch (error) {
    if (!(error instanceof UnprojectableEventError) && !isDeterministicSqlFailure(error)) throw error;
    const problem = error instanceof Error ? error.message : String(error);
    logger.error(`read model could not take event ${event.eventId} (${event.action}): ${problem}`);
    await projection.recordFailure(event, problem);
    return problem;
  }
}

/**
 * Records those of `answered` (events a workflow answered to its callers instead of recording them)
 * that the audit trail lacks, in order, each as `applyOrKeepForAdmins` does: a caller may have died
 * before recording them, and each later event carries only its own change.
 */
export async function applyUnrecorded(events: ClusterEventRepository, answered: readonly ClusterLifecycleEvent[], logger: LoggerService): Promise<void> {
  for (const event of await events.unrecorded(answered)) await applyOrKeepForAdmins(events, event, logger);
}
