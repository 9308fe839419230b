import request from 'supertest';
import { expectProblem } from '../support/problem-details';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';

/** Every kind of error the API gives, as a client sees it: one RFC 9457 shape with a reason code to branch on. */
describe('error answers as problem details', () => {
  let fx: LifecycleFixture;
  const http = () => request(fx.app.getHttpServer());
  const draft = { title: '経過報告', body: '委託範囲の見直しを提案する。' };

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.problems);
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function submittedInterim(no: number): Promise<void> {
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, draft).expect(200);
    await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
  }

  it('names every wrong field of a request in a 400', async () => {
    const response = await fx.as('office').post(`${fx.base(30)}/kickoff`, { meetingDate: '2046-02-30', attendees: 'all', colour: 'red' });
    const problem = expectProblem(response, 400, 'request.invalid');
    expect(problem.fields.map((entry) => entry.field).sort()).toEqual(['attendees', 'colour', 'meetingDate']);
    expect(problem.fields.find((entry) => entry.field === 'colour')?.problems).toEqual(['不明な項目です']);
    expect(problem.current).toBeNull();

    // What no decorator of ours words (a nested field that is not an object) is told in Japanese too.
    const nested = expectProblem(await fx.as('office').put(`/api/v1/fiscal-years/${fx.fiscalYear}/lifecycle-settings`, { reportKinds: 'interim', approvalChain: ['所管課長'] }), 400, 'request.invalid');
    expect(nested.fields).toEqual(
      expect.arrayContaining([{ field: 'approvalChain.0', problems: ['項目の組（JSON のオブジェクト）で指定してください'] }, { field: 'reportKinds', problems: expect.arrayContaining(['報告書の種類は配列で指定してください']) }]),
    );
    expect(JSON.stringify(nested.fields)).not.toMatch(/must|should/);

    const path = expectProblem(await fx.as('staff').get(`/api/v1/fiscal-years/${fx.fiscalYear}/clusters/x`), 400, 'request.invalid');
    expect(path.fields).toEqual([{ field: 'no', problems: ['事業群番号は1〜99999の整数で指定してください。指定値: x'] }]);
  });

  it('answers a body that is not JSON with a 400 too', async () => {
    const response = await http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "admin",');
    expectProblem(response, 400, 'request.invalid');
  });

  it('tells a missing or bad token (auth.required) from a failed login (auth.login-failed)', async () => {
    const anonymous = expectProblem(await fx.as(null).get('/api/v1/me'), 401, 'auth.required');
    expect(anonymous.detail).toContain('ログインが必要です');
    const forged = await http().get('/api/v1/me').set('Authorization', 'Bearer not-a-token');
    expectProblem(forged, 401, 'auth.required');
    expect(forged.headers['www-authenticate']).toBe('Bearer');
    expectProblem(await http().post('/api/v1/auth/login').send({ username: 'staff', password: 'wrong-password' }), 401, 'auth.login-failed');
  });

  it('refuses a user without the role with 403 access.denied', async () => {
    const problem = expectProblem(await fx.as('staff').patch(fx.base(30), { analysedThisYear: true }), 403, 'access.denied');
    expect(problem.detail).toContain('reform-office');
  });

  it('answers an unknown route with 404 route.unknown, with or without a token', async () => {
    expectProblem(await http().get('/api/v1/no-such-thing'), 404, 'route.unknown');
    const wrongMethod = expectProblem(await fx.as('office').get('/api/v1/fiscal-years/2046/clusters/30/kickoff'), 404, 'route.unknown');
    expect(wrongMethod.instance).toBe('/api/v1/fiscal-years/2046/clusters/30/kickoff');
  });

  it('tells an unknown fiscal year from an unknown cluster', async () => {
    expectProblem(await fx.as('staff').get('/api/v1/fiscal-years/2099/clusters/1'), 404, 'fiscal-year.unknown');
    expectProblem(await fx.as('staff').get(fx.base(999)), 404, 'cluster.unknown');
    expectProblem(await fx.as('staff').get(`/api/v1/fiscal-years/2099/progress`), 404, 'fiscal-year.unknown');
  });

  it('refuses an action on an unknown year or cluster with the same 404s, and keeps nothing of it', async () => {
    const body = `存在しない事業群への報告書（${Date.now()}）`;
    expectProblem(await fx.as('staff').put('/api/v1/fiscal-years/2099/clusters/1/reports/interim', { title: '経過報告', body }), 404, 'fiscal-year.unknown');
    expectProblem(await fx.as('staff').put(`${fx.base(999)}/reports/interim`, { title: '経過報告', body }), 404, 'cluster.unknown');
    expectProblem(await fx.as('manager').post(`${fx.base(999)}/reports/interim/approve`, { comment: '承認します' }), 404, 'cluster.unknown');
    expect((await fx.pg.query('SELECT count(*)::int AS n FROM report_texts WHERE body = $1', [body])).rows[0].n).toBe(0);
  });

  it('gives the loser of two simultaneous approvals 409 step.already-decided with the current state', async () => {
    const no = 20;
    await submittedInterim(no);
    const [a, b] = await Promise.all([
      fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: 'A' }),
      fx.as('manager2').post(`${fx.base(no)}/reports/interim/approve`, { comment: 'B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = expectProblem(a.status === 409 ? a : b, 409, 'step.already-decided');
    expect(loser.current).toEqual({ stage: 'INTERIM_REPORT', reports: expect.arrayContaining([{ kind: 'interim', status: 'IN_APPROVAL', version: 1 }]) });
  });

  it('tells an approver whose step it is not (403 step.not-yours) from a recall too late (409 report.already-decided)', async () => {
    const no = 21;
    await submittedInterim(no);
    const early = expectProblem(await fx.as('director').post(`${fx.base(no)}/reports/interim/approve`, {}), 403, 'step.not-yours');
    expect(early.detail).toContain('所管課長');
    expect(early.current).toBeNull();
    expectProblem(await fx.as('otherManager').post(`${fx.base(no)}/reports/interim/approve`, {}), 403, 'step.not-yours');
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, {}).expect(200);
    const late = expectProblem(await fx.as('staff').post(`${fx.base(no)}/reports/interim/recall`), 409, 'report.already-decided');
    expect(late.current).toEqual({ stage: 'INTERIM_REPORT', reports: expect.arrayContaining([{ kind: 'interim', status: 'IN_APPROVAL', version: 1 }]) });
  });

  it('answers an action on a cluster not kicked off with 409 cluster.not-started and its stage', async () => {
    await fx.assignCluster(22);
    const problem = expectProblem(await fx.as('manager').post(`${fx.base(22)}/reports/interim/approve`, {}), 409, 'cluster.not-started');
    expect(problem.current).toEqual({ stage: 'NOT_STARTED', reports: [] });
    const unowned = await fx.as('office').post(`${fx.base(23)}/kickoff`, { meetingDate: '2046-06-04', attendees: [] });
    expect(expectProblem(unowned, 409, 'cluster.no-owning-bureau').current).toEqual({ stage: 'NOT_STARTED', reports: [] });
  });

  it('refuses an Idempotency-Key reused for another request with 422, and replays a refusal as it was', async () => {
    const no = 24;
    await submittedInterim(no);
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: '了' }).set('Idempotency-Key', 'problems-24').expect(200);
    const reused = await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: '別の内容' }).set('Idempotency-Key', 'problems-24');
    expectProblem(reused, 422, 'idempotency.key-reused');

    const refused = await fx.as('manager2').post(`${fx.base(no)}/reports/interim/approve`, {}).set('Idempotency-Key', 'problems-24-late');
    const replayed = await fx.as('manager2').post(`${fx.base(no)}/reports/interim/approve`, {}).set('Idempotency-Key', 'problems-24-late');
    expectProblem(replayed, 409, 'step.already-decided');
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(refused.body);
  });
});
