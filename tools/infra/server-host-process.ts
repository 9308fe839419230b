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
  /** Settles with the exit code once the host has ended: after `close()`, or after a server kept dying. */
  readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ready: ServerHostReady,
    private readonly lines: AsyncIterator<string>,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  /** `script` is the compiled server-host.js. */
  static async start(script: string, request: ServerHostRequest, options: ServerHostOptions = {}): Promise<ServerHostProcess> {
    if (!existsSync(script)) throw new Error(`${script} is missing: build first (npm run build)`);
    // Its own process group: Ctrl-C in a terminal reaches the parent, which then stops the servers in order.
    const child = spawn(process.execPath, [script, JSON.stringify(request)], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    // Closing stdin is how it is told to stop; that it has already gone is no error.
    child.stdin.on('error', () => {});
    const closed = new Promise((resolve) => child.once('close', resolve));
    let messages = '';
    createInterface({ input: child.stderr }).on('line', (line) => {
      messages = `${messages}${line}\n`.slice(-4000);
      options.onMessage?.(line);
    });
    // Only the protocol lines matter on stdout.
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      if (line.value.startsWith('READY ')) {
        return new ServerHostProcess(child, JSON.parse(line.value.slice('READY '.length)) as ServerHostReady, lines);
      }
    }
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await closed;
    throw new Error(`the servers did not start: ${messages.trim() || 'no message'}`);
  }

  /** Stops one server and waits until it is down. */
  async stopServer(name: 'postgres' | 'temporal'): Promise<void> {
    this.child.stdin.write(`stop ${name}\n`);
    for (let line = await this.lines.next(); !line.done; line = await this.lines.next()) {
      if (line.value === `STOPPED ${name}`) return;
    }
  }

  /** Starts a server stopped with {@link stopServer} again, on the same port with the same data, and waits until it answers. */
  async startServer(name: 'postgres' | 'temporal'): Promise<void> {
    this.child.stdin.write(`start ${name}\n`);
    for (let line = await this.lines.next(); !line.done; line = await this.lines.next()) {
      if (line.value === `STARTED ${name}`) return;
      if (line.value.startsWith(`FAILED ${name} `)) throw new Error(`${name} did not start again: ${line.value.slice(`FAILED ${name} `.length)}`);
    }
    throw new Error(`${name} did not start again: the server host has ended`);
  }

  /** Stops everything and waits for the process to exit. */
  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}
