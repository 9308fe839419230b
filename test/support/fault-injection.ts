import { Client as PgClient } from 'pg';
import { LifecycleFixture } from './lifecycle-fixture';
import { eventually } from './worker-harness';

export interface HeldRow {
  release(): Promise<void>;
}

/**
 * Locks a cluster's read-model row in a transaction of the test's own: the worker's next projection
 * of that cluster then waits for it inside its transaction, which pins an action between its
 * acceptance by the workflow and its effect on the read model.
 */
export async function holdClusterRow(databaseUrl: string, fiscalYear: number, no: number): Promise<HeldRow> {
  const client = new PgClient({ connectionString: databaseUrl });
  // The server may go away while the row is held: a test that stops it.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT 1 FROM clusters WHERE fiscal_year = $1 AND no = $2 FOR UPDATE`, [fiscalYear, no]);
  return {
    release: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Waits until `count` projections wait for a held cluster row, and returns their server process ids. */
export async function projectionsWaiting(fx: LifecycleFixture, count: number, timeoutMs?: number): Promise<number[]> {
  return eventually(async () => {
    const { rows } = await fx.pg.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM clusters%FOR UPDATE%'`,
    );
    expect(rows).toHaveLength(count);
    return rows.map((row) => row.pid);
  }, timeoutMs);
}

/** Waits until these server processes (of a client that was killed) have ended, and with them their transactions. */
export async function backendsGone(fx: LifecycleFixture, pids: readonly number[]): Promise<void> {
  await eventually(async () => {
    const { rows } = await fx.pg.query(`SELECT pid FROM pg_stat_activity WHERE pid = ANY($1::int[])`, [pids]);
    expect(rows).toEqual([]);
  });
}
