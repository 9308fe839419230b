import { ChildProcess } from 'node:child_process';
import type { Run } from './supervisor';

export interface ProcessRunOptions {
  /** Asks the process to stop; `forceSignal` follows when it has not stopped after `graceMs`. */
  readonly stopSignal: NodeJS.Signals;
  readonly graceMs: number;
  readonly forceSignal?: NodeJS.Signals;
  /** The process's last words (such as its last error line), added to how it ended unless a signal ended it. */
  readonly lastWords?: () => string | undefined;
}

/** A run of a spawned process: which process, and whether it still runs. */
export type ProcessRun = Run & { readonly pid: number | undefined; readonly running: boolean };

/** A spawned process as a {@link Run}. */
export function processRun(child: ChildProcess, options: ProcessRunOptions): ProcessRun {
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A process that could not be spawned at all (a missing binary) reports an error and no exit.
    child.once('error', (error) => {
      spawnError = error;
      if (child.pid === undefined) resolve();
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  return {
    pid: child.pid,
    get running() {
      return running();
    },
    ended: exited.then(() => {
      if (child.pid === undefined) return `could not be started (${spawnError?.message ?? 'no process'})`;
      if (child.signalCode) return `killed by ${child.signalCode}`;
      const words = options.lastWords?.();
      return words ? `exit code ${child.exitCode}: ${words}` : `exit code ${child.exitCode}`;
    }),
    async stop() {
      if (!running()) return;
      child.kill(options.stopSignal);
      const force = setTimeout(() => child.kill(options.forceSignal ?? 'SIGKILL'), options.graceMs);
      await exited;
      clearTimeout(force);
    },
  };
}
