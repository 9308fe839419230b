import { Role } from '@app/domain';
import request, { Response } from 'supertest';
import { createUser, login } from '../support/api-harness';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

const FY = TEST_FISCAL_YEARS.concurrency;
const IDENTICAL = 50;
const APPROVERS = 20;

/** Many requests at once on the real API, PostgreSQL and Temporal: each effect happens once. */
describe('concurrency: identical retries and racing approvers', () => {
  let fx: LifecycleFixture;
  const managerTokens: string[] = [];

  beforeAll(async () => {
    fx = await startLifecycleFixture(FY);
    for (let index = 1; index <= APPROVERS; index += 1) {
      const username = `race.manager${index}`;
      await createUser(fx.app, { username, roles: [Role.Manager], bureauCode: 'kankyo', displayName: `環境 課長${index}` });
      managerTokens.push(await login(fx.app, username));
    }
  }, 180_000);
  afterAll(() => fx?.close());

  const history = async (no: number) =>
    ((await fx.as('staff').get(`${fx.base(no)}/history?pageSize=200`).expect(200)).body.items as { action: string }[]).map((entry) => entry.action);

  /**
   * Sends the same request `count` times at once. Every answer is the first one, or 409
   * idempotency.in-progress while it is still being handled; sending again resolves each of those.
   */
  async function identicalRequests(send: () => Promise<Response>, count: number): Promise<Response[]> {
    const answers = await Promise.all(Array.from({ length: count }, send));
    const settled: Response[] = [];
    for (let answer of answers) {
      for (let attempt = 0; answer.status === 409 && answer.body.code === 'idempotency.in-progress'; attempt += 1) {
        expect(attempt).toBeLessThan(100);
        expectProblem(answer, 409, 'idempotency.in-progress');
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await send();
      }
      settled.push(answer);
    }
    return settled;
  }

  function expectOneAnswer(answers: Response[], status: number): void {
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => status));
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    // All but the one that acted were answered from the stored answer.
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
  }

  it(`saves one version for ${IDENTICAL} identical draft saves under one Idempotency-Key`, async () => {
    const no = 27;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    const save = () =>
      fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '経過報告', body: '同時に50回送っても一つの版' }).set('Idempotency-Key', 'concurrency-save-27');
    const answers = await identicalRequests(save, IDENTICAL);

    expectOneAnswer(answers, 200);
    const interim = (await fx.as('staff').get(fx.base(no)).expect(200)).body.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(interim.versions).toHaveLength(1);
    expect(await history(no)).toEqual(['kickoff', 'save-draft']);
  }, 120_000);

  it(`approves once for ${IDENTICAL} identical approvals under one Idempotency-Key`, async () => {
    const no = 28;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
    const approve = () => fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: '了' }).set('Idempotency-Key', 'concurrency-approve-28');
    const answers = await identicalRequests(approve, IDENTICAL);

    expectOneAnswer(answers, 200);
    expect(await history(no)).toEqual(['kickoff', 'save-draft', 'submit', 'approve']);
  }, 120_000);

  it(`lets exactly one of ${APPROVERS} approvers of the same role decide a step; the others get 409 with the current state`, async () => {
    const no = 29;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);

    const server = fx.app.getHttpServer();
    const answers = await Promise.all(
      managerTokens.map((token, index) =>
        request(server).post(`${fx.base(no)}/reports/interim/approve`).auth(token, { type: 'bearer' }).set('Idempotency-Key', `race-${index}`).send({ comment: null }),
      ),
    );

    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    const lost = answers.filter((answer) => answer.status !== 200);
    expect(lost).toHaveLength(APPROVERS - 1);
    for (const answer of lost) {
      const problem = expectProblem(answer, 409, 'step.already-decided');
      expect(problem.current).toEqual({ stage: 'INTERIM_REPORT', reports: expect.arrayContaining([{ kind: 'interim', status: 'IN_APPROVAL', version: 1 }]) });
    }
    const interim = won[0].body.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(interim.submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'pending', 'waiting']);
    expect((await history(no)).filter((action) => action === 'approve')).toHaveLength(1);
  }, 120_000);

  it('kicks a cluster off once when many requests to kick it off arrive at once; the others get 409 already-started', async () => {
    const no = 30;
    await fx.assignCluster(no);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        fx
          .as(index % 2 === 0 ? 'office' : 'office2')
          .post(`${fx.base(no)}/kickoff`, { meetingDate: `${FY}-06-04`, attendees: [] })
          .set('Idempotency-Key', `kickoff-race-${index}`),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((answer) => answer.status !== 201)) expectProblem(answer, 409, 'cluster.already-started');
    expect(await history(no)).toEqual(['kickoff']);
  }, 60_000);
});
