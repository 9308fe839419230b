import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { testRunDir } from '../support/test-environment';
import { startOwnPostgres } from '../support/test-servers';

/** A server stopped on purpose comes back where its clients look for it, with its data, or says why not. */
describe('the server host starting a stopped server again', () => {
  let servers: ServerHostProcess;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(testRunDir(), 'server-host-'));
    // When tests run as root, PostgreSQL runs as its own user and must be able to enter this folder.
    chmodSync(dataDir, 0o755);
    servers = await startOwnPostgres(join(dataDir, 'postgres'));
  });
  afterAll(() => servers?.close());

  const query = async (sql: string) => {
    const client = new Client({ connectionString: servers.ready.databaseUrl! });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('brings PostgreSQL back on the same port with the same data, refusing another port', async () => {
    await query(`CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the outage')`);
    await servers.stopServer('postgres');
    await expect(query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

    // Taken by someone else meanwhile, the port cannot be had: the server is not started elsewhere.
    const port = Number(new URL(servers.ready.databaseUrl!).port);
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    await expect(servers.startServer('postgres')).rejects.toThrow(`postgres did not start again: its port is taken now`);
    await new Promise<void>((resolve) => squatter.close(() => resolve()));

    await servers.startServer('postgres');
    expect(await query('SELECT value FROM kept')).toEqual([{ value: 'before the outage' }]);
    // Already running: nothing to do.
    await servers.startServer('postgres');
    expect(await query('SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
  });
});
