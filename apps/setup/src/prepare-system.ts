import { prepareDatabase } from '@app/persistence';
import { ensureSearchAttributes } from '@app/temporal';
import { Connection } from '@temporalio/client';

export interface SystemTargets {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly namespace: string;
}

/** Prepares PostgreSQL (migrations, seed) and the Temporal namespace (custom search attributes). */
export async function prepareSystem(targets: SystemTargets, say: (line: string) => void): Promise<void> {
  const database = await prepareDatabase(targets.databaseUrl);
  say(
    `Database: ${database.migrationsApplied.length} migration(s) applied, ` +
      `${database.seed.clustersInserted} FY${database.seed.fiscalYear} cluster(s) seeded`,
  );
  const connection = await Connection.connect({ address: targets.temporalAddress });
  try {
    const added = await ensureSearchAttributes(connection, targets.namespace);
    say(`Temporal: search attributes ${added.length ? `registered (${added.join(', ')})` : 'already registered'}`);
  } finally {
    await connection.close();
  }
}
