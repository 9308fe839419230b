import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client, Connection } from '@temporalio/client';
import { InternalConnectionOptions, InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import type { Duration } from '@temporalio/common';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { TimeSkippingClient } from '@temporalio/testing/lib/client';
import { NativeConnection } from '@temporalio/worker';
import { reformDataConverter } from '@app/temporal';
import { anyFreePort } from '../../tools/infra/ports';
import { TEST_PAYLOAD_KEYS } from './test-temporal';

/** The Java SDK release whose time-skipping test server the workflow tests run on (Maven Central). */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
const ARTIFACT = `io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION}`;
const MAIN_CLASS = 'io.temporal.testserver.TestServer';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const FETCH_TIMEOUT_MS = 10 * 60_000;

type Say = (line: string) => void;

export type TimeSkippingServerLocation =
  | { readonly available: true; readonly classpath: string; readonly description: string }
  | { readonly available: false; readonly reason: string };

/** Per-user cache keyed by version, beside the Temporal CLI, so every clone on the machine fetches once. */
export function cachedTestServerDir(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheRoot, 'kitakyushu-reform', 'temporal-test-server', TEMPORAL_TEST_SERVER_VERSION);
}

/**
 * The jars of the Java time-skipping test server: from the per-user cache, else fetched once with
 * Maven. Without Java or Maven there is none, and the tests that need it say why they are skipped.
 */
export async function locateTimeSkippingServer(say: Say): Promise<TimeSkippingServerLocation> {
  const libDir = join(cachedTestServerDir(), 'lib');
  if (existsSync(libDir)) return { available: true, classpath: libDir, description: `${ARTIFACT} from the user cache (${libDir})` };
  const missing = ['java', 'mvn'].filter((command) => !findOnPath(command));
  if (missing.length > 0) return { available: false, reason: `${missing.join(' and ')} not on PATH, so ${ARTIFACT} cannot be fetched from Maven Central` };
  try {
    const seconds = await fetchWithMaven(libDir, say);
    return { available: true, classpath: libDir, description: `${ARTIFACT} fetched with Maven into the user cache in ${seconds} s (${libDir})` };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  }
}

function findOnPath(command: string): string | null {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory && existsSync(join(directory, command))) return join(directory, command);
  }
  return null;
}

/**
 * Copies the artifact and its runtime dependencies into a staging folder, then renames it into place,
 * so a run that stops half-way or a second run fetching at the same time never leaves a partial cache.
 * Progress is one line, redrawn on a terminal.
 */
