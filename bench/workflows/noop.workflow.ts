import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/** Shaped like the engine's Updates: one argument in, a small outcome out, so the payloads cost the same. */
export interface NoopOutcome {
  readonly stage: string;
  readonly seq: number;
}

export const noopUpdate = defineUpdate<NoopOutcome, [unknown]>('noop');
export const finishNoop = defineSignal('finishNoop');

/**
 * The benchmark's floor: a workflow whose Update does nothing and answers at once. Not part of the
 * engine's bundle; the benchmark bundles it at start and runs it on a worker of its own.
 */
export async function noopWorkflow(): Promise<void> {
  let seq = 0;
  let finished = false;
  setHandler(noopUpdate, () => ({ stage: 'NOOP', seq: (seq += 1) }));
  setHandler(finishNoop, () => {
    finished = true;
  });
  await condition(() => finished);
}
