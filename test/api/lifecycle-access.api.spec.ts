import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName } from '../support/lifecycle-fixture';

type Method = 'get' | 'post' | 'put' | 'patch';

/**
 * Who gets 2xx, 401 and 403 on every lifecycle endpoint. Coarse role rules answer 403 before anything
 * runs; the lifecycle's own rules (owning bureau, current step, submitter) answer 403 with a reason.
 */
describe('access rules of the lifecycle API', () => {
  let fx: LifecycleFixture;
  const ALL_USERS: TestUserName[] = ['staff', 'staff2', 'manager', 'manager2', 'director', 'office', 'office2', 'otherStaff', 'otherManager', 'otherDirector', 'admin'];
  const NON_OFFICE: TestUserName[] = ['staff', 'manager', 'director', 'otherStaff', 'admin'];

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.accessMatrix);
    await fx.assignCluster(30);
    await fx.assignCluster(31);
    await fx.kickoff(30);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const call = (user: TestUserName | null, method: Method, path: string, body?: object) =>
    method === 'get' ? fx.as(user).get(path) : fx.as(user)[method](path, body);

  async function expectUnauthenticated(method: Method, path: string, body?: object): Promise<void> {
    const anonymous = await call(null, method, path, body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.detail).toContain('ログインが必要です');
    const forged = await (method === 'get' ? fx.as(null).get(path) : fx.as(null)[method](path, body)).set('Authorization', 'Bearer not-a-token');
    expect(forged.status).toBe(401);
  }

  async function expectStatus(users: TestUserName[], status: number, method: Method, path: string, body?: object): Promise<void> {
    for (const user of users) {
      const response = await call(user, method, path, body);
      expect({ user, status: response.status }).toEqual({ user, status });
    }
  }

  it.each([
    ['the cluster list', () => `/api/v1/fiscal-years/${fx.fiscalYear}/clusters`],
    ['a cluster detail', () => fx.base(30)],
    ['the history', () => `${fx.base(30)}/history`],
    ['the progress view', () => `/api/v1/fiscal-years/${fx.fiscalYear}/progress`],
    ['the lifecycle settings', () => `/api/v1/fiscal-years/${fx.fiscalYear}/lifecycle-settings`],
    ['my tasks', () => '/api/v1/me/tasks'],
  ])('lets every logged-in user read %s, nobody else', async (_name, path) => {
    await expectUnauthenticated('get', path());
    await expectStatus(ALL_USERS, 200, 'get', path());
  });

  it('keeps cluster settings, kickoffs, bulk kickoff, withdrawal and lifecycle settings to the reform office', async () => {
    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${fx.fiscalYear}/lifecycle-settings`).expect(200)).body;
    const endpoints: [Method, string, object, number][] = [
      ['patch', fx.base(31), { analysedThisYear: true }, 200],
      ['put', `/api/v1/fiscal-years/${fx.fiscalYear}/lifecycle-settings`, settings, 200],
      ['post', `${fx.base(31)}/kickoff`, { meetingDate: '2032-06-04', attendees: [] }, 201],
      ['post', `/api/v1/fiscal-years/${fx.fiscalYear}/kickoff`, { meetingDate: '2032-06-04', attendees: [] }, 200],
      ['post', `${fx.base(31)}/withdraw`, { reason: '権限の確認' }, 200],
    ];
    for (const [method, path, body, allowed] of endpoints) {
      await expectUnauthenticated(method, path, body);
      await expectStatus(NON_OFFICE, 403, method, path, body);
      await expectStatus(['office'], allowed, method, path, body);
    }
  });

  it('lets only staff of the owning bureau write, submit and recall, and only the submitter recall', async () => {
    const draft = `${fx.base(30)}/reports/interim`;
    const body = { title: '経過報告', body: '本文' };
    await expectUnauthenticated('put', draft, body);
    await expectStatus(['manager', 'director', 'office', 'admin', 'otherStaff'], 403, 'put', draft, body);
    await expectStatus(['staff'], 200, 'put', draft, body);

    await expectUnauthenticated('post', `${draft}/submit`);
    await expectStatus(['manager', 'office', 'admin', 'otherStaff'], 403, 'post', `${draft}/submit`);
    await expectStatus(['staff'], 200, 'post', `${draft}/submit`);

    await expectUnauthenticated('post', `${draft}/recall`);
    await expectStatus(['manager', 'office', 'admin', 'otherStaff', 'staff2'], 403, 'post', `${draft}/recall`);
    await expectStatus(['staff'], 200, 'post', `${draft}/recall`);
    await expectStatus(['staff'], 200, 'post', `${draft}/submit`);
  });

  it('lets only the holder of the current step approve, return or delegate', async () => {
    const report = `${fx.base(30)}/reports/interim`;
    for (const action of ['approve', 'return', 'delegate']) {
      const body = action === 'return' ? { comment: '理由' } : action === 'delegate' ? { delegateTo: 'manager2' } : {};
      await expectUnauthenticated('post', `${report}/${action}`, body);
      await expectStatus(['staff', 'admin', 'otherManager', 'director', 'office'], 403, 'post', `${report}/${action}`, body);
    }
    await expectStatus(['manager'], 200, 'post', `${report}/delegate`, { delegateTo: 'manager2' });
    await expectStatus(['manager'], 403, 'post', `${report}/approve`);
    await expectStatus(['manager2'], 200, 'post', `${report}/approve`);
    await expectStatus(['otherDirector'], 403, 'post', `${report}/return`, { comment: '理由' });
    // The managers' step is decided already: for them that is a conflict with the current state.
    await expectStatus(['manager'], 409, 'post', `${report}/return`, { comment: '理由' });
    await expectStatus(['director'], 200, 'post', `${report}/return`, { comment: '根拠の追記をお願いします' });
  });
});
