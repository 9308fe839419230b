import { join } from 'node:path';
import { anyFreePort } from '../../tools/infra/ports';
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET } from './api-harness';
import { AppProcess, startAppProcess } from './app-process';
import { TEST_PAYLOAD_KEY_ENTRY } from './test-temporal';

const API_MAIN = join(__dirname, '../../dist/apps/api/src/main.js');

export interface ApiProcess extends AppProcess {
  /** Where it answers: `http://127.0.0.1:<port>`. */
  readonly url: string;
}

export interface ApiProcessOptions {
  readonly databaseUrl: string;
  /** host:port of the Temporal frontend it starts and updates workflows on. */
  readonly temporalAddress: string;
  readonly taskQueue: string;
  readonly environment?: Record<string, string>;
}

/**
 * The API as `npm start` and the reference deployment run it (`dist/apps/api/src/main.js`) on a free
 * port, signing tokens with the tests' key, ready once it listens.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await anyFreePort();
  const api = await startAppProcess(
    'API',
    API_MAIN,
    {
      // Test files log in many users from one address; the limit itself has a test of its own.
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      ...options.environment,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      TEMPORAL_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_ENTRY,
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      NODE_ENV: 'test',
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    `API listening on port ${port}`,
  );
  return { ...api, url: `http://127.0.0.1:${port}` };
}

