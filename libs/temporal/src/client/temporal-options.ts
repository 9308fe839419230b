/** Where the processes find Temporal; filled from the environment. */
export interface TemporalOptions {
  readonly address: string;
  readonly namespace: string;
  readonly taskQueue: string;
}

export const TEMPORAL_OPTIONS = Symbol('TEMPORAL_OPTIONS');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
