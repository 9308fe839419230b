import type { Worker } from '@temporalio/worker';
import { setTimeout as delay } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The process's memory and how many workflows the engine's worker holds in its cache. */
export interface MemorySample {
  /** Resident set of the whole process: the worker's workflow thread and its Rust core included. */
  readonly rssBytes: number;
  /** The main thread's V8 heap, after a full collection. */
  readonly heapUsedBytes: number;
  readonly cachedWorkflows: number;
}

/**
 * Waits until the worker has nothing in flight (at most 30 s), collects the main thread's garbage,
 * then reads the process's memory. The workflow thread's heap cannot be collected from here, so
 * what it holds as garbage counts too: an upper bound, not a precise figure.
 */
export async function sampleMemory(worker: Worker): Promise<MemorySample> {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const status = worker.getStatus();
    if (status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0) break;
    await delay(200);
  }
  const gc = collector();
  gc();
  await delay(100);
  gc();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, cachedWorkflows: worker.getStatus().numCachedWorkflows };
}

/** Node's own garbage collector, made callable without starting the process with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
