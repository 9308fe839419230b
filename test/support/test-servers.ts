import { join } from 'node:path';
import { ServerHostProcess } from '../../tools/infra/server-host-process';

const SERVER_HOST = join(__dirname, '../../dist/tools/infra/server-host.js');

/** A PostgreSQL and an in-memory Temporal dev server on free ports, for tests only. */
export function startTestServers(postgresDir: string): Promise<ServerHostProcess> {
  return ServerHostProcess.start(SERVER_HOST, {
    postgres: { dataDir: postgresDir, preferredPort: 0, database: 'postgres' },
    temporal: { cliPath: process.env.TEMPORAL_CLI_PATH || undefined, namespace: 'default', preferredPort: 0 },
  });
}
