import type { TemporalConnectionSettings } from '@app/config';
import { DEMO_PASSWORD, prepareDatabase } from '@app/persistence';
import { connectTemporalClient, ensureSearchAttributes } from '@app/temporal';
import { hashPassword } from '@app/security';
import { ensureRetentionSchedule } from './retention-schedule';

export interface SystemTargets {
  readonly databaseUrl: string;
  readonly temporal: TemporalConnectionSettings;
  /** The task queue the worker polls: the retention schedule starts its runs there. */
  readonly taskQueue: string;
}

export interface SystemPreparation {
  /** DEMO_DATA: also insert the demo bureaus, users and owning bureaus. */
  readonly demoData?: boolean;
}

/**
 * Prepares PostgreSQL (migrations, seed, optional demo data) and the Temporal namespace (custom search
 * attributes, the retention schedule).
 */
export async function prepareSystem(targets: SystemTargets, say: (line: string) => void, preparation: SystemPreparation = {}): Promise<void> {
  // The hasher the API verifies with, so that demo users log in exactly like everyone else.
  const database = await prepareDatabase(targets.databaseUrl, preparation.demoData ? { demoData: { hashPassword } } : {});
  say(
    `Database: ${database.migrationsApplied.length} migration(s) applied, ` +
      `${database.seed.clustersInserted} FY${database.seed.fiscalYear} cluster(s) seeded`,
  );
  if (database.demo) {
    say(
      `Demo data (DEMO_DATA=true): ${database.demo.bureausCreated} demo bureau(s) and ${database.demo.usersCreated} demo user(s) created, ` +
        `${database.demo.clustersAssigned} cluster(s) given an owning bureau; demo users log in with password "${DEMO_PASSWORD}"`,
    );
  }
  const client = await connectTemporalClient(targets.temporal);
  try {
    const added = await ensureSearchAttributes(client.connection, targets.temporal.namespace);
    say(`Temporal: search attributes ${added.length ? `registered (${added.join(', ')})` : 'already registered'}`);
    const schedule = await ensureRetentionSchedule(client, targets.taskQueue);
    say(`Temporal: retention schedule ${schedule === 'created' ? 'created' : 'up to date'} (every night at 03:15 Asia/Tokyo)`);
  } finally {
    await client.connection.close();
  }
}
