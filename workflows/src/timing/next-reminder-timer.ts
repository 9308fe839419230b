import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';

/**
 * The durable timer a reminder loop sleeps on until its next notice is due. An action that wakes the
 * loop but leaves the next notice where it was keeps the timer running, instead of cancelling it and
 * starting an equal one: two history events and two timer tasks less for every action on a process.
 */
export class NextReminderTimer {
  private at: string | null = null;
  private scope: CancellationScope | null = null;
  private fired: Promise<void> | null = null;

  /** Returns when `at` has come (no sooner than a millisecond from now) or, before that, when `woken` holds. */
  async until(at: string | undefined, woken: () => boolean): Promise<void> {
    if ((at ?? null) !== this.at) this.start(at ?? null);
    if (!this.fired) return condition(woken);
    await Promise.race([this.fired, condition(woken)]);
  }

  private start(at: string | null): void {
    this.scope?.cancel();
    this.at = at;
    this.scope = null;
    this.fired = null;
    if (at === null) return;
    const scope = new CancellationScope();
    const fired: Promise<void> = scope
      .run(() => sleep(Math.max(1, Date.parse(at) - Date.now())))
      .then(
        () => {
          // Spent: asked for the same time again, the loop gets a fresh timer rather than this resolved one.
          if (this.fired === fired) {
            this.at = null;
            this.scope = null;
            this.fired = null;
          }
        },
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
    this.scope = scope;
    this.fired = fired;
  }
}
