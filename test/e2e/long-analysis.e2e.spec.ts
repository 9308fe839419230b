import { clusterWorkflowId } from '@app/temporal';
import { Worker } from '@temporalio/worker';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { History } from '../support/history-recording';
import { testReplayOptions } from '../support/test-temporal';

const SAVES = 1_000;
const REPORTS = ['interim', 'direction-budget', 'direction-system', 'final'];
/** Temporal terminates a workflow at 51,200 events or 50 MB; each run must stay far below. */
const RUN_EVENT_LIMIT = 51_200;
const RUN_BYTE_LIMIT = 50 * 1024 * 1024;

/**
 * A cluster whose draft is saved a thousand times still completes: the texts stay out of workflow
 * history, each event carries only what changed, and the workflow continues as new when Temporal
 * suggests it, so no history outgrows the server. Every save is in the read model once.
 */
describe('an analysis with a thousand draft saves', () => {
  let fx: LifecycleFixture;
  const no = 27;

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.longAnalysis);
    await fx.assignCluster(no);
    await fx.kickoff(no);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('saves every draft once, continues as new on the way, and completes', async () => {
    const report = `${fx.base(no)}/reports/interim`;
    // About 2,000 characters a save: the texts alone would be 4 MB of history.
    const body = (version: number) => `第${version}版。収集運搬の委託範囲を他都市と比較した結果、`.repeat(80);
    for (let version = 1; version <= SAVES; version++) {
      const saved = await fx.as(version % 2 ? 'staff' : 'staff2').put(report, { title: `経過報告 第${version}版`, body: body(version) }).set('If-Match', `"${version - 1}"`);
      if (saved.status !== 200) throw new Error(`save ${version}: ${saved.status} ${JSON.stringify(saved.body)}`);
    }
    for (const kind of REPORTS) {
      const path = `${fx.base(no)}/reports/${kind}`;
      if (kind !== 'interim') await fx.as('staff').put(path, { title: kind, body: '本文' }).expect(200);
      await fx.as('staff').post(`${path}/submit`).expect(200);
      for (const approver of ['manager', 'director', 'office'] as const) await fx.as(approver).post(`${path}/approve`, {}).expect(200);
    }

    const handle = fx.temporal.workflow.getHandle(clusterWorkflowId(fx.fiscalYear, no));
    await expect(handle.result()).resolves.toMatchObject({ stage: 'COMPLETED' });
    const detail = await fx.as('office').get(fx.base(no)).expect(200);
    expect(detail.body.stage).toBe('COMPLETED');
    const interim = detail.body.reports.find((candidate: { kind: string }) => candidate.kind === 'interim');
    expect(interim.versions).toHaveLength(SAVES);
    expect(interim.latest.body).toBe(body(SAVES));
    const { rows } = await fx.pg.query(
      `SELECT count(*)::int AS saves, count(DISTINCT event_id)::int AS ids FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 AND action = 'save-draft'`,
      [fx.fiscalYear, no],
    );
    expect(rows[0]).toEqual({ saves: SAVES + 3, ids: SAVES + 3 });

    // Every run of the chain: more than one, each far from Temporal's limits, and each replays. The
    // texts saved weigh 6 MB; had they passed through the workflow, the histories would too.
    const runs = [];
    for await (const run of fx.temporal.workflow.list({ query: `WorkflowId = '${clusterWorkflowId(fx.fiscalYear, no)}'` })) runs.push(run);
    expect(runs.length).toBeGreaterThan(1);
    let historyBytes = 0;
    for (const run of runs) {
      const history = await fx.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      const bytes = History.encode(history).finish().length;
      historyBytes += bytes;
      expect(history.events?.length ?? 0).toBeLessThan(RUN_EVENT_LIMIT / 4);
      expect(bytes).toBeLessThan(RUN_BYTE_LIMIT / 10);
      await expect(Worker.runReplayHistory(testReplayOptions(), history, run.runId)).resolves.toBeUndefined();
    }
    expect(historyBytes).toBeLessThan(Buffer.byteLength(body(1)) * SAVES);
  }, 300_000);
});
