import { Role } from '@app/domain';
import { BureauRepository } from '@app/persistence';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createUser, login, startApi, TEST_ADMIN_PASSWORD } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

interface UserItem {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  bureau: { code: string; name: string } | null;
  isDemo: boolean;
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const PASSWORD = 'a-long-enough-password';

describe('bureaus, users and the caller’s profile through the API', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const tokens = {} as Record<Role, string>;
  const http = () => request(app.getHttpServer());
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((entry) => entry.field).sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    await app.get(BureauRepository).create({ code: 'matrix', name: '権限確認局' });
    const members = [Role.Staff, Role.Manager, Role.Director];
    for (const role of members) await createUser(app, { username: `matrix.${role}`, roles: [role], bureauCode: 'matrix' });
    await createUser(app, { username: 'matrix.office', roles: [Role.ReformOffice] });
    const logins = await Promise.all([...members.map((role) => login(app, `matrix.${role}`)), login(app, 'matrix.office'), login(app, 'admin', TEST_ADMIN_PASSWORD)]);
    [tokens[Role.Staff], tokens[Role.Manager], tokens[Role.Director], tokens[Role.ReformOffice], tokens[Role.Admin]] = logins;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const asAdmin = () => ({ post: (path: string) => http().post(path).auth(tokens[Role.Admin], { type: 'bearer' }), get: (path: string) => http().get(path).auth(tokens[Role.Admin], { type: 'bearer' }) });

  it('lets the admin create a bureau and a user, who logs in and sees themselves, Japanese name unchanged, at GET /me', async () => {
    const bureau = await asAdmin().post('/api/v1/bureaus').send({ code: 'kodomo', name: '子ども家庭局' }).expect(201);
    expect(bureau.body).toEqual({ code: 'kodomo', name: '子ども家庭局', isDemo: false });

    // A variant kanji (髙), a character outside the BMP (𠮷) and an ideographic space must come back as sent.
    const displayName = '髙橋　𠮷子（こども）';
    const created = await asAdmin()
      .post('/api/v1/users')
      .send({ username: 'kodomo.takahashi', password: PASSWORD, displayName, roles: ['staff', 'manager'], bureauCode: 'kodomo' })
      .expect(201);
    expect(created.body).toMatchObject({
      username: 'kodomo.takahashi',
      displayName,
      roles: ['staff', 'manager'],
      bureau: { code: 'kodomo', name: '子ども家庭局' },
      isDemo: false,
    });
    expect(created.body).toMatchObject({ email: null, active: true });
    expect(Object.keys(created.body).sort()).toEqual(['active', 'bureau', 'createdAt', 'displayName', 'email', 'id', 'isDemo', 'roles', 'username']);
    expect(JSON.stringify(created.body)).not.toMatch(/argon2|password/i);

    const token = await login(app, 'kodomo.takahashi', PASSWORD);
    const me = await http().get('/api/v1/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toEqual({
      id: created.body.id,
      username: 'kodomo.takahashi',
      displayName,
      roles: ['staff', 'manager'],
      bureau: { code: 'kodomo', name: '子ども家庭局' },
    });

    const bureaus = await http().get('/api/v1/bureaus').auth(token, { type: 'bearer' }).expect(200);
    expect((bureaus.body as Page<unknown>).items).toContainEqual({ code: 'kodomo', name: '子ども家庭局', isDemo: false });
  });

