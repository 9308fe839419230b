import { clusterWorkflowId } from '@app/temporal';
import { WorkflowNotFoundError } from '@temporalio/client';
import { expectProblem } from '../support/problem-details';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';

/**
 * 完了 and 取下げ are final for the year: the database decides whether a cluster may be kicked off,
 * so neither a second request nor the expiry of Temporal's retention starts an analysis again.
 */
describe('a closed analysis stays closed', () => {
  let fx: LifecycleFixture;

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.closedStaysClosed);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('refuses to kick off a withdrawn cluster again after Temporal has forgotten its workflow', async () => {
    const no = 27;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '経過報告', body: '消えてはならない下書き' }).expect(200);
    await fx.as('office').post(`${fx.base(no)}/withdraw`, { reason: '事業の廃止' }).expect(200);
    const handle = fx.temporal.workflow.getHandle(clusterWorkflowId(fx.fiscalYear, no));
    await handle.result();
    // What the end of the namespace's retention period does: the closed workflow is gone.
    const { runId } = await handle.describe();
    await fx.temporal.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: handle.workflowId, runId } });
    await waitUntilGone(() => handle.describe());

    const again = await fx.as('office').post(`${fx.base(no)}/kickoff`, { meetingDate: `${fx.fiscalYear}-06-04`, attendees: ['環境局'] });
    const problem = expectProblem(again, 409, 'cluster.closed');
    expect(problem.detail).toContain('取下げ');
    await expect(handle.describe()).rejects.toThrow(WorkflowNotFoundError);
    const detail = await fx.as('office').get(fx.base(no)).expect(200);
    expect(detail.body.stage).toBe('WITHDRAWN');
    expect(detail.body.reports.find((report: { kind: string }) => report.kind === 'interim').latest.body).toBe('消えてはならない下書き');

    const bulk = await fx.as('office').post(`/api/v1/fiscal-years/${fx.fiscalYear}/kickoff`, { meetingDate: `${fx.fiscalYear}-06-04`, attendees: ['環境局'] });
    expect(bulk.body.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ no, reason: expect.stringContaining('取下げ') })]));
    await expect(handle.describe()).rejects.toThrow(WorkflowNotFoundError);
  }, 120_000);

  it('lets exactly one of many simultaneous kickoffs of one cluster start it', async () => {
    const no = 28;
    await fx.assignCluster(no);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fx.as('office').post(`${fx.base(no)}/kickoff`, { meetingDate: `${fx.fiscalYear}-06-04`, attendees: ['環境局'] })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) expect(refused.body.code).toBe('cluster.already-started');
    const { rows } = await fx.pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 AND action = 'kickoff'`, [
      fx.fiscalYear,
      no,
    ]);
    expect(rows[0].n).toBe(1);
    await fx.temporal.workflow.getHandle(clusterWorkflowId(fx.fiscalYear, no)).terminate('test finished');
  });
});

async function waitUntilGone(describe: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      await describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the workflow was not deleted');
}
