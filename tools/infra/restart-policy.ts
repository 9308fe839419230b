/** When a part of the system that died is started again, and when trying stops. */
export interface RestartSettings {
  /** Pause before the first restart; each further one in a row doubles it. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A part that stayed up this long before it died starts again from the initial pause. */
  readonly stableAfterMs: number;
  /** This many failures (deaths or failed restarts) within the window end the trying. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const DEFAULT_RESTART_SETTINGS: RestartSettings = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxFailures: 5,
  windowMs: 5 * 60_000,
};

export type RestartDecision = { readonly giveUp: false; readonly delayMs: number } | { readonly giveUp: true; readonly failures: number; readonly windowMs: number };

/** Backoff for one restartable part: pure, fed with the times of its failures. */
export class RestartPolicy {
  private failureTimes: number[] = [];
  private failuresInARow = 0;

  constructor(private readonly settings: RestartSettings = DEFAULT_RESTART_SETTINGS) {}

  /**
   * Records a failure at `now`. `upSince` is when the run that ended had started, or undefined when
   * it never came up (a restart that failed).
   */
  failed(now: number, upSince?: number): RestartDecision {
    const { initialDelayMs, maxDelayMs, stableAfterMs, maxFailures, windowMs } = this.settings;
    if (upSince !== undefined && now - upSince >= stableAfterMs) this.failuresInARow = 0;
    this.failuresInARow += 1;
    this.failureTimes = [...this.failureTimes.filter((time) => now - time < windowMs), now];
    if (this.failureTimes.length >= maxFailures) return { giveUp: true, failures: this.failureTimes.length, windowMs };
    return { giveUp: false, delayMs: Math.min(initialDelayMs * 2 ** (this.failuresInARow - 1), maxDelayMs) };
  }
}
