import { clusterWorkflowId, ENCRYPTED_ENCODING } from '@app/temporal';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { testReplayOptions } from '../support/test-temporal';
import { HISTORIES_DIR as HISTORIES, History, recordHistoryIfAsked } from '../support/history-recording';


/**
 * Replays lifecycle histories against today's workflow code: the ones recorded from earlier versions
 * (committed in histories/) and one recorded now. A change that would break running analyses on
 * deployment, such as reordering commands or activities, fails here instead of in production.
 * `RECORD_WORKFLOW_HISTORIES=1 npm test -- test/workflows test/e2e/reminders` refreshes the `*.latest` recordings; older ones stay,
 * so histories of analyses started under earlier versions keep being checked. Recordings made since
 * payloads are encrypted hold them sealed with the tests' fixed key (test/support/test-temporal.ts);
 * earlier ones are plain, as the histories of workflows started before encryption are.
 */
describe('replaying cluster lifecycle histories', () => {
  let fx: LifecycleFixture;

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.replay);
  });
  afterAll(async () => {
    await fx?.close();
  });

  /** Every kind of Update, refusals included, then withdrawal so the history is complete. */
  async function runEveryAction(no: number): Promise<void> {
    await fx.assignCluster(no);
    await fx.kickoff(no);
    const report = `${fx.base(no)}/reports/interim`;
    await fx.as('staff').put(report, { title: '経過報告', body: '第1版' }).expect(200);
    await fx.as('staff').post(`${report}/submit`).expect(200);
    await fx.as('staff').post(`${report}/recall`).expect(200);
    await fx.as('staff').put(report, { title: '経過報告', body: '第2版' }).expect(200);
    await fx.as('staff').post(`${report}/submit`).expect(200);
    await fx.as('director').post(`${report}/approve`).expect(403);
    await fx.as('manager').post(`${report}/delegate`, { delegateTo: 'manager2' }).expect(200);
    await fx.as('manager2').post(`${report}/approve`).expect(200);
    await fx.as('director').post(`${report}/return`, { comment: '再考を' }).expect(200);
    await fx.as('staff').post(`${report}/submit`).expect(200);
    await Promise.all([fx.as('manager').post(`${report}/approve`), fx.as('manager2').post(`${report}/approve`)]);
    await fx.as('director').post(`${report}/approve`).expect(200);
    await fx.as('office').post(`${report}/approve`).expect(200);
    await fx.as('office').patch(fx.base(no), { owningBureauCode: 'kodomo' }).expect(200);
    await fx.as('office').post(`${fx.base(no)}/withdraw`, { reason: '再現用の取下げ' }).expect(200);
    await fx.temporal.workflow.getHandle(clusterWorkflowId(fx.fiscalYear, no)).result();
  }

  it('replays a history recorded just now, covering every action', async () => {
    await runEveryAction(27);
    const history = await fx.temporal.workflow.getHandle(clusterWorkflowId(fx.fiscalYear, 27)).fetchHistory();
    await recordHistoryIfAsked(fx.temporal, clusterWorkflowId(fx.fiscalYear, 27), 'every-action');
    await expect(Worker.runReplayHistory(testReplayOptions(), history)).resolves.toBeUndefined();
  });

  // Stored in protobuf's binary form: the exact bytes the server sent, free of JSON conversions.
  const recorded = readdirSync(HISTORIES).filter((file) => file.endsWith('.history.bin'));

  it('has recorded histories to replay', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it('has recordings with encrypted payloads and from before payload encryption, so both keep replaying', () => {
    const encrypted = recorded.filter((file) => readFileSync(join(HISTORIES, file)).includes(ENCRYPTED_ENCODING));
    expect(encrypted.length).toBeGreaterThan(0);
    expect(encrypted.length).toBeLessThan(recorded.length);
  });

  it.each(recorded)('replays the recorded history %s', async (file) => {
    const history = History.decode(readFileSync(join(HISTORIES, file)));
    expect(history.events.length).toBeGreaterThan(10);
    await expect(Worker.runReplayHistory(testReplayOptions(), history)).resolves.toBeUndefined();
  });
});
