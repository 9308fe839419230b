import { newPayloadKeyEntry, payloadKeysFrom, TemporalConnectionSettings } from '@app/config';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerHostProcess } from '../tools/infra/server-host-process';
import type { Shutdown } from './shutdown';

export const NAMESPACE = 'default';

export interface BenchServers {
  readonly databaseUrl: string;
  /** The dev server, with a payload key made for this run (its data goes with it). */
  readonly temporal: TemporalConnectionSettings;
  /** That key as TEMPORAL_PAYLOAD_KEYS gives it to the apps. */
  readonly payloadKeys: string;
  /** One line per server saying which one is used, as `npm start` prints them. */
  readonly descriptions: string[];
  readonly runDir: string;
}

/**
 * A fresh embedded PostgreSQL and Temporal dev server on free ports, with their data in a new
 * folder under the system temp directory, started through the same server host as `npm start`.
 * Both stop, and the folder goes, when `shutdown` runs.
 */
export async function startBenchServers(distRoot: string, shutdown: Shutdown, say: (line: string) => void): Promise<BenchServers> {
  const runDir = mkdtempSync(join(tmpdir(), 'reform-bench-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  chmodSync(runDir, 0o755);
  // Registered first so it runs last, once the servers that write there have stopped.
  shutdown.add('the temporary data folder', async () => rmSync(runDir, { recursive: true, force: true }));
  const host = await ServerHostProcess.start(
    join(distRoot, 'tools/infra/server-host.js'),
    {
      postgres: { dataDir: join(runDir, 'postgres'), preferredPort: 0, database: 'reform' },
      temporal: {
        // Always a server of its own: TEMPORAL_ADDRESS is deliberately not used.
        cliPath: process.env.TEMPORAL_CLI_PATH || undefined,
        namespace: NAMESPACE,
        dbFilename: join(runDir, 'temporal.sqlite'),
        preferredPort: 0,
      },
    },
    { onMessage: say },
  );
  // The host stops both servers and exits; a PostgreSQL checkpoint can take a while.
  shutdown.add('PostgreSQL and Temporal', () => host.close(), 90_000);
  const payloadKeys = newPayloadKeyEntry('run');
  return {
    databaseUrl: host.ready.databaseUrl!,
    temporal: { address: host.ready.temporalAddress, namespace: NAMESPACE, tls: null, payloadKeys: payloadKeysFrom(payloadKeys) },
    payloadKeys,
    descriptions: host.ready.descriptions,
    runDir,
  };
}
