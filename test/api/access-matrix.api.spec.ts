import { ACTION_ROLES, Role } from '@app/domain';
import request from 'supertest';
import { createUser, login, TEST_ADMIN_PASSWORD } from '../support/api-harness';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName, USERS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

type Rule = 'public' | 'authenticated' | 'feed-link' | readonly Role[];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const ADMIN = [Role.Admin];
const OFFICE = [Role.ReformOffice];
const CLUSTER = '/api/v1/fiscal-years/{fy}/clusters/{no}';
const REPORT = `${CLUSTER}/reports/{kind}`;
const X_POLICY = '/api/v1/fiscal-years/{fy}/x-policies/{bureau}';
const STAFF = [Role.Staff];
const PROPOSAL = '/api/v1/fiscal-years/{fy}/platinum/proposals/{id}';
const DECIDERS = [Role.Manager, Role.Director, Role.ReformOffice];

/**
 * The access rule of every operation of the API, as people are told it. An operation the OpenAPI
 * document has and this table lacks fails the suite, so a new endpoint cannot escape it.
 */
const RULES: Readonly<Record<string, Rule>> = {
  'GET /api/v1/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/session': 'public',
  'DELETE /api/v1/auth/session': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'POST /api/v1/auth/calendar-feed-link': 'authenticated',
  'GET /api/v1/me': 'authenticated',
  'GET /api/v1/me/tasks': 'authenticated',
  'GET /api/v1/me/process-tasks': 'authenticated',
  'GET /api/v1/me/notifications': 'authenticated',
  'POST /api/v1/me/notifications/read-all': 'authenticated',
  'POST /api/v1/me/notifications/{id}/read': 'authenticated',
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'GET /api/v1/users/history': ADMIN,
  'GET /api/v1/admin/projection-failures': ADMIN,
  'GET /api/v1/notification-deliveries': ADMIN,
  'PATCH /api/v1/users/{id}': ADMIN,
  'POST /api/v1/users/{id}/password': ADMIN,
  'GET /api/v1/bureaus': 'authenticated',
  'POST /api/v1/bureaus': ADMIN,
  'GET /api/v1/fiscal-years': 'authenticated',
  'POST /api/v1/fiscal-years': [Role.ReformOffice, Role.Admin],
  'GET /api/v1/fiscal-years/{fy}/catalogue': 'authenticated',
  'GET /api/v1/fiscal-years/{fy}/next-meeting': 'authenticated',
  'GET /api/v1/fiscal-years/{fy}/clusters': 'authenticated',
  'PATCH /api/v1/fiscal-years/{fy}/clusters': ACTION_ROLES.changeCluster,
  'POST /api/v1/fiscal-years/{fy}/kickoff': OFFICE,
  'GET /api/v1/fiscal-years/{fy}/progress': 'authenticated',
  'GET /api/v1/fiscal-years/{fy}/lifecycle-settings': 'authenticated',
  'PUT /api/v1/fiscal-years/{fy}/lifecycle-settings': OFFICE,
  'GET /api/v1/fiscal-years/{fy}/meetings': 'authenticated',
  'POST /api/v1/fiscal-years/{fy}/meetings': OFFICE,
  'PATCH /api/v1/fiscal-years/{fy}/meetings/{id}': OFFICE,
  'GET /api/v1/fiscal-years/{fy}/meetings/{id}/due': 'authenticated',
  'GET /api/v1/fiscal-years/{fy}/calendar-settings': 'authenticated',
  'PUT /api/v1/fiscal-years/{fy}/calendar-settings': OFFICE,
  'GET /api/v1/fiscal-years/{fy}/calendar.ics': 'feed-link',
  [`GET ${CLUSTER}`]: 'authenticated',
  [`PATCH ${CLUSTER}`]: ACTION_ROLES.changeCluster,
  [`POST ${CLUSTER}/kickoff`]: ACTION_ROLES.kickoff,
  [`POST ${CLUSTER}/withdraw`]: ACTION_ROLES.withdraw,
  [`GET ${CLUSTER}/history`]: 'authenticated',
  [`PUT ${REPORT}`]: ACTION_ROLES.saveDraft,
  [`POST ${REPORT}/submit`]: ACTION_ROLES.submit,
  [`POST ${REPORT}/recall`]: ACTION_ROLES.recall,
  [`POST ${REPORT}/approve`]: ACTION_ROLES.approve,
  [`POST ${REPORT}/return`]: ACTION_ROLES.return,
  [`POST ${REPORT}/delegate`]: ACTION_ROLES.delegate,
  [`GET ${REPORT}/delegates`]: ACTION_ROLES.delegate,
  // Authenticated at the door; who may read the text is the report's own rule, below.
  [`GET ${REPORT}/versions/{version}`]: 'authenticated',
  'GET /api/v1/fiscal-years/{fy}/x-policy-settings': 'authenticated',
  'PUT /api/v1/fiscal-years/{fy}/x-policy-settings': OFFICE,
  'POST /api/v1/fiscal-years/{fy}/x-policies/start': OFFICE,
  'GET /api/v1/fiscal-years/{fy}/x-policies': 'authenticated',
  // Authenticated at the door; the drafts and comments are the bureau's and the reform office's alone.
  [`GET ${X_POLICY}`]: 'authenticated',
  [`GET ${X_POLICY}/history`]: 'authenticated',
  [`PUT ${X_POLICY}/self-inspection`]: STAFF,
  [`PUT ${X_POLICY}/issues`]: STAFF,
  [`POST ${X_POLICY}/submit`]: STAFF,
  [`POST ${X_POLICY}/recall`]: STAFF,
  [`POST ${X_POLICY}/approve`]: DECIDERS,
  [`POST ${X_POLICY}/return`]: DECIDERS,
  [`POST ${X_POLICY}/issues/{issueId}/progress`]: STAFF,
  [`POST ${X_POLICY}/issues/{issueId}/progress/approve`]: [Role.Director],
  [`POST ${X_POLICY}/issues/{issueId}/progress/return`]: [Role.Director],
  'GET /api/v1/fiscal-years/{fy}/platinum': 'authenticated',
  'PUT /api/v1/fiscal-years/{fy}/platinum/members': OFFICE,
  'POST /api/v1/fiscal-years/{fy}/platinum/formation': OFFICE,
  'PUT /api/v1/fiscal-years/{fy}/platinum/deadlines': OFFICE,
  // Any logged-in user at the door; whether they are of the PT, its leader or the owning bureau is the proposal's own rule.
  'GET /api/v1/fiscal-years/{fy}/platinum/proposals': 'authenticated',
  'POST /api/v1/fiscal-years/{fy}/platinum/proposals': 'authenticated',
  [`GET ${PROPOSAL}`]: 'authenticated',
  [`GET ${PROPOSAL}/history`]: 'authenticated',
  [`PUT ${PROPOSAL}`]: 'authenticated',
  [`POST ${PROPOSAL}/submit`]: 'authenticated',
  [`POST ${PROPOSAL}/recall`]: 'authenticated',
  [`POST ${PROPOSAL}/approve`]: 'authenticated',
  [`POST ${PROPOSAL}/return`]: 'authenticated',
  [`POST ${PROPOSAL}/delegate`]: 'authenticated',
  [`POST ${PROPOSAL}/assign`]: OFFICE,
  [`PUT ${PROPOSAL}/decision`]: STAFF,
  [`POST ${PROPOSAL}/decision/submit`]: STAFF,
  [`POST ${PROPOSAL}/decision/recall`]: STAFF,
  [`POST ${PROPOSAL}/decision/approve`]: [Role.Manager, Role.Director],
  [`POST ${PROPOSAL}/decision/return`]: [Role.Manager, Role.Director],
  [`POST ${PROPOSAL}/decision/delegate`]: [Role.Manager, Role.Director],
  [`GET ${PROPOSAL}/decision/delegates`]: [Role.Manager, Role.Director],
  [`PUT ${PROPOSAL}/policies/{bureau}`]: [Role.Director],
  [`POST ${PROPOSAL}/withdraw`]: OFFICE,
  'GET /api/v1/public/fiscal-years/{fy}/x-policies': 'public',
  'GET /api/v1/public/fiscal-years/{fy}/x-policies/{bureau}': 'public',
};

