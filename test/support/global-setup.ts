import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflows } from '../../tools/build/bundle-workflows';
import { ensureSearchAttributes } from '@app/temporal';
import { Connection } from '@temporalio/client';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { startTestServers } from './test-servers';
import { TEST_ENVIRONMENT_KEYS } from './test-environment';
import { locateTimeSkippingServer } from './time-skipping-server';

/**
 * Starts one PostgreSQL and one Temporal dev server for the whole run, on free ports with data in a
 * fresh temporary folder outside the clone, so parallel runs and a running `npm start` never collide. Test files
 * isolate themselves further with their own database and task queue.
 */
export default async function globalSetup(): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'reform-test-'));
  // When tests run as root, PostgreSQL runs as its own user and must be able to enter this folder.
  chmodSync(runDir, 0o755);
  const workflowBundlePath = join(runDir, 'workflow-bundle.js');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('');
  const [servers, , timeSkipping] = await Promise.all([startTestServers(join(runDir, 'postgres')), bundleWorkflows(workflowBundlePath), locateTimeSkippingServer(say)]);
  say(servers.ready.descriptions.join('\n'));
  if (timeSkipping.available) {
    say(`Temporal: time-skipping test server ${timeSkipping.description}`);
    process.env[TEST_ENVIRONMENT_KEYS.timeSkippingClasspath] = timeSkipping.classpath;
  } else {
    // CI has Java and Maven: a missing test server there is a fault, not a reason to skip.
    if (process.env.CI) {
      await servers.close();
      throw new Error(`Temporal: no time-skipping test server on CI: ${timeSkipping.reason}`);
    }
    say(`Temporal: no time-skipping test server (${timeSkipping.reason}); the time-skipping workflow tests are skipped`);
    process.env[TEST_ENVIRONMENT_KEYS.timeSkippingUnavailable] = timeSkipping.reason;
  }
  const connection = await Connection.connect({ address: servers.ready.temporalAddress });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();
  (globalThis as { testServers?: ServerHostProcess }).testServers = servers;
  process.env[TEST_ENVIRONMENT_KEYS.databaseUrl] = servers.ready.databaseUrl!;
  process.env[TEST_ENVIRONMENT_KEYS.temporalAddress] = servers.ready.temporalAddress;
  process.env[TEST_ENVIRONMENT_KEYS.workflowBundlePath] = workflowBundlePath;
  process.env[TEST_ENVIRONMENT_KEYS.runDir] = runDir;
}
