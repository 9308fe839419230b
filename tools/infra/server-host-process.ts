import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ServerHostReady, ServerHostRequest } from './server-host';

export interface ServerHostOptions {
  /** Where the host's own messages (build progress, errors) go; they are kept for the error otherwise. */
  readonly onMessage?: (line: string) => void;
}

/** The parent's handle on a server-host process: its servers' addresses, and stopping them. */
export class ServerHostProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ready: ServerHostReady,
    private readonly lines: AsyncIterator<string>,
  ) {}

  /** `script` is the compiled server-host.js. */
  static async start(script: string, request: ServerHostRequest, options: ServerHostOptions = {}): Promise<ServerHostProcess> {
    if (!existsSync(script)) throw new Error(`${script} is missing: build first (npm run build)`);
    // Its own process group: Ctrl-C in a terminal reaches the parent, which then stops the servers in order.
    const child = spawn(process.execPath, [script, JSON.stringify(request)], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let messages = '';
    createInterface({ input: child.stderr }).on('line', (line) => {
      messages = `${messages}${line}\n`.slice(-4000);
      options.onMessage?.(line);
    });
    // The Temporal dev server shares the host's stdout; only the protocol lines matter.
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      if (line.value.startsWith('READY ')) {
        return new ServerHostProcess(child, JSON.parse(line.value.slice('READY '.length)) as ServerHostReady, lines);
      }
    }
    child.kill('SIGKILL');
    throw new Error(`the servers did not start: ${messages.trim() || 'no message'}`);
  }

  /** Stops one server and waits until it is down. */
  async stopServer(name: 'postgres' | 'temporal'): Promise<void> {
    this.child.stdin.write(`stop ${name}\n`);
    for (let line = await this.lines.next(); !line.done; line = await this.lines.next()) {
      if (line.value === `STOPPED ${name}`) return;
    }
  }

  /** Stops everything and waits for the process to exit. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exited;
  }
}
