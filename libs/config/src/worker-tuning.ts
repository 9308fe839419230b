import { Environment } from './environment';

/**
 * How much one worker takes on at once, from WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
 * WORKER_MAX_CONCURRENT_ACTIVITIES and WORKER_MAX_CACHED_WORKFLOWS, in the Temporal worker's own terms.
 */
export interface WorkerTuning {
  readonly maxConcurrentWorkflowTaskExecutions: number;
  readonly maxConcurrentActivityTaskExecutions: number;
  /** Unset: the Temporal SDK sizes the cache by the heap. */
  readonly maxCachedWorkflows?: number;
}

export function workerTuning(environment: Environment): WorkerTuning {
  return {
    maxConcurrentWorkflowTaskExecutions: environment.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: environment.WORKER_MAX_CONCURRENT_ACTIVITIES,
    ...(environment.WORKER_MAX_CACHED_WORKFLOWS !== undefined ? { maxCachedWorkflows: environment.WORKER_MAX_CACHED_WORKFLOWS } : {}),
  };
}
