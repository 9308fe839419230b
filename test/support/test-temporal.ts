import { payloadKeysFrom, TemporalConnectionSettings } from '@app/config';
import { connectTemporalClient, reformDataConverter } from '@app/temporal';
import type { Client } from '@temporalio/client';
import type { ReplayWorkerOptions } from '@temporalio/worker';
import { testTemporalAddress, testWorkflowBundlePath } from './test-environment';

/**
 * The payload key of every test run, as TEMPORAL_PAYLOAD_KEYS would give it. Fixed, because the histories
 * recorded with it (test/workflows/histories) must decrypt whenever they are replayed; it guards nothing
 * but test servers.
 */
export const TEST_PAYLOAD_KEY_ENTRY = 'test-1:ySZFcY4PIrFFoPD6HIyBksQCKrqGqJ1rC+BYZfq9Lrw=';
export const TEST_PAYLOAD_KEYS = payloadKeysFrom(TEST_PAYLOAD_KEY_ENTRY);

/** The run's Temporal dev server (or another test server at `address`) as the API, the worker and set-up reach it. */
export function testTemporal(address: string = testTemporalAddress()): TemporalConnectionSettings {
  return { address, namespace: 'default', tls: null, payloadKeys: TEST_PAYLOAD_KEYS };
}

/** A client of the run's dev server with the engine's data converter; close it with `client.connection.close()`. */
export function connectTestClient(): Promise<Client> {
  return connectTemporalClient(testTemporal());
}

/** Replays against the test run's workflow bundle, decrypting as the worker does. */
export function testReplayOptions(): ReplayWorkerOptions {
  return { workflowBundle: { codePath: testWorkflowBundlePath() }, dataConverter: reformDataConverter(TEST_PAYLOAD_KEYS) };
}