  it('shows an admin without a bureau at GET /me', async () => {
    const me = await http().get('/api/v1/me').auth(tokens[Role.Admin], { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', displayName: 'システム管理者', roles: ['admin'], bureau: null });
  });

  it('answers 409 in Japanese for a bureau code, a bureau name or a username that is taken', async () => {
    await asAdmin().post('/api/v1/bureaus').send({ code: 'kankyo', name: '環境局' }).expect(201);
    const bureau = await asAdmin().post('/api/v1/bureaus').send({ code: 'kankyo', name: '別の環境局' }).expect(409);
    expect(bureau.body.detail).toBe('局コード「kankyo」は既に登録されています');
    // Bureaus are chosen by name in every list: a second 環境局 could not be told from the first.
    const sameName = await asAdmin().post('/api/v1/bureaus').send({ code: 'kankyo2', name: '環境局' }).expect(409);
    expect(sameName.body.detail).toBe('局名「環境局」は既に局コード「kankyo」で登録されています');
    expect((await asAdmin().get('/api/v1/bureaus').expect(200)).body.items.filter((item: { name: string }) => item.name === '環境局')).toHaveLength(1);

    const user = { username: 'kankyo.sato', password: PASSWORD, displayName: '佐藤 一郎', roles: ['staff'], bureauCode: 'kankyo' };
    await asAdmin().post('/api/v1/users').send(user).expect(201);
    const again = await asAdmin().post('/api/v1/users').send({ ...user, displayName: '佐藤 二郎' }).expect(409);
    expect(again.body.detail).toBe('ユーザー名「kankyo.sato」は既に使われています');
    const taken = await asAdmin().post('/api/v1/users').send({ ...user, username: 'admin', roles: ['admin'], bureauCode: null }).expect(409);
    expect(taken.body.detail).toContain('admin');
  });

  it.each([
    [{ code: 'has space', name: '総務局' }, ['code']],
    [{ code: 'x'.repeat(41), name: '総務局' }, ['code']],
    [{ code: 'somu', name: '' }, ['name']],
    [{ code: 'somu', name: '　 ' }, ['name']],
    [{ code: 'somu', name: '局'.repeat(101) }, ['name']],
    [{ code: 12, name: ['総務局'] }, ['code', 'name']],
    [{ code: 'somu', name: '総務局', isDemo: true }, ['isDemo']],
    [{}, ['code', 'name']],
  ])('refuses the bureau %j with 400 naming %j', async (body, fields) => {
    const response = await asAdmin().post('/api/v1/bureaus').send(body).expect(400);
    expect(fieldsOf(response.body)).toEqual(fields);
    expect(response.body.detail).toContain('入力内容に誤りがあります');
  });

  const validUser = { username: 'somu.valid', password: PASSWORD, displayName: '総務 花子', roles: ['staff'], bureauCode: 'matrix' };
  it.each([
    [{ username: 'ab' }, ['username']],
    [{ username: 'has space' }, ['username']],
    [{ username: '山田' }, ['username']],
    [{ username: 'u'.repeat(65) }, ['username']],
    [{ password: 'short-pass' }, ['password']],
    [{ password: 'p'.repeat(201) }, ['password']],
    [{ displayName: '' }, ['displayName']],
    [{ displayName: '名'.repeat(101) }, ['displayName']],
    [{ roles: [] }, ['roles']],
    [{ roles: 'staff' }, ['roles']],
    [{ roles: ['staff', 'staff'] }, ['roles']],
    [{ roles: ['mayor'] }, ['roles']],
    [{ bureauCode: 'not a code' }, ['bureauCode']],
    [{ passwordHash: 'x' }, ['passwordHash']],
    [{ isDemo: true }, ['isDemo']],
  ])('refuses a user with %j with 400 naming %j', async (change, fields) => {
    const response = await asAdmin().post('/api/v1/users').send({ ...validUser, ...change }).expect(400);
    expect(fieldsOf(response.body)).toEqual(fields);
    expect(response.body.detail).toContain('入力内容に誤りがあります');
  });

  it('names every missing field of an empty user', async () => {
    const response = await asAdmin().post('/api/v1/users').send({}).expect(400);
    expect(fieldsOf(response.body)).toEqual(['displayName', 'password', 'roles', 'username']);
  });

  it('refuses a bureau that is not registered with 400 naming it', async () => {
    const response = await asAdmin().post('/api/v1/users').send({ ...validUser, username: 'ghost.staff', bureauCode: 'no-such-bureau' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['bureauCode']);
    expect(response.body.detail).toContain('局コード「no-such-bureau」は登録されていません');
    await asAdmin().get('/api/v1/users').query({ bureau: 'no-such-bureau' }).expect(200, { items: [], total: 0, page: 1, pageSize: 50 });
  });

  it.each([
    [['staff'], undefined],
    [['manager'], null],
    [['director', 'admin'], undefined],
    [['reform-office', 'staff'], null],
  ])('requires a bureau for roles %j (bureauCode %p)', async (roles, bureauCode) => {
    const response = await asAdmin().post('/api/v1/users').send({ ...validUser, username: uniqueName('nobureau'), roles, bureauCode }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['bureauCode']);
    expect(response.body.detail).toContain('の役割を持つ利用者には所属局を指定してください');
  });

  it.each([[['admin']], [['reform-office']], [['admin', 'reform-office']]])('refuses a bureau for roles %j, and accepts none', async (roles) => {
    const refused = await asAdmin().post('/api/v1/users').send({ ...validUser, username: uniqueName('city'), roles, bureauCode: 'matrix' }).expect(400);
    expect(fieldsOf(refused.body)).toEqual(['bureauCode']);
    expect(refused.body.detail).toContain('の役割だけの利用者には所属局を指定できません');
    const withNull = await asAdmin().post('/api/v1/users').send({ ...validUser, username: uniqueName('city'), roles, bureauCode: null }).expect(201);
    expect(withNull.body.bureau).toBeNull();
    const { bureauCode: _omitted, ...withoutBureau } = validUser;
    const absent = await asAdmin().post('/api/v1/users').send({ ...withoutBureau, username: uniqueName('city'), roles }).expect(201);
    expect(absent.body).toMatchObject({ roles, bureau: null });
  });

  describe('GET /users', () => {
    const paged = ['page.e', 'page.a', 'page.d', 'page.b', 'page.c'];

    beforeAll(async () => {
      await asAdmin().post('/api/v1/bureaus').send({ code: 'paging', name: '頁送り局' }).expect(201);
      for (const [index, username] of paged.entries()) {
        const roles = index % 2 === 0 ? ['staff'] : ['manager'];
        await asAdmin().post('/api/v1/users').send({ username, password: PASSWORD, displayName: `頁 ${index}`, roles, bureauCode: 'paging' }).expect(201);
      }
    });

    const users = async (query: Record<string, string | number>) =>
      (await asAdmin().get('/api/v1/users').query(query).expect(200)).body as Page<UserItem>;

    it('pages a bureau’s users by username without overlap', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => users({ bureau: 'paging', page, pageSize: 2 })));
      expect(pages.map((page) => page.items.map((item) => item.username))).toEqual([['page.a', 'page.b'], ['page.c', 'page.d'], ['page.e']]);
      expect(pages.map((page) => [page.total, page.page, page.pageSize])).toEqual([[5, 1, 2], [5, 2, 2], [5, 3, 2]]);
      expect((await users({ bureau: 'paging', page: 4, pageSize: 2 })).items).toEqual([]);
    });

    it('filters by role, alone and with the bureau', async () => {
      const managers = await users({ bureau: 'paging', role: 'manager' });
      expect(managers.items.map((item) => item.username)).toEqual(['page.a', 'page.b']);
      const admins = await users({ role: 'admin', pageSize: 200 });
      expect(admins.items.every((item) => item.roles.includes('admin'))).toBe(true);
      expect(admins.items.map((item) => item.username)).toContain('admin');
    });

    it('lists everyone sorted by username, with bureau names and never a password hash', async () => {
      const everyone = await users({ pageSize: 200 });
      const usernames = everyone.items.map((item) => item.username);
      expect(usernames).toEqual([...usernames].sort());
      expect(everyone.total).toBe(everyone.items.length);
      expect(everyone.items.find((item) => item.username === 'page.a')).toMatchObject({ bureau: { code: 'paging', name: '頁送り局' }, roles: ['manager'] });
      expect(JSON.stringify(everyone)).not.toMatch(/argon2|passwordHash/);
    });

    it('refuses a bad filter with 400 naming the field', async () => {
      const response = await asAdmin().get('/api/v1/users').query({ role: 'mayor', pageSize: 0 }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['pageSize', 'role']);
    });
  });

