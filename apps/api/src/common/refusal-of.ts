import { isRefusal, Refusal, RefusedError, REFUSED_FAILURE_TYPE } from '@app/domain';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/** The refusal an error carries, whether thrown in this process or by a workflow refusing an Update. */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof RefusedError) return error.refusal;
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== REFUSED_FAILURE_TYPE) return null;
  const detail: unknown = cause.details?.[0];
  return isRefusal(detail) ? detail : { code: 'request.invalid', message: cause.message };
}

/** Adds what the refused thing looks like now, for clients that lost a race. */
export function withCurrent(refusal: Refusal, current: Readonly<Record<string, unknown>> | null): RefusedError {
  return new RefusedError(current ? { ...refusal, current } : refusal);
}
