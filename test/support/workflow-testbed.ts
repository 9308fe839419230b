import { CUSTOM_SEARCH_ATTRIBUTES } from '@app/temporal';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { RecordingActivities } from './recording-activities';
import { startStubbedWorker, StubbedWorker } from './stubbed-worker';
import { testTimeSkippingServer } from './test-environment';
import { startTimeSkippingEnvironment, TimeSkippingEnvironment } from './time-skipping-server';
import { quietTemporalRuntime } from './worker-harness';

const server = testTimeSkippingServer();

/** `describe` where the time-skipping test server is at hand; elsewhere the block is skipped (the global set-up says why). */
export const describeWithTimeSkipping: jest.Describe = 'classpath' in server ? describe : describe.skip;

export interface WorkflowTestbed {
  readonly client: Client;
  readonly taskQueue: string;
  readonly activities: RecordingActivities;
  /** The server's clock, in ms. */
  now(): Promise<number>;
  /** Moves the server's clock to `instant`; everything due up to then has run when this resolves. */
  skipTo(instant: string | number): Promise<void>;
}

/**
 * One time-skipping server and one worker with recording activities for the describe block, so
 * each test file has a clock of its own. Skipping moves every workflow on the server, so tests give
 * each workflow a fiscal year of its own and read only its records.
 */
export function useWorkflowTestbed(): WorkflowTestbed {
  let environment: TimeSkippingEnvironment | undefined;
  let worker: StubbedWorker | undefined;
  const ready = () => {
    if (!environment || !worker) throw new Error('the workflow testbed is not started');
    return { environment, worker };
  };
  beforeAll(async () => {
    if (!('classpath' in server)) return;
    quietTemporalRuntime('ERROR');
    environment = await startTimeSkippingEnvironment(server.classpath);
    // The test server cannot list search attributes, so the shared ensureSearchAttributes does not apply; a fresh server has none.
    await environment.client.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(CUSTOM_SEARCH_ATTRIBUTES.map((key) => [key.name, temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`]])),
    });
    worker = await startStubbedWorker(environment.nativeConnection);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await environment?.close();
  });
  return {
    get client() {
      return ready().environment.client;
    },
    get taskQueue() {
      return ready().worker.taskQueue;
    },
    get activities() {
      return ready().worker.activities;
    },
    now: () => ready().environment.now(),
    skipTo: async (instant) => {
      const target = typeof instant === 'number' ? instant : Date.parse(instant);
      const now = await ready().environment.now();
      if (target > now) await ready().environment.skip(target - now);
    },
  };
}
