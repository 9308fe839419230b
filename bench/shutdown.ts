interface Step {
  readonly name: string;
  readonly stop: () => Promise<void>;
  readonly timeoutMs: number;
}

/**
 * Stops what the benchmark started, newest first and exactly once: at the end of a run, after an
 * error, or on Ctrl-C / SIGTERM, so no PostgreSQL, Temporal or worker outlives it.
 */
export class Shutdown {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;
  private signalName: string | undefined;

  constructor(private readonly say: (line: string) => void) {}

  /** The signal that ended the run, if one did. */
  get signal(): string | undefined {
    return this.signalName;
  }

  /** Registers something to stop; when stopping has already begun it is stopped at once. */
  add(name: string, stop: () => Promise<void>, timeoutMs = 30_000): void {
    const step = { name, stop, timeoutMs };
    if (this.running) void this.stopOne(step);
    else this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) await this.stopOne(step);
    })();
    return this.running;
  }

  /**
   * Ctrl-C, SIGTERM and SIGHUP stop everything, then end the process with the usual 128 + signal
   * code; an error nobody caught does the same with exit code 1.
   */
  handleSignalsAndCrashes(): void {
    const signals: [NodeJS.Signals, number][] = [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ];
    for (const [signal, code] of signals) {
      process.on(signal, () => {
        if (this.running) {
          this.say(`${signal}: still stopping the servers…`);
          return;
        }
        this.signalName = signal;
        this.say(`\n${signal}: stopping the API, the worker, Temporal and PostgreSQL…`);
        void this.run().finally(() => {
          this.say('Stopped.');
          process.exit(code);
        });
      });
    }
    const ignoredWhileStopping = new Set<string>();
    const crash = (error: unknown) => {
      if (this.running) {
        // Requests still in flight fail as their connections close; one line per kind is enough.
        const message = error instanceof Error ? error.message : String(error);
        if (!ignoredWhileStopping.has(message)) this.say(`  (while stopping: ${message})`);
        ignoredWhileStopping.add(message);
        return;
      }
      this.say(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void this.run().finally(() => process.exit(1));
    };
    process.on('uncaughtException', crash);
    process.on('unhandledRejection', crash);
  }

  private async stopOne(step: Step): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer after ${step.timeoutMs / 1000} s`)), step.timeoutMs);
    });
    try {
      await Promise.race([step.stop(), timeout]);
    } catch (error) {
      this.say(`  could not stop ${step.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
