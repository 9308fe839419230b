import { spawn } from 'node:child_process';
import { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { privateLog } from '../infra/private-files';
import { ProcessRun, processRun } from '../infra/process-run';
import { SupervisedPart } from '../infra/supervisor';

const PINO_WARN = 40;
const EXIT_WITH_LAUNCHER = join(__dirname, 'exit-with-launcher.js');

/**
 * One of the system's Node processes (API, worker), started as often as its supervisor asks, with
 * its JSON log appended to one private file across runs.
 */
export class ChildService implements SupervisedPart {
  readonly logFile: string;
  private readonly log: WriteStream;
  private recent: string[] = [];

  constructor(
    readonly name: string,
    readonly label: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
    private readonly say: (line: string) => void,
  ) {
    this.logFile = join(logDir, `${name}.log`);
    this.log = privateLog(this.logFile);
  }

  /** The last lines it wrote, to explain why it kept failing. */
  get lastLines(): string[] {
    return this.recent;
  }

  async start(): Promise<ProcessRun> {
    // Its own process group, so Ctrl-C reaches only the launcher, which stops everything in order;
    // the IPC channel is its lifeline to the launcher (see exit-with-launcher.ts).
    const child = spawn(process.execPath, ['--require', EXIT_WITH_LAUNCHER, this.script], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.log.write(`${line}\n`);
        this.recent = [...this.recent.slice(-19), line];
        if (isWorthShowing(line)) this.say(`[${this.name}] ${summarise(line)}`);
      });
    }
    return processRun(child, { stopSignal: 'SIGTERM', graceMs: 15_000 });
  }

  /** Ends the log file, once no run will write to it any more. */
  closeLog(): void {
    this.log.end();
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
