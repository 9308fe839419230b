import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { prepareDatabase } from '@app/persistence';

/** Variables the global set-up hands to every test file. */
export const TEST_ENVIRONMENT_KEYS = {
  databaseUrl: 'REFORM_TEST_DATABASE_URL',
  temporalAddress: 'REFORM_TEST_TEMPORAL_ADDRESS',
  workflowBundlePath: 'REFORM_TEST_WORKFLOW_BUNDLE',
  runDir: 'REFORM_TEST_RUN_DIR',
  timeSkippingClasspath: 'REFORM_TEST_TIME_SKIPPING_CLASSPATH',
  timeSkippingUnavailable: 'REFORM_TEST_TIME_SKIPPING_UNAVAILABLE',
} as const;

function required(key: string): string {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is unset: the jest global set-up provides it`);
  return value;
}

export const testTemporalAddress = () => required(TEST_ENVIRONMENT_KEYS.temporalAddress);
export const testWorkflowBundlePath = () => required(TEST_ENVIRONMENT_KEYS.workflowBundlePath);
export const testRunDir = () => required(TEST_ENVIRONMENT_KEYS.runDir);

/** The jars of the time-skipping test server, or why there are none on this machine. */
export function testTimeSkippingServer(): { classpath: string } | { unavailable: string } {
  const classpath = process.env[TEST_ENVIRONMENT_KEYS.timeSkippingClasspath];
  return classpath ? { classpath } : { unavailable: required(TEST_ENVIRONMENT_KEYS.timeSkippingUnavailable) };
}

/** A name no other test file or run uses (task queues, databases, workflow ids). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database of its own on the shared test server (or on the server at `serverUrl`); migrated
 * and seeded unless `prepare` is false.
 */
export async function createTestDatabase(options: { prepare?: boolean; serverUrl?: string } = {}): Promise<TestDatabase> {
  const serverUrl = new URL(options.serverUrl ?? required(TEST_ENVIRONMENT_KEYS.databaseUrl));
  const name = uniqueName('test');
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (options.prepare !== false) await prepareDatabase(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
