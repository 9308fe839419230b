import { DEFAULT_RESTART_SETTINGS, RestartPolicy, RestartSettings } from './restart-policy';

/** One run of a part of the system (a process, a server). */
export interface Run {
  /** Settles once the run has ended by itself, with how it ended: "killed by SIGKILL", "exit code 1". */
  readonly ended: Promise<string>;
  /** Ends the run and waits until it has ended; does nothing when it already has. */
  stop(): Promise<void>;
}

export interface SupervisedPart {
  /** How messages name it: "The worker", "PostgreSQL". */
  readonly label: string;
  /** Starts one run; throws when it cannot. */
  start(): Promise<Run>;
}

export interface SupervisorEvents {
  /** One line for the person watching. */
  say(line: string): void;
  /** A restart came up. */
  restarted?(run: Run): void;
  /** The part kept failing and is no longer restarted; `reason` says so in a sentence. */
  gaveUp(reason: string): void;
}

/**
 * Keeps a part running: when a run ends by itself, starts another after a pause that grows while
 * restarts keep failing, and gives up (telling why) when they fail too often. The first start is
 * the caller's: its failure is a failed start-up, not something to retry.
 */
export class Supervisor {
  private readonly policy: RestartPolicy;
  private current: Run;
  private starting: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private wake: () => void = () => {};

  private constructor(
    private readonly part: SupervisedPart,
    private readonly events: SupervisorEvents,
    first: Run,
    settings: RestartSettings,
    private readonly clock: () => number,
  ) {
    this.policy = new RestartPolicy(settings);
    this.current = first;
    this.follow(first, clock());
  }

  static async start(part: SupervisedPart, events: SupervisorEvents, settings = DEFAULT_RESTART_SETTINGS, clock = Date.now): Promise<Supervisor> {
    return new Supervisor(part, events, await part.start(), settings, clock);
  }

  /** Stops restarting, then ends the current run. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.starting.catch(() => undefined);
    await this.current.stop();
  }

  private follow(run: Run, upSince: number): void {
    void run.ended.then((how) => {
      if (!this.stopped && run === this.current) this.starting = this.recover(`stopped unexpectedly (${how})`, upSince);
    });
  }

  private async recover(failure: string, upSince: number | undefined): Promise<void> {
    for (;;) {
      const decision = this.policy.failed(this.clock(), upSince);
      if (decision.giveUp) {
        const minutes = Math.round(decision.windowMs / 60_000);
        this.events.gaveUp(`${this.part.label} failed ${decision.failures} times within ${minutes} minutes (last: ${failure})`);
        return;
      }
      this.events.say(`${this.part.label} ${failure}: restarting it in ${Math.round(decision.delayMs / 1000)} s`);
      await this.pause(decision.delayMs);
      if (this.stopped) return;
      try {
        const run = await this.part.start();
        this.current = run;
        if (this.stopped) return void (await run.stop());
        this.events.restarted?.(run);
        this.follow(run, this.clock());
        return;
      } catch (error) {
        failure = `did not start again (${error instanceof Error ? error.message : String(error)})`;
        upSince = undefined;
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
