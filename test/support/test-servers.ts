import { join } from 'node:path';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { testTemporalAddress } from './test-environment';

const SERVER_HOST = join(__dirname, '../../dist/tools/infra/server-host.js');

/** A PostgreSQL and an in-memory Temporal dev server on free ports, for tests only. */
export function startTestServers(postgresDir: string): Promise<ServerHostProcess> {
  return ServerHostProcess.start(SERVER_HOST, {
    postgres: { dataDir: postgresDir, preferredPort: 0, database: 'postgres' },
    temporal: { cliPath: process.env.TEMPORAL_CLI_PATH || undefined, namespace: 'default', preferredPort: 0 },
  });
}

/** A PostgreSQL of its own beside the run's Temporal server, for a test that stops it and starts it again. */
export function startOwnPostgres(postgresDir: string): Promise<ServerHostProcess> {
  return ServerHostProcess.start(SERVER_HOST, {
    postgres: { dataDir: postgresDir, preferredPort: 0, database: 'postgres' },
    temporal: { address: testTemporalAddress(), namespace: 'default', preferredPort: 0 },
  });
}

/**
 * A Temporal dev server of its own that keeps its workflows in a SQLite file, so that stopped and
 * started again it goes on with them; the run's PostgreSQL serves the test's database.
 */
export function startOwnTemporal(dbFilename: string): Promise<ServerHostProcess> {
  return ServerHostProcess.start(SERVER_HOST, {
    temporal: { cliPath: process.env.TEMPORAL_CLI_PATH || undefined, namespace: 'default', preferredPort: 0, dbFilename },
  });
}
