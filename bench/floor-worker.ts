import type { TemporalConnectionSettings } from '@app/config';
import { FAILURE_CONVERTER_PATH, reformDataConverter, temporalConnectionOptions } from '@app/temporal';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import type { Shutdown } from './shutdown';

/** The floor's own task queue, so its workflow never meets the engine's worker. */
export const FLOOR_TASK_QUEUE = 'reform-bench-floor';

const quiet = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: console.error, log: () => {} };

/**
 * A second worker, for the floor's no-op workflow only: bundled now from bench/workflows, on the
 * same server with the same connection settings and data converter as the engine's worker, so its
 * Updates pay the same encryption and round trips and nothing of the engine's own work.
 */
export async function startFloorWorker(settings: TemporalConnectionSettings, shutdown: Shutdown): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows/noop.workflow'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quiet,
  });
  const connection = await NativeConnection.connect(temporalConnectionOptions(settings));
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: FLOOR_TASK_QUEUE,
    workflowBundle: { code },
    dataConverter: reformDataConverter(settings.payloadKeys),
  });
  const running = worker.run().finally(() => connection.close());
  shutdown.add('the floor worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
}