async function fetchWithMaven(libDir: string, say: Say): Promise<number> {
  const versionDir = join(libDir, '..');
  const stagingDir = join(versionDir, `.fetching-${process.pid}`);
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  const [groupId, artifactId, version] = ARTIFACT.split(':');
  writeFileSync(
    join(stagingDir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.kitakyushu-reform</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`,
  );
  const started = Date.now();
  const tty = process.stdout.isTTY === true;
  const line = (text: string) => (tty ? process.stdout.write(`\r\x1b[2K${text}`) : undefined);
  say(`Temporal test server: fetching ${ARTIFACT} with Maven (first run on this machine only)…`);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('mvn', ['-B', '-f', join(stagingDir, 'pom.xml'), `${DEPENDENCY_PLUGIN}:copy-dependencies`, '-DincludeScope=runtime', `-DoutputDirectory=${join(stagingDir, 'lib')}`], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let files = 0;
      let kilobytes = 0;
      let tail = '';
      const onLine = (text: string) => {
        tail = `${tail}${text}\n`.slice(-4000);
        const downloaded = /Downloaded from [^:]+: \S+ \(([\d.,]+) (B|kB|MB)/.exec(text);
        if (!downloaded) return;
        files += 1;
        kilobytes += Number(downloaded[1].replace(',', '')) * { B: 1 / 1024, kB: 1, MB: 1024 }[downloaded[2] as 'B' | 'kB' | 'MB'];
        line(`  ${files} files, ${(kilobytes / 1024).toFixed(1)} MB downloaded, ${Math.round((Date.now() - started) / 1000)} s`);
      };
      createInterface({ input: child.stdout }).on('line', onLine);
      createInterface({ input: child.stderr }).on('line', onLine);
      // A registry that stops answering must not hold up the whole test run.
      const giveUp = setTimeout(() => child.kill('SIGKILL'), FETCH_TIMEOUT_MS);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        clearTimeout(giveUp);
        if (tty) process.stdout.write('\r\x1b[2K');
        if (signal) reject(new Error(`mvn did not fetch ${ARTIFACT} within ${FETCH_TIMEOUT_MS / 60_000} minutes`));
        else if (code === 0) resolve();
        else reject(new Error(`mvn could not fetch ${ARTIFACT} (exit ${code}):\n${tail.split('\n').slice(-12).join('\n')}`));
      });
    });
    if (!readdirSync(join(stagingDir, 'lib')).some((file) => file.startsWith(`${artifactId}-`))) throw new Error(`mvn ran but ${ARTIFACT} is not among the copied jars`);
    try {
      renameSync(join(stagingDir, 'lib'), libDir);
    } catch (error) {
      // Another run finished the same fetch first: its copy is as good as ours.
      if (!existsSync(libDir)) throw error;
    }
    return Math.round((Date.now() - started) / 1000);
  } finally {
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

/** A running time-skipping test server with a client and a worker connection to it. */
export interface TimeSkippingEnvironment {
  readonly address: string;
  /** Waits for workflow results with time skipping unlocked, as the SDK's TestWorkflowEnvironment does. */
  readonly client: Client;
  readonly nativeConnection: NativeConnection;
  /**
   * Moves the server's clock forward by `duration`: every timer due meanwhile fires in order, and
   * the clock waits while the workflow tasks and activities they cause are running.
   */
  skip(duration: Duration): Promise<void>;
  /** The server's clock. */
  now(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the Java test server on a free port and connects to it. The SDK's own launcher
 * (`TestWorkflowEnvironment.createTimeSkipping` with an existing path) gives a server five seconds to
 * answer, too little for a JVM on a loaded two-core machine, so the server is started here and the
 * connection asks for the test service as the SDK's launcher does.
 */
export async function startTimeSkippingEnvironment(classpath: string): Promise<TimeSkippingEnvironment> {
  const port = await anyFreePort();
  const address = `127.0.0.1:${port}`;
  // A small, short-lived server: the quick JIT tier and a serial collector start faster and leave the cores to the tests.
  const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', join(classpath, '*'), MAIN_CLASS, String(port), '--enable-time-skipping'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = `${errors}${chunk.toString()}`.slice(-4000);
  });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  try {
    const connection = await connectWhenUp(address, child, () => errors);
    const nativeConnection = await NativeConnection.connect({ address });
    const testService = connection.testService!;
    // The server starts with its clock skipping whenever nothing runs; locked, it moves only when a test skips it.
    await testService.lockTimeSkipping({});
    return {
      address,
      client: new TimeSkippingClient({ connection, namespace: 'default', dataConverter: reformDataConverter(TEST_PAYLOAD_KEYS) }),
      nativeConnection,
      skip: async (duration) => {
        await testService.unlockTimeSkippingWithSleep({ duration: msToTs(duration) });
      },
      now: async () => tsToMs((await testService.getCurrentTime({})).time),
      close: async () => {
        await nativeConnection.close();
        await connection.close();
        await stop(child);
        process.off('exit', stopOnExit);
      },
    };
  } catch (error) {
    await stop(child);
    process.off('exit', stopOnExit);
    throw error;
  }
}

async function connectWhenUp(address: string, child: ChildProcess, errors: () => string): Promise<Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Temporal test server exited (${child.exitCode}): ${errors().trim()}`);
    try {
      const options: InternalConnectionOptions = { address, connectTimeout: 1_000, [InternalConnectionOptionsSymbol]: { supportsTestService: true } };
      const connection = await Connection.connect(options);
      // Only an answer from the test service shows the server is ready for time skipping.
      await connection.testService!.getCurrentTime({}).catch(async (error: unknown) => {
        await connection.close();
        throw error;
      });
      return connection;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Temporal test server on ${address} did not answer within 60 s: ${(error as Error).message}\n${errors().trim()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}
