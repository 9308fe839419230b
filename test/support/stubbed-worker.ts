import { NativeConnection, Worker } from '@temporalio/worker';
import { reformDataConverter } from '@app/temporal';
import { RecordingActivities } from './recording-activities';
import { testWorkflowBundlePath, uniqueName } from './test-environment';
import { TEST_PAYLOAD_KEYS } from './test-temporal';
import { quietTemporalRuntime } from './worker-harness';

export interface StubbedWorker {
  readonly taskQueue: string;
  readonly activities: RecordingActivities;
  /** Stops polling and waits for the worker's run to end. */
  stop(): Promise<void>;
}

/** The real workflow bundle on a task queue of its own, with recording stubs as its only activities. */
export async function startStubbedWorker(connection: NativeConnection, activities = new RecordingActivities()): Promise<StubbedWorker> {
  quietTemporalRuntime();
  const taskQueue = uniqueName('workflow-test');
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    activities: activities.create(),
    dataConverter: reformDataConverter(TEST_PAYLOAD_KEYS),
    workflowBundle: { codePath: testWorkflowBundlePath() },
  });
  const running = worker.run();
  return {
    taskQueue,
    activities,
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}
