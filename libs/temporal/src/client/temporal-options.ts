import type { TemporalConnectionSettings } from '@app/config';

/** Where the processes find Temporal, how they reach it and what they encrypt with; filled from the environment. */
export interface TemporalOptions extends TemporalConnectionSettings {
  readonly taskQueue: string;
  /**
   * How long one request may wait on Temporal (a Workflow Update or a start): past it the API answers
   * 503 with Retry-After instead of hanging while no worker polls or the server is frozen.
   */
  readonly requestTimeoutMs?: number;
}

export const DEFAULT_TEMPORAL_REQUEST_TIMEOUT_MS = 15_000;

/** Runs the calls of `work` under the request deadline of {@link TemporalOptions.requestTimeoutMs}. */
export function withinRequestDeadline<T>(client: { withDeadline<R>(deadline: number | Date, fn: () => Promise<R>): Promise<R> }, options: TemporalOptions, work: () => Promise<T>): Promise<T> {
  return client.withDeadline(Date.now() + (options.requestTimeoutMs ?? DEFAULT_TEMPORAL_REQUEST_TIMEOUT_MS), work);
}

export const TEMPORAL_OPTIONS = Symbol('TEMPORAL_OPTIONS');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
