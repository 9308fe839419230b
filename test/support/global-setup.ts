import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflows } from '../../tools/build/bundle-workflows';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { startTestServers } from './test-servers';
import { TEST_ENVIRONMENT_KEYS } from './test-environment';

/**
 * Starts one PostgreSQL and one Temporal dev server for the whole run, on free ports with data in a
 * fresh temporary folder, so parallel runs and a running `npm start` never collide. Test files
 * isolate themselves further with their own database and task queue.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(join(__dirname, '../../.tmp'), { recursive: true });
  const runDir = mkdtempSync(join(__dirname, '../../.tmp/test-run-'));
  const workflowBundlePath = join(runDir, 'workflow-bundle.js');
  const [servers] = await Promise.all([startTestServers(join(runDir, 'postgres')), bundleWorkflows(workflowBundlePath)]);
  process.stdout.write(`\n${servers.ready.descriptions.join('\n')}\n`);
  (globalThis as { testServers?: ServerHostProcess }).testServers = servers;
  process.env[TEST_ENVIRONMENT_KEYS.databaseUrl] = servers.ready.databaseUrl!;
  process.env[TEST_ENVIRONMENT_KEYS.temporalAddress] = servers.ready.temporalAddress;
  process.env[TEST_ENVIRONMENT_KEYS.workflowBundlePath] = workflowBundlePath;
  process.env[TEST_ENVIRONMENT_KEYS.runDir] = runDir;
}
