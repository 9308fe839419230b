import { REFUSAL_CODES, Role } from '@app/domain';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createUser, login, startApi } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

interface ClusterItem {
  no: number;
  name: string;
  group: { code: string; name: string };
  kind: { code: string } | null;
  analysedThisYear: boolean;
  owningBureau: { code: string } | null;
  stage: string;
  stageLabel: string;
}
interface ClusterPage {
  items: ClusterItem[];
  total: number;
  page: number;
  pageSize: number;
}

describe('the FY2024 catalogue through the API', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let staffToken: string;
  let officeToken: string;
  let adminToken: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  beforeAll(async () => {
    await createUser(app, { username: 'office', roles: [Role.ReformOffice], displayName: '市政変革 太郎' });
    await createUser(app, { username: 'staff', roles: [Role.Staff] });
    [officeToken, staffToken] = await Promise.all([login(app, 'office'), login(app, 'staff')]);
    adminToken = await login(app, 'admin', 'test-admin-password');
  });

  async function clusters(query: Record<string, string | number>, token = staffToken): Promise<ClusterPage> {
    const response = await http().get('/api/v1/fiscal-years/2024/clusters').query(query).auth(token, { type: 'bearer' }).expect(200);
    return response.body as ClusterPage;
  }

  it('lists all 57 seeded clusters from PostgreSQL, in catalogue order and not started', async () => {
    const page = await clusters({ pageSize: 100 });
    expect(page.total).toBe(57);
    expect(page.items.map((item) => item.no).sort((a, b) => a - b)).toEqual(Array.from({ length: 57 }, (_, index) => index + 1));
    expect(page.items.every((item) => item.stage === 'NOT_STARTED' && item.stageLabel === '未着手')).toBe(true);
    expect(page.items.find((item) => item.name === '保育所・幼稚園')).toBeDefined();
  });

  it('counts 9 + 28 + 5 policy clusters by kind, 8 cross-cutting and 7 organisation-strengthening', async () => {
    const counts = await Promise.all([
      clusters({ group: 'policy-programme', kind: 'operations' }),
      clusters({ group: 'policy-programme', kind: 'city-specific' }),
      clusters({ group: 'policy-programme', kind: 'national-system' }),
      clusters({ group: 'cross-cutting' }),
      clusters({ group: 'organisation' }),
    ]);
    expect(counts.map((page) => page.total)).toEqual([9, 28, 5, 8, 7]);
  });

  it('pages the list without overlap', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => clusters({ page, pageSize: 20 })));
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 17]);
    const numbers = pages.flatMap((page) => page.items.map((item) => item.no));
    expect(new Set(numbers).size).toBe(57);
  });

  it('refuses a bad filter with 400 naming the field, in Japanese', async () => {
    const response = await http().get('/api/v1/fiscal-years/2024/clusters').query({ group: 'sports', pageSize: 0 }).auth(staffToken, { type: 'bearer' }).expect(400);
    const fields = (response.body.fields as { field: string }[]).map((entry) => entry.field).sort();
    expect(fields).toEqual(['group', 'pageSize']);
    expect(response.body.detail).toContain('入力内容に誤りがあります');
  });

  it('answers 404 for a fiscal year that is not registered and for an unknown cluster', async () => {
    const year = await http().get('/api/v1/fiscal-years/2031/clusters').auth(staffToken, { type: 'bearer' }).expect(404);
    expect(year.body.detail).toContain('令和13年度');
    await http().get('/api/v1/fiscal-years/2024/clusters/58').auth(staffToken, { type: 'bearer' }).expect(404);
    await http().get('/api/v1/fiscal-years/20x4/clusters').auth(staffToken, { type: 'bearer' }).expect(400);
  });

  it('requires a valid token', async () => {
    await http().get('/api/v1/fiscal-years/2024/clusters').expect(401);
    await http().get('/api/v1/fiscal-years/2024/clusters').auth('not-a-token', { type: 'bearer' }).expect(401);
  });

  it('lets only the reform office change the analysed flag and the owning bureau', async () => {
    await http().patch('/api/v1/fiscal-years/2024/clusters/27').auth(staffToken, { type: 'bearer' }).send({ analysedThisYear: true }).expect(403);
    await http().patch('/api/v1/fiscal-years/2024/clusters/27').auth(adminToken, { type: 'bearer' }).send({ analysedThisYear: true }).expect(403);
    const changed = await http().patch('/api/v1/fiscal-years/2024/clusters/27').auth(officeToken, { type: 'bearer' }).send({ analysedThisYear: true }).expect(200);
    expect(changed.body).toMatchObject({ no: 27, analysedThisYear: true });
    const analysed = await clusters({ analysed: 'true' });
    expect(analysed.items.map((item) => item.no)).toEqual([27]);
    await http().patch('/api/v1/fiscal-years/2024/clusters/27').auth(officeToken, { type: 'bearer' }).send({ analysedThisYear: true }).expect(200);
    const history = await http().get('/api/v1/fiscal-years/2024/clusters/27/history').auth(staffToken, { type: 'bearer' }).expect(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual(['set-analysed']);
    const unknownBureau = await http()
      .patch('/api/v1/fiscal-years/2024/clusters/27')
      .auth(officeToken, { type: 'bearer' })
      .send({ owningBureauCode: 'no-such-bureau' })
      .expect(400);
    expect(unknownBureau.body.detail).toContain('no-such-bureau');

    // A bureau given and taken away again, each in the 履歴 with what it was and what it became; the same one again is nothing.
    await http().post('/api/v1/bureaus').auth(adminToken, { type: 'bearer' }).send({ code: 'kankyo', name: '環境局' }).expect(201);
    const owner = (owningBureauCode: string | null) => http().patch('/api/v1/fiscal-years/2024/clusters/27').auth(officeToken, { type: 'bearer' }).send({ owningBureauCode }).expect(200);
    await owner('kankyo');
    await owner('kankyo');
    await owner(null);
    const entries = (await http().get('/api/v1/fiscal-years/2024/clusters/27/history').auth(staffToken, { type: 'bearer' }).expect(200)).body.items;
    expect(entries.map((entry: { actionLabel: string; details: unknown }) => [entry.actionLabel, entry.details])).toEqual([
      ['今年度の分析対象に設定', {}],
      ['所管局の変更', { from: null, to: { code: 'kankyo', name: '環境局' } }],
      ['所管局の変更', { from: { code: 'kankyo', name: '環境局' }, to: null }],
    ]);
    await http().patch('/api/v1/fiscal-years/2024/clusters/27').auth(officeToken, { type: 'bearer' }).send({ analysed: true }).expect(400);
  });

  it('lets the reform office flag and unflag many clusters in one change, all of them or none', async () => {
    const flag = (body: object, token = officeToken) => http().patch('/api/v1/fiscal-years/2024/clusters').auth(token, { type: 'bearer' }).send(body);
    const analysedOf = async (nos: number[]) => {
      const query = [...nos.map((no) => `no=${no}`), 'pageSize=100'].join('&');
      const page = (await http().get(`/api/v1/fiscal-years/2024/clusters?${query}`).auth(staffToken, { type: 'bearer' }).expect(200)).body as ClusterPage;
      return Object.fromEntries(page.items.map((item) => [item.no, item.analysedThisYear]));
    };
    await flag({ nos: [40, 41], analysedThisYear: true }, staffToken).expect(403);
    await flag({ nos: [40, 41], analysedThisYear: true }, adminToken).expect(403);

    expect((await flag({ nos: [40, 41, 42], analysedThisYear: true }).expect(200)).body).toEqual({ analysedThisYear: true, changed: 3, unchanged: 0 });
    expect((await flag({ nos: [41, 42, 43, 43], analysedThisYear: true }).expect(200)).body).toEqual({ analysedThisYear: true, changed: 1, unchanged: 2 });
    expect((await flag({ nos: [40, 43, 44], analysedThisYear: false }).expect(200)).body).toEqual({ analysedThisYear: false, changed: 2, unchanged: 1 });
    expect(await analysedOf([40, 41, 42, 43, 44])).toEqual({ 40: false, 41: true, 42: true, 43: false, 44: false });
    // Each change is in the cluster's 履歴, with who made it; what changed nothing is not.
    const historyOf = async (no: number) =>
      ((await http().get(`/api/v1/fiscal-years/2024/clusters/${no}/history`).auth(staffToken, { type: 'bearer' }).expect(200)).body.items as {
        action: string;
        actionLabel: string;
        actor: { name: string };
        fromStage: string;
        toStage: string;
      }[]).map(({ actionLabel, actor, fromStage, toStage }) => [actionLabel, actor.name, fromStage, toStage]);
    expect(await historyOf(40)).toEqual([
      ['今年度の分析対象に設定', '市政変革 太郎', 'NOT_STARTED', 'NOT_STARTED'],
      ['今年度の分析対象から除外', '市政変革 太郎', 'NOT_STARTED', 'NOT_STARTED'],
    ]);
    expect(await historyOf(42)).toEqual([['今年度の分析対象に設定', '市政変革 太郎', 'NOT_STARTED', 'NOT_STARTED']]);
    expect(await historyOf(44)).toEqual([]);

    const unknown = await flag({ nos: [44, 45, 999, 1000], analysedThisYear: true }).expect(400);
    expect(unknown.body.fields).toEqual([{ field: 'nos', problems: ['令和6年度に No.999、No.1000 の事業群はありません。どの事業群も変更していません'] }]);
    expect(await analysedOf([44, 45])).toEqual({ 44: false, 45: false });

    const empty = await flag({ nos: [], analysedThisYear: true }).expect(400);
    expect(empty.body.fields).toEqual([{ field: 'nos', problems: ['事業群番号を1件以上指定してください'] }]);
    const noValue = await flag({ nos: [44] }).expect(400);
    expect(noValue.body.fields[0].field).toBe('analysedThisYear');
    const tooMany = await flag({ nos: Array.from({ length: 1001 }, (_, index) => index + 1), analysedThisYear: true }).expect(400);
    expect(tooMany.body.fields).toEqual([{ field: 'nos', problems: ['事業群番号は1,000件までです'] }]);
    await http().patch('/api/v1/fiscal-years/2099/clusters').auth(officeToken, { type: 'bearer' }).send({ nos: [1], analysedThisYear: true }).expect(404);
  });

  it('opens a new fiscal year as a copy of the previous one, once', async () => {
    await http().post('/api/v1/fiscal-years').auth(staffToken, { type: 'bearer' }).send({ fiscalYear: 2025, copyFrom: 2024 }).expect(403);
    const created = await http().post('/api/v1/fiscal-years').auth(officeToken, { type: 'bearer' }).send({ fiscalYear: 2025, copyFrom: 2024 }).expect(201);
    expect(created.body).toMatchObject({ fiscalYear: 2025, label: '令和7年度', copiedFrom: 2024, clusterCount: 57 });
    const copied = await http().get('/api/v1/fiscal-years/2025/clusters').query({ pageSize: 100 }).auth(staffToken, { type: 'bearer' }).expect(200);
    expect(copied.body.total).toBe(57);
    expect((copied.body.items as ClusterItem[]).every((item) => !item.analysedThisYear && item.stage === 'NOT_STARTED')).toBe(true);
    const again = await http().post('/api/v1/fiscal-years').auth(officeToken, { type: 'bearer' }).send({ fiscalYear: 2025, copyFrom: 2024 }).expect(409);
    expect(again.body.detail).toContain('既に登録されています');
    await http().post('/api/v1/fiscal-years').auth(officeToken, { type: 'bearer' }).send({ fiscalYear: 2026, copyFrom: 2019 }).expect(404);
    const years = await http().get('/api/v1/fiscal-years').auth(staffToken, { type: 'bearer' }).expect(200);
    expect((years.body as { fiscalYear: number }[]).map((year) => year.fiscalYear)).toEqual([2024, 2025]);
  });

  it('serves the group descriptions with the catalogue structure', async () => {
    const response = await http().get('/api/v1/fiscal-years/2024/catalogue').auth(staffToken, { type: 'bearer' }).expect(200);
    expect(response.body.groups).toHaveLength(3);
    expect(response.body.kinds).toHaveLength(3);
  });

  it('publishes the OpenAPI document with a role rule on every operation', async () => {
    const response = await http().get('/api/docs-json').expect(200);
    const operations = Object.values(response.body.paths as Record<string, Record<string, { description?: string }>>).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(5);
    for (const operation of operations) expect(operation.description).toMatch(/^Access: /);
  });

  it('names the reason codes of every error response in the OpenAPI document, typed as problem details', async () => {
    type Response = { description: string; content?: Record<string, { schema: { allOf: [{ $ref: string }, { properties: { code: { enum: string[] } } }] } }> };
    const document = (await http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, Response>; security?: unknown[]; parameters?: { in: string; name: string }[] }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const codesOf = (path: string, method: string, status: number) => {
      const response = document.paths[path][method].responses[String(status)];
      expect({ path, method, status, types: Object.keys(response.content ?? {}) }).toEqual({ path, method, status, types: ['application/problem+json'] });
      const schema = response.content?.['application/problem+json'].schema;
      expect(schema?.allOf[0].$ref).toBe('#/components/schemas/ProblemDetailsView');
      return schema?.allOf[1].properties.code.enum ?? [];
    };
    const approve = '/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/approve';
    expect(codesOf(approve, 'post', 401)).toEqual(['auth.required']);
    expect(codesOf(approve, 'post', 403)).toEqual(expect.arrayContaining(['access.denied', 'step.not-yours', 'report.own-report']));
    expect(codesOf(approve, 'post', 409)).toEqual(expect.arrayContaining(['step.already-decided', 'cluster.closed', 'report.not-in-approval']));
    expect(codesOf(approve, 'post', 422)).toEqual(['idempotency.key-reused']);
    expect(document.paths[approve].post.responses['409'].description).toContain('`step.already-decided` この段階の決裁は既に済んでいます');
    expect(codesOf('/api/v1/auth/login', 'post', 401)).toEqual(['auth.login-failed']);
    expect(codesOf('/api/v1/fiscal-years/{fy}/clusters', 'get', 404)).toEqual(['fiscal-year.unknown']);
    expect(Object.keys(document.components.schemas.ProblemDetailsView.properties).sort()).toEqual(
      ['code', 'current', 'detail', 'fields', 'instance', 'status', 'title', 'type'],
    );

    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
        const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
        expect({ path, method, documentsErrors: errors.length > 0, documentsSuccess: successes.length > 0 }).toEqual({ path, method, documentsErrors: true, documentsSuccess: true });
        for (const [status] of errors) for (const code of codesOf(path, method, Number(status))) expect(REFUSAL_CODES).toContain(code);
        const authenticated = errors.some(([status]) => status === '401' && codesOf(path, method, 401).includes('auth.required'));
        expect({ path, method, security: authenticated ? operation.security : undefined }).toEqual({ path, method, security: authenticated ? [{ bearer: [] }, { cookie: [] }] : undefined });
        // Every authenticated acting request passes the CSRF check of the cookie and takes an Idempotency-Key, with their refusals.
        if (['post', 'put', 'patch', 'delete'].includes(method) && authenticated) {
          expect({ path, method, reused: codesOf(path, method, 422) }).toEqual({ path, method, reused: ['idempotency.key-reused'] });
          expect({ path, method, invalid: codesOf(path, method, 400) }).toEqual({ path, method, invalid: expect.arrayContaining(['idempotency.key-invalid']) });
          expect({ path, method, conflict: codesOf(path, method, 409) }).toEqual({ path, method, conflict: expect.arrayContaining(['idempotency.in-progress']) });
          expect({ path, method, forbidden: codesOf(path, method, 403) }).toEqual({ path, method, forbidden: expect.arrayContaining(['auth.csrf-header-missing']) });
          expect({ path, method, header: operation.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key') }).toEqual({ path, method, header: true });
        }
      }
    }
  });
});
