import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { privateLog } from '../infra/private-files';

const PINO_WARN = 40;

/** One of the system's Node processes (API, worker), with its JSON log kept in a file only its owner reads. */
export class ChildService {
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private recent: string[] = [];

  constructor(
    readonly name: string,
    script: string,
    env: NodeJS.ProcessEnv,
    logDir: string,
    say: (line: string) => void,
  ) {
    mkdirSync(logDir, { recursive: true });
    const logFile = privateLog(join(logDir, `${name}.log`));
    this.child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        logFile.write(`${line}\n`);
        this.recent = [...this.recent.slice(-19), line];
        if (isWorthShowing(line)) say(`[${name}] ${summarise(line)}`);
      });
    }
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    void this.exited.then(() => logFile.end());
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote, to explain a failed start. */
  get lastLines(): string[] {
    return this.recent;
  }

  /** Asks it to stop, and kills it if it has not stopped after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Warnings and errors reach the terminal; everything else stays in the log file. */
function isWorthShowing(line: string): boolean {
  try {
    const entry = JSON.parse(line) as { level?: number };
    return typeof entry.level === 'number' && entry.level >= PINO_WARN;
  } catch {
    return line.trim().length > 0;
  }
}

function summarise(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return [entry.msg, entry.err?.message].filter(Boolean).join(': ') || line;
  } catch {
    return line;
  }
}
