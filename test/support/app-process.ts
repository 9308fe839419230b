import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The launcher's lifeline: the app ends when this test process does, however it ends. */
const EXIT_WITH_PARENT = join(__dirname, '../../dist/tools/launcher/exit-with-launcher.js');
const START_TIMEOUT_MS = 60_000;

export interface AppProcess {
  readonly pid: number;
  /** The line it said it was ready with. */
  readonly readyLine: string;
  /** Ends it with SIGKILL, as a crash or the OOM killer would: no shutdown, no goodbye to Temporal or PostgreSQL. */
  kill(): Promise<void>;
  /** Asks it to stop (SIGTERM) and waits until it has. */
  stop(): Promise<void>;
}

/**
 * One of the apps as `npm start` runs it (`main`, a compiled `dist/apps/…/main.js`), in a Node process
 * of its own configured through its environment, tied to this process by the launcher's lifeline, and
 * ready once it prints a line containing `readyMessage`. Only a process of its own can be killed
 * outright without taking the test with it, and only separate processes show what replicas share.
 */
export async function startAppProcess(label: string, main: string, environment: Record<string, string>, readyMessage: string): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--require', EXIT_WITH_PARENT, main], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // The channel is only that lifeline: it must not keep the test process alive.
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lastLines: string[] = [];
  const ready = new Promise<string | null>((resolve) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        lastLines.push(line);
        lastLines.splice(0, lastLines.length - 20);
        if (line.includes(readyMessage)) resolve(line);
      });
    }
    void exited.then(() => resolve(null));
    setTimeout(() => resolve(null), START_TIMEOUT_MS).unref();
  });
  const readyLine = await ready;
  if (readyLine === null) {
    await stopProcess(child, exited, 'SIGKILL');
    throw new Error(`the ${label} process did not start:\n${lastLines.join('\n')}`);
  }
  return {
    pid: child.pid!,
    readyLine,
    kill: () => stopProcess(child, exited, 'SIGKILL'),
    stop: () => stopProcess(child, exited, 'SIGTERM'),
  };
}

async function stopProcess(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await exited;
}
