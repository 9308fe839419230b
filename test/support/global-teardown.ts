import { rmSync } from 'node:fs';
import type { ServerHostProcess } from '../../tools/infra/server-host-process';
import { TEST_ENVIRONMENT_KEYS } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testServers?: ServerHostProcess }).testServers?.close();
  const runDir = process.env[TEST_ENVIRONMENT_KEYS.runDir];
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
