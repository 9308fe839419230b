import { PROJECTION_FAILED_FAILURE_TYPE } from '@app/domain';
import { applyOrKeepForAdmins, EventProjection } from '@app/persistence';
import { LoggerService } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Records a workflow's event in the read model from an activity. An event the read model cannot take
 * is kept for admins and answered with the failure that ends the activity without retries, so the
 * workflow's later actions go on; an outage is thrown, to be retried.
 */
export async function projectEvent<E extends { readonly eventId: string; readonly action: string }>(
  projection: EventProjection<E>,
  event: E,
  logger: LoggerService,
): Promise<ApplicationFailure | null> {
  const problem = await applyOrKeepForAdmins(projection, event, logger);
  return problem === null ? null : ApplicationFailure.nonRetryable(`読み取りモデルに反映できない事象です（${event.eventId}）: ${problem}`, PROJECTION_FAILED_FAILURE_TYPE);
}
