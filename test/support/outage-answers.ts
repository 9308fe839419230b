import { RefusalCode } from '@app/domain';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { expectProblem } from './problem-details';

export interface TimedAnswer {
  readonly response: request.Response;
  readonly ms: number;
}

/** Sends a request and measures how long its answer took. */
export async function timed(send: () => request.Test): Promise<TimedAnswer> {
  const started = performance.now();
  const response = await send();
  return { response, ms: performance.now() - started };
}

/** Expects 503 with `code` and `Retry-After`, answered within `withinMs`: the outage is told, not waited out. */
export function expectUnavailable({ response, ms }: TimedAnswer, code: RefusalCode, withinMs: number): void {
  expectProblem(response, 503, code);
  expect(response.headers['retry-after']).toBe('5');
  expect(ms).toBeLessThan(withinMs);
}

export interface Retried {
  /** The first answer that is not one of the passing refusals. */
  readonly response: request.Response;
  /** The passing refusals before it, by code. */
  readonly refused: Partial<Record<RefusalCode, number>>;
  readonly ms: number;
}

/** What a client is told to come back later for: the outage (503 with Retry-After), or its own earlier request still holding the key. */
export type PassingRefusal = 'temporal.unavailable' | 'database.unavailable' | 'idempotency.in-progress';

/**
 * Sends the same request again (the caller's `send` carries its Idempotency-Key), as a client would,
 * while it answers one of the passing refusals, each within `withinMs`; returns the first other answer.
 */
export async function retryWhileRefused(send: () => request.Test, passing: readonly PassingRefusal[], withinMs: number, timeoutMs = 60_000): Promise<Retried> {
  const started = performance.now();
  const refused: Partial<Record<RefusalCode, number>> = {};
  for (;;) {
    const answer = await timed(send);
    const code = answer.response.body?.code as RefusalCode | undefined;
    if (!code || !passing.includes(code as PassingRefusal)) return { response: answer.response, refused, ms: performance.now() - started };
    if (code === 'idempotency.in-progress') expectProblem(answer.response, 409, code);
    else expectUnavailable(answer, code, withinMs);
    expect(answer.ms).toBeLessThan(withinMs);
    refused[code] = (refused[code] ?? 0) + 1;
    if (performance.now() - started > timeoutMs) throw new Error(`still refused (${code}) after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
