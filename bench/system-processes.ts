import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { anyFreePort } from '../tools/infra/ports';
import { ChildService } from '../tools/launcher/child-service';
import { waitForHealth } from '../tools/launcher/wait-for-health';
import type { Shutdown } from './shutdown';

export interface SystemTargets {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly namespace: string;
  /** TEMPORAL_PAYLOAD_KEYS as the apps read it. */
  readonly payloadKeys: string;
  readonly taskQueue: string;
  readonly workflowBundlePath: string;
}

export interface SystemProcesses {
  /** The API's base URL, e.g. http://127.0.0.1:41234/api/v1. */
  readonly baseUrl: string;
  /** The worker's process, whose memory row 9 reads. */
  readonly workerPid: number;
  /** The worker's log: it says at start how many workflows it keeps cached. */
  readonly workerLog: string;
}

/**
 * The worker and the API as `npm start` runs them: `dist/apps/…/main.js`, each in a Node process of its
 * own with its log in `logDir`, tied to this one by the launcher's lifeline. Ready once the API's health
 * check answers 200, which it does only while a worker polls the task queue.
 */
export async function startSystemProcesses(targets: SystemTargets, distRoot: string, logDir: string, shutdown: Shutdown, say: (line: string) => void): Promise<SystemProcesses> {
  const port = await anyFreePort();
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: targets.databaseUrl,
    TEMPORAL_ADDRESS: targets.temporalAddress,
    TEMPORAL_NAMESPACE: targets.namespace,
    TEMPORAL_TASK_QUEUE: targets.taskQueue,
    TEMPORAL_PAYLOAD_KEYS: targets.payloadKeys,
    WORKFLOW_BUNDLE_PATH: targets.workflowBundlePath,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ADMIN_PASSWORD: randomBytes(24).toString('base64url'),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // The benchmark logs its users in from one address, faster than people do.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  };
  const worker = new ChildService('worker', 'The worker', join(distRoot, 'apps/worker/src/main.js'), { ...environment, LOG_LEVEL: 'info' }, logDir, say);
  const api = new ChildService('api', 'The API', join(distRoot, 'apps/api/src/main.js'), environment, logDir, say);
  const workerRun = await worker.start();
  shutdown.add('the worker', () => workerRun.stop());
  const apiRun = await api.start();
  shutdown.add('the API', () => apiRun.stop());
  const running = () => workerRun.running && apiRun.running;
  await waitForHealth(`http://127.0.0.1:${port}/api/v1/health`, running, 60_000).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last lines: ${[...worker.lastLines, ...api.lastLines].slice(-6).join(' | ')}`);
  });
  if (workerRun.pid === undefined) throw new Error('the worker process has no pid');
  return { baseUrl: `http://127.0.0.1:${port}/api/v1`, workerPid: workerRun.pid, workerLog: worker.logFile };
}

/** How many workflows the worker said it keeps cached at most, from its start line. */
export function cachedWorkflowLimit(workerLog: string): number | null {
  const said = /(\d+) workflows cached/.exec(readFileSync(workerLog, 'utf8'));
  return said ? Number(said[1]) : null;
}