  it('pages GET /bureaus sorted by code', async () => {
    const all = (await http().get('/api/v1/bureaus').query({ pageSize: 200 }).auth(tokens[Role.Staff], { type: 'bearer' }).expect(200)).body as Page<{ code: string }>;
    const codes = all.items.map((item) => item.code);
    expect(codes).toEqual([...codes].sort());
    expect(all.total).toBe(codes.length);
    const second = (await http().get('/api/v1/bureaus').query({ page: 2, pageSize: 1 }).auth(tokens[Role.Staff], { type: 'bearer' }).expect(200)).body as Page<{ code: string }>;
    expect(second.items.map((item) => item.code)).toEqual([codes[1]]);
  });

  describe('who may call what', () => {
    const ALL_ROLES = [Role.Staff, Role.Manager, Role.Director, Role.ReformOffice, Role.Admin];
    const endpoints = [
      { name: 'POST /bureaus', allowed: [Role.Admin], call: () => http().post('/api/v1/bureaus').send({ code: uniqueName('b'), name: '新設局' }) },
      { name: 'GET /bureaus', allowed: ALL_ROLES, call: () => http().get('/api/v1/bureaus') },
      {
        name: 'POST /users',
        allowed: [Role.Admin],
        call: () => http().post('/api/v1/users').send({ username: uniqueName('u'), password: PASSWORD, displayName: '新規 利用者', roles: ['reform-office'] }),
      },
      { name: 'GET /users', allowed: [Role.Admin], call: () => http().get('/api/v1/users') },
      { name: 'GET /me', allowed: ALL_ROLES, call: () => http().get('/api/v1/me') },
    ];

    it.each(endpoints)('$name answers 401 without a token and with a garbage token', async ({ call }) => {
      const anonymous = await call().expect(401);
      expect(anonymous.body.detail).toContain('ログインが必要です');
      const garbage = await call().auth('not-a-token', { type: 'bearer' }).expect(401);
      expect(garbage.body.detail).toContain('トークンが無効');
    });

    const cases = endpoints.flatMap((endpoint) => ALL_ROLES.map((role) => ({ ...endpoint, role, outcome: endpoint.allowed.includes(role) ? '2xx' : '403' })));
    it.each(cases)('$name as $role answers $outcome', async ({ call, role, outcome }) => {
      const response = await call().auth(tokens[role], { type: 'bearer' });
      if (outcome === '2xx') {
        expect([200, 201]).toContain(response.status);
      } else {
        expect(response.status).toBe(403);
        expect(response.body.detail).toContain('この操作には次のいずれかの役割が必要です');
      }
    });
  });

  it('states the role rule of every new operation in the OpenAPI document', async () => {
    const response = await http().get('/api/docs-json').expect(200);
    const paths = response.body.paths as Record<string, Record<string, { description?: string }>>;
    const described = (path: string, method: string) => paths[path]?.[method]?.description;
    expect(described('/api/v1/bureaus', 'post')).toMatch(/^Access: admin\./);
    expect(described('/api/v1/bureaus', 'get')).toMatch(/^Access: any logged-in user\./);
    expect(described('/api/v1/users', 'post')).toMatch(/^Access: admin\./);
    expect(described('/api/v1/users', 'get')).toMatch(/^Access: admin\./);
    expect(described('/api/v1/me', 'get')).toMatch(/^Access: any logged-in user\./);
  });
});