/** Ends every token the caller holds: probed last, after which the user logs in again. */
const ENDS_THE_CALLERS_TOKENS = new Set(['POST /api/v1/auth/logout']);

/** Every role, in the owning bureau (kankyo) and in another (kodomo), and the programme-wide ones. */
const MATRIX_USERS: TestUserName[] = ['staff', 'otherStaff', 'manager', 'otherManager', 'director', 'otherDirector', 'office', 'admin'];
const rolesOf = (user: TestUserName): readonly Role[] => (user === 'admin' ? [Role.Admin] : USERS[user].roles);

const READERS: TestUserName[] = ['staff', 'staff2', 'manager', 'manager2', 'director', 'office', 'office2', 'staffAndManager'];
const NON_READERS: TestUserName[] = ['otherStaff', 'otherManager', 'otherDirector', 'admin'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Never kicked off in this file: every probe of an acting endpoint is refused after the access check, changing nothing. */
const UNTOUCHED = 31;

describe('the access matrix: every endpoint × role × bureau', () => {
  let fx: LifecycleFixture;
  const extraTokens: Record<string, string> = {};

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.accessMatrix);
    // 兼務: the manager and the director post of the owning bureau at once; and delegates to be changed by an admin.
    const extra = {
      'kankyo.md': [Role.Manager, Role.Director],
      'kankyo.deputy-role': [Role.Manager],
      'kankyo.deputy-bureau': [Role.Manager],
      'kankyo.deputy-leaves': [Role.Manager],
    };
    for (const [username, roles] of Object.entries(extra)) {
      await createUser(fx.app, { username, roles, bureauCode: 'kankyo', displayName: username });
      extraTokens[username] = await login(fx.app, username);
    }
    for (const no of [30, 32, 33, 34, 35, 36, 37, 38]) await fx.assignCluster(no);
    await Promise.all([30, 32, 33, 34, 35, 36, 37, 38].map((no) => fx.kickoff(no)));
  });
  afterAll(async () => {
    await fx?.close();
  });

  const server = () => fx.app.getHttpServer();
  const send = (method: Method, path: string, token: string | null, body?: object) => {
    const test = request(server())[method](path);
    const authed = token ? test.auth(token, { type: 'bearer' }) : test;
    return method === 'get' || method === 'delete' ? authed : authed.send(body ?? {});
  };
  const as = (user: TestUserName | string) => {
    const token = (fx.tokens as Record<string, string>)[user] ?? extraTokens[user];
    return {
      get: (path: string) => send('get', path, token),
      post: (path: string, body?: object) => send('post', path, token, body),
      put: (path: string, body?: object) => send('put', path, token, body),
      patch: (path: string, body?: object) => send('patch', path, token, body),
    };
  };
  const report = (no: number, kind = 'interim') => `${fx.base(no)}/reports/${kind}`;
  const interimOf = (detail: { reports: { kind: string }[] }) => detail.reports.find((candidate) => candidate.kind === 'interim') as Record<string, unknown>;
  const submitted = async (no: number, drafter: TestUserName = 'staff', text = { title: '経過報告', body: '本文' }) => {
    await as(drafter).put(report(no), text).expect(200);
    await as(drafter).post(`${report(no)}/submit`).expect(200);
  };
  const userId = async (username: string) =>
    ((await as('admin').get(`/api/v1/users?pageSize=200`).expect(200)).body.items as { id: string; username: string }[]).find((user) => user.username === username)?.id as string;

  describe('every operation of the OpenAPI document', () => {
    let operations: { key: string; method: Method; path: string; description: string }[] = [];

    beforeAll(async () => {
      const document = (await request(server()).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { description?: string }>> };
      operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
        Object.entries(byMethod).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method: method as Method, path, description: operation.description ?? '' })),
      );
    });

    /** The operation's path with real values: this year, a cluster nobody touches, unknown ids. */
    const concrete = (path: string) =>
      path
        .replace('{fy}', String(fx.fiscalYear))
        .replace('{no}', String(UNTOUCHED))
        .replace('{kind}', 'interim')
        .replace('{version}', '1')
        .replace('{id}', UNKNOWN_ID)
        .replace('{bureau}', 'kankyo')
        .replace('{issueId}', 'seal-free');

    it('has a rule in this table for each operation, and each operation states its rule first', () => {
      expect(operations.length).toBeGreaterThanOrEqual(Object.keys(RULES).length);
      expect(operations.map((operation) => operation.key).filter((key) => !(key in RULES))).toEqual([]);
      expect(Object.keys(RULES).filter((key) => !operations.some((operation) => operation.key === key))).toEqual([]);
      for (const operation of operations) expect({ key: operation.key, description: operation.description }).toEqual({ key: operation.key, description: expect.stringMatching(/^Access: /) });
    });

    it('answers 401 without a token and with a forged one, on every operation but the public ones', async () => {
      for (const operation of operations) {
        const path = concrete(operation.path);
        const anonymous = await send(operation.method, path, null);
        if (RULES[operation.key] === 'public') {
          expect({ key: operation.key, status: anonymous.status < 500 && anonymous.status !== 401 }).toEqual({ key: operation.key, status: true });
          continue;
        }
        expect({ key: operation.key, status: anonymous.status, code: anonymous.body.code }).toEqual({ key: operation.key, status: 401, code: 'auth.required' });
        const forged = await send(operation.method, path, 'not-a-token');
        expect({ key: operation.key, status: forged.status }).toEqual({ key: operation.key, status: 401 });
      }
    });

    it.each(MATRIX_USERS)('lets %s through exactly the operations their roles allow, and refuses the rest with 403 access.denied', async (user) => {
      const last = (operation: { key: string }) => (ENDS_THE_CALLERS_TOKENS.has(operation.key) ? 1 : 0);
      for (const operation of [...operations].sort((a, b) => last(a) - last(b))) {
        const rule = RULES[operation.key];
        if (rule === 'public') continue;
        const response = await send(operation.method, concrete(operation.path), fx.tokens[user]);
        const allowed = typeof rule === 'string' || rule.some((role) => rolesOf(user).includes(role));
        const seen = response.status === 403 && response.body.code === 'access.denied' ? 'denied' : response.status === 401 ? 'unauthenticated' : response.status >= 500 ? 'failed' : 'let through';
        expect({ user, operation: operation.key, seen }).toEqual({ user, operation: operation.key, seen: allowed ? 'let through' : 'denied' });
      }
      fx.tokens[user] = await login(fx.app, user, user === 'admin' ? TEST_ADMIN_PASSWORD : undefined);
    });
  });

  describe('the lifecycle rules by bureau and step', () => {
    it('lets only staff of the owning bureau write, submit and recall, and only the submitter recall', async () => {
      const draft = report(30);
      const body = { title: '経過報告', body: '本文' };
      for (const user of ['manager', 'director', 'office', 'admin'] as const) expect((await as(user).put(draft, body)).status).toBe(403);
      expectProblem(await as('otherStaff').put(draft, body), 403, 'report.not-drafter');
      await as('staff').put(draft, body).expect(200);
      expectProblem(await as('otherStaff').post(`${draft}/submit`), 403, 'report.not-drafter');
      await as('staff').post(`${draft}/submit`).expect(200);
      expectProblem(await as('staff2').post(`${draft}/recall`), 403, 'report.not-submitter');
      expectProblem(await as('otherStaff').post(`${draft}/recall`), 403, 'report.not-submitter');
      await as('staff').post(`${draft}/recall`).expect(200);
      await as('staff').post(`${draft}/submit`).expect(200);
    });

    it('lets only the holder of the current step decide: not another bureau, not a later step', async () => {
      const path = report(30);
      for (const user of ['otherManager', 'director', 'otherDirector'] as const) {
        expectProblem(await as(user).post(`${path}/approve`), 403, 'step.not-yours');
        expectProblem(await as(user).post(`${path}/return`, { comment: '理由' }), 403, 'step.not-yours');
      }
      await as('manager').post(`${path}/delegate`, { delegateTo: 'manager2' }).expect(200);
      expectProblem(await as('manager').post(`${path}/approve`), 403, 'step.not-yours');
      await as('manager2').post(`${path}/approve`).expect(200);
      // The managers' step is decided already: for them that is a conflict with the current state.
      expectProblem(await as('manager').post(`${path}/return`, { comment: '理由' }), 409, 'step.already-decided');
      await as('director').post(`${path}/return`, { comment: '根拠の追記をお願いします' }).expect(200);
    });

    it('refuses a report to whoever wrote or submitted it, whatever other role they hold', async () => {
      await submitted(38, 'staffAndManager');
      expectProblem(await as('staffAndManager').post(`${report(38)}/approve`), 403, 'report.own-report');
      await as('manager').post(`${report(38)}/approve`).expect(200);
    });
  });

  describe('who reads the texts of a report', () => {
    const NO = 32;
    const SECRETS = ['秘密の件名 第1版', '秘密の本文 第1版', '秘密の差戻し理由', '秘密の件名 第2版', '秘密の本文 第2版', '秘密の承認コメント'];

    beforeAll(async () => {
      await submitted(NO, 'staff', { title: SECRETS[0], body: SECRETS[1] });
      await as('manager').post(`${report(NO)}/return`, { comment: SECRETS[2] }).expect(200);
      await submitted(NO, 'staff', { title: SECRETS[3], body: SECRETS[4] });
      await as('manager').post(`${report(NO)}/approve`, { comment: SECRETS[5] }).expect(200);
    });

    const seenBy = async (user: TestUserName) => {
      const detail = (await as(user).get(fx.base(NO)).expect(200)).body;
      const history = (await as(user).get(`${fx.base(NO)}/history?pageSize=200`).expect(200)).body;
      const versions = await Promise.all([1, 2].map(async (version) => (await as(user).get(`${report(NO)}/versions/${version}`)).status));
      return { detail, history, versions };
    };

    it.each(READERS)('shows %s the drafts, earlier versions, comments and history texts', async (user) => {
      const { detail, history, versions } = await seenBy(user);
      const interim = interimOf(detail);
      expect(interim).toMatchObject({ textsRestricted: false, textsRestrictedReason: null, latest: { version: 2, title: SECRETS[3], body: SECRETS[4] } });
      for (const secret of [SECRETS[0], SECRETS[3], SECRETS[5]]) expect(JSON.stringify(detail)).toContain(secret);
      for (const secret of [SECRETS[0], SECRETS[2], SECRETS[3], SECRETS[5]]) expect(JSON.stringify(history)).toContain(secret);
      expect(history.items.every((entry: { textsRestricted: boolean }) => !entry.textsRestricted)).toBe(true);
      expect(versions).toEqual([200, 200]);
      expectProblem(await as(user).get(`${report(NO)}/versions/99`), 404, 'report.version-unknown');
    });

    it.each(NON_READERS)('keeps them from %s, saying so, while stage, versions and the chain stay visible', async (user) => {
      const { detail, history, versions } = await seenBy(user);
      const interim = interimOf(detail);
      expect(interim).toMatchObject({ textsRestricted: true, latest: null, status: 'IN_APPROVAL', lastReturn: { comment: null, stepLabel: '所管課長' } });
      expect(interim.textsRestrictedReason).toContain('所管局');
      expect((interim.versions as { version: number; title: string | null }[]).map((version) => [version.version, version.title])).toEqual([[1, null], [2, null]]);
      expect((interim.submission as { steps: { status: string; comment: string | null }[] }).steps.map((step) => [step.status, step.comment])).toEqual([
        ['approved', null],
        ['pending', null],
        ['waiting', null],
      ]);
      for (const secret of SECRETS) {
        expect(JSON.stringify(detail)).not.toContain(secret);
        expect(JSON.stringify(history)).not.toContain(secret);
      }
      const entries = history.items as { action: string; reportKind: string | null; textsRestricted: boolean; details: Record<string, unknown> }[];
      expect(entries.find((entry) => entry.action === 'kickoff')?.textsRestricted).toBe(false);
      expect(entries.filter((entry) => entry.reportKind === 'interim').every((entry) => entry.textsRestricted)).toBe(true);
      expect(entries.find((entry) => entry.action === 'save-draft')?.details).toEqual({ version: 1 });
      expect(versions).toEqual([404, 404]);
      const refusal = expectProblem(await as(user).get(`${report(NO)}/versions/1`), 404, 'report.text-restricted');
      expect(refusal.detail).toContain('閲覧できません');
      // Whether a version exists is not told either.
      expectProblem(await as(user).get(`${report(NO)}/versions/99`), 404, 'report.text-restricted');
      // The catalogue, board, progress and calendar stay open to every member of staff.
      for (const path of ['clusters', 'catalogue', 'progress', 'meetings', 'next-meeting']) await as(user).get(`/api/v1/fiscal-years/${fx.fiscalYear}/${path}`).expect(200);
    });

    it('opens an approved report, and only once approved, to everyone when the year says so; off by default', async () => {
      const settingsPath = `/api/v1/fiscal-years/${fx.fiscalYear}/lifecycle-settings`;
      const settings = (await as('office').get(settingsPath).expect(200)).body;
      expect(settings.approvedReportsReadableByAll).toBe(false);
      await as('office').put(settingsPath, { ...settings, approvedReportsReadableByAll: true }).expect(200);
      try {
        expectProblem(await as('otherStaff').get(`${report(NO)}/versions/2`), 404, 'report.text-restricted');
        await as('director').post(`${report(NO)}/approve`).expect(200);
        await as('office').post(`${report(NO)}/approve`).expect(200);
        for (const user of NON_READERS) {
          expect((await as(user).get(`${report(NO)}/versions/2`).expect(200)).body).toMatchObject({ title: SECRETS[3], body: SECRETS[4] });
          expect(interimOf((await as(user).get(fx.base(NO)).expect(200)).body)).toMatchObject({ status: 'APPROVED', textsRestricted: false });
        }
        await as('office').put(settingsPath, { ...settings, approvedReportsReadableByAll: false }).expect(200);
        expectProblem(await as('otherManager').get(`${report(NO)}/versions/2`), 404, 'report.text-restricted');
      } finally {
        await as('office').put(settingsPath, settings).expect(200);
      }
      expect((await as('staff').get(settingsPath).expect(200)).body.approvedReportsReadableByAll).toBe(false);
    });
  });

  describe('separation of duties: nobody decides two steps of one submission', () => {
    it('refuses the director step to the user who approved the manager step holding both roles', async () => {
      await submitted(33);
      await as('kankyo.md').post(`${report(33)}/approve`).expect(200);
      expectProblem(await as('kankyo.md').post(`${report(33)}/approve`), 403, 'step.separation-of-duties');
      expectProblem(await as('kankyo.md').post(`${report(33)}/return`, { comment: '理由' }), 403, 'step.separation-of-duties');
      expectProblem(await as('kankyo.md').post(`${report(33)}/delegate`, { delegateTo: 'director' }), 403, 'step.separation-of-duties');
      const permitted = (await as('kankyo.md').get(fx.base(33)).expect(200)).body.permitted.reports.find((entry: { kind: string }) => entry.kind === 'interim');
      expect(permitted).toMatchObject({ approve: false, return: false, delegate: false });
      const tasks = (await as('kankyo.md').get('/api/v1/me/tasks?pageSize=200').expect(200)).body.items as { clusterNo: number }[];
      expect(tasks.map((task) => task.clusterNo)).not.toContain(33);
      await as('director').post(`${report(33)}/approve`).expect(200);
    });

    it('refuses a second step reached by delegation: not handed to whoever decided the first, nor decided by them', async () => {
      await submitted(34);
      await as('manager').post(`${report(34)}/delegate`, { delegateTo: 'kankyo.md' }).expect(200);
      await as('kankyo.md').post(`${report(34)}/approve`).expect(200);
      const candidates = (await as('director').get(`${report(34)}/delegates`).expect(200)).body as { username: string }[];
      expect(candidates.map((candidate) => candidate.username)).not.toContain('kankyo.md');
      const refusal = expectProblem(await as('director').post(`${report(34)}/delegate`, { delegateTo: 'kankyo.md' }), 400, 'delegate.invalid');
      expect(refusal.detail).toContain('所管課長');
      expectProblem(await as('kankyo.md').post(`${report(34)}/approve`), 403, 'step.separation-of-duties');
      await as('director').post(`${report(34)}/approve`).expect(200);
    });

    it.each([
      ['loses the role', 35, 'kankyo.deputy-role', { roles: [Role.Director] }],
      ['moves to another bureau', 36, 'kankyo.deputy-bureau', { bureauCode: 'kodomo' }],
      ['is deactivated', 37, 'kankyo.deputy-leaves', { active: false }],
    ])('returns the step to its role holders when the delegate %s', async (_what, no, deputy, change) => {
      await submitted(no);
      await as('manager').post(`${report(no)}/delegate`, { delegateTo: deputy }).expect(200);
      expectProblem(await as('manager').post(`${report(no)}/approve`), 403, 'step.not-yours');

      await as('admin').patch(`/api/v1/users/${await userId(deputy)}`, change).expect(200);

      if (!('active' in change)) {
        // Their new token speaks for who they are now: no longer the step's holder.
        const token = await login(fx.app, deputy);
        const refused = await send('post', `${report(no)}/approve`, token);
        expectProblem(refused, 403, 'step.not-yours');
      } else {
        await send('post', `${report(no)}/approve`, extraTokens[deputy]).expect(401);
      }
      const history = (await as('office').get(`${fx.base(no)}/history?pageSize=200`).expect(200)).body.items as { action: string; actionLabel: string; actor: { name: string }; details: { delegate?: { name: string } } }[];
      const release = history.find((entry) => entry.action === 'release-delegation');
      expect(release).toMatchObject({ actionLabel: '代理の解除', details: { delegate: { name: deputy } } });
      const tasks = (await as('manager2').get('/api/v1/me/tasks?pageSize=200').expect(200)).body.items as { clusterNo: number; delegated: boolean }[];
      expect(tasks.find((task) => task.clusterNo === no)).toMatchObject({ delegated: false });
      const steps = interimOf((await as('manager').get(fx.base(no)).expect(200)).body).submission as { steps: { delegatedTo: unknown }[] };
      expect(steps.steps[0].delegatedTo).toBeNull();
      await as('manager').post(`${report(no)}/approve`).expect(200);
    });
  });
});
