import { PROJECTION_FAILED_FAILURE_TYPE } from '@app/domain';
import { isDeterministicSqlFailure, UnprojectableEventError } from '@app/persistence';
import { LoggerService } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';

/** The read model's writer of one kind of workflow event. */
export interface EventProjection<E extends { readonly eventId: string; readonly action: string }> {
  apply(event: E): Promise<unknown>;
  recordFailure(event: E, problem: string): Promise<void>;
}

/**
 * Records a workflow's event in the read model. An event it cannot take, and would not take on a
 * retry either, is logged, kept for admins and answered with the failure that ends the activity
 * without retries, so the workflow's later actions go on; any other error is thrown, to be retried.
 */
export async function projectEvent<E extends { readonly eventId: string; readonly action: string }>(
  projection: EventProjection<E>,
  event: E,
  logger: LoggerService,
): Promise<ApplicationFailure | null> {
  try {
    await projection.apply(event);
    return null;
  } catch (error) {
    if (!(error instanceof UnprojectableEventError) && !isDeterministicSqlFailure(error)) throw error;
    const problem = error instanceof Error ? error.message : String(error);
    logger.error(`read model could not take event ${event.eventId} (${event.action}): ${problem}`);
    await projection.recordFailure(event, problem);
    return ApplicationFailure.nonRetryable(`読み取りモデルに反映できない事象です（${event.eventId}）: ${problem}`, PROJECTION_FAILED_FAILURE_TYPE);
  }
}
