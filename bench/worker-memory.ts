import type { Client } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** The worker process's memory and how many workflows its cache holds. */
export interface MemorySample {
  /** Resident set of the worker's process: its workflow thread and its Rust core included. */
  readonly rssBytes: number;
  /** Workflows running on its task queue, as many as its cache holds at most: each has had a task on this one worker. */
  readonly cachedWorkflows: number;
}

/**
 * Lets the worker settle (its last tasks done, some garbage collected), then reads its resident set
 * from /proc and counts the task queue's running workflows. What the workflow thread holds as garbage
 * counts too: an upper bound, not a precise figure.
 */
export async function sampleMemory(pid: number, temporal: Client, taskQueue: string, cacheLimit: number): Promise<MemorySample> {
  await delay(3_000);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKiB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(rssKiB)) throw new Error(`no VmRSS in /proc/${pid}/status`);
  const { count } = await temporal.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`);
  return { rssBytes: rssKiB * 1024, cachedWorkflows: Math.min(count, cacheLimit) };
}
