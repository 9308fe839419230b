import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { retryUnlessRefused } from '../api/api-problem';
import { newIdempotencyKey } from '../api/idempotency-key';

export interface ActionOptions<TInput, TResult> {
  /** The call, given the key of this one intent; every retry of the intent passes the same key. */
  readonly act: (input: TInput, idempotencyKey: string) => Promise<TResult>;
  /** What the answer (or a 409's news that the state moved) makes stale. */
  readonly refreshes: readonly QueryKey[];
  readonly onDone?: (result: TResult, input: TInput) => void;
}

/**
 * One thing a person does (保存, 提出, 承認, …). `run` makes a new Idempotency-Key for the intent;
 * the automatic retries and `retry` (the 再試行 button after a 503) reuse it, so however often the
 * request is repeated the engine acts once. After any answer, success or refusal, the page's data is
 * fetched again, so a 409 shows the state that refused it.
 */
export function useAction<TInput, TResult = unknown>({ act, refreshes, onDone }: ActionOptions<TInput, TResult>) {
  const client = useQueryClient();
  const lastIntent = useRef<{ input: TInput; key: string } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ input, key }: { input: TInput; key: string }) => act(input, key),
    retry: retryUnlessRefused,
    retryDelay: (attempt) => 500 * 2 ** attempt,
    onSuccess: (result, { input }) => onDone?.(result, input),
    onSettled: () => Promise.all(refreshes.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
  const send = (intent: { input: TInput; key: string }) => {
    lastIntent.current = intent;
    mutation.mutate(intent);
  };
  return {
    run: (input: TInput) => send({ input, key: newIdempotencyKey() }),
    /** The same intent again, with the same key: the engine answers it once either way. */
    retry: () => lastIntent.current && send(lastIntent.current),
    reset: mutation.reset,
    pending: mutation.isPending,
    succeeded: mutation.isSuccess,
    problem: mutation.error,
  };
}

export type Action<TInput, TResult = unknown> = ReturnType<typeof useAction<TInput, TResult>>;
