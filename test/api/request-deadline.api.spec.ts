import { performance } from 'node:perf_hooks';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

const FY = TEST_FISCAL_YEARS.requestDeadline;
const NO = 27;
const DEADLINE_MS = 2_000;

/** An action sent while no worker polls: answered in time with 503, and safe to send again. */
describe('the request deadline on Workflow Updates', () => {
  let fx: LifecycleFixture;
  const reports = `/api/v1/fiscal-years/${FY}/clusters/${NO}/reports/interim`;

  beforeAll(async () => {
    fx = await startLifecycleFixture(FY, {}, { temporalRequestTimeoutMs: DEADLINE_MS });
    await fx.assignCluster(NO);
    await fx.kickoff(NO);
    await fx.as('staff').put(reports, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${reports}/submit`).expect(200);
  }, 120_000);
  afterAll(() => fx?.close());

  it('answers 503 with Retry-After instead of hanging, and the retry with the same key acts once', async () => {
    await fx.stopWorker();
    const started = performance.now();
    const refused = await fx.as('manager').post(`${reports}/approve`, { comment: null }).set('Idempotency-Key', 'approve-while-no-worker');
    const waited = performance.now() - started;
    const problem = expectProblem(refused, 503, 'temporal.unavailable');
    expect(refused.headers['retry-after']).toBe('5');
    expect(problem.detail).toContain('同じ操作をもう一度');
    // Bounded by the deadline, not by the outage.
    expect(waited).toBeLessThan(DEADLINE_MS + 5_000);

    await fx.startWorker();
    const approved = await fx.as('manager').post(`${reports}/approve`, { comment: null }).set('Idempotency-Key', 'approve-while-no-worker').expect(200);
    expect(approved.body.reports.find((report: { kind: string }) => report.kind === 'interim').submission.steps[0]).toMatchObject({ status: 'approved' });
    const history = (await fx.as('staff').get(`/api/v1/fiscal-years/${FY}/clusters/${NO}/history?pageSize=200`).expect(200)).body.items as { action: string }[];
    expect(history.filter((entry) => entry.action === 'approve')).toHaveLength(1);
  }, 60_000);

  it('answers a kickoff that started the workflow but found no worker 503, and its retry with the same key 201, not "already started"', async () => {
    const no = 28;
    await fx.assignCluster(no);
    const kickoff = (user: 'office' | 'office2', key: string) =>
      fx.as(user).post(`/api/v1/fiscal-years/${FY}/clusters/${no}/kickoff`, { meetingDate: `${FY}-06-04`, attendees: [] }).set('Idempotency-Key', key);
    await fx.stopWorker();
    expectProblem(await kickoff('office', 'kickoff-while-no-worker'), 503, 'temporal.unavailable');

    await fx.startWorker();
    const started = await kickoff('office', 'kickoff-while-no-worker').expect(201);
    expect(started.body).toEqual({ workflowId: `cluster/${FY}/${no}`, started: true });
    expect(started.headers['idempotent-replayed']).toBeUndefined();
    // Anyone else's kickoff is still refused as one of a running analysis.
    expectProblem(await kickoff('office2', 'a-second-kickoff'), 409, 'cluster.already-started');
    const history = (await fx.as('staff').get(`/api/v1/fiscal-years/${FY}/clusters/${no}/history`).expect(200)).body.items as { action: string }[];
    expect(history.map((entry) => entry.action)).toEqual(['kickoff']);
  }, 60_000);
});
