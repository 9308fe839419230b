import { Role } from '@app/domain';
import { BureauRepository, UserRepository } from '@app/persistence';
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
  email: string | null;
  active: boolean;
  isDemo: boolean;
  createdAt: string;
}

const PASSWORD = 'a-long-enough-password';
const WRONG_LOGIN = 'ユーザー名またはパスワードが違います';
const UNKNOWN_USER = '00000000-0000-4000-8000-000000000000';

/** PATCH /users/{id} and POST /users/{id}/password: staff who move between bureaus, change roles or leave. */
describe('user administration: moves, role changes, deactivation and password resets', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const tokens = {} as Record<Role, string>;
  const http = () => request(app.getHttpServer());
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((entry) => entry.field).sort();
  const as = (token: string) => ({
    get: (path: string) => http().get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => http().post(path).auth(token, { type: 'bearer' }),
    patch: (path: string) => http().patch(path).auth(token, { type: 'bearer' }),
  });
  const asAdmin = () => as(tokens[Role.Admin]);
  const userPath = (id: string) => `/api/v1/users/${id}`;
  const passwordPath = (id: string) => `/api/v1/users/${id}/password`;

  /** Creates a user through the API and returns its view. */
  async function newUser(fields: { roles: string[]; bureauCode?: string | null; displayName?: string; email?: string }, password = PASSWORD): Promise<UserItem> {
    const username = uniqueName('u').replace(/_/g, '.');
    const response = await asAdmin()
      .post('/api/v1/users')
      .send({ username, password, displayName: fields.displayName ?? '異動 太郎', ...fields })
      .expect(201);
    return response.body as UserItem;
  }

  const tryLogin = (username: string, password: string) => http().post('/api/v1/auth/login').send({ username, password });
  const listUsers = async (query: Record<string, string | number>) => (await asAdmin().get('/api/v1/users').query({ pageSize: 200, ...query }).expect(200)).body.items as UserItem[];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    const bureaus = app.get(BureauRepository);
    await bureaus.create({ code: 'kodomo', name: '子ども家庭局' });
    await bureaus.create({ code: 'kankyo', name: '環境局' });
    const members = [Role.Staff, Role.Manager, Role.Director];
    for (const role of members) await createUser(app, { username: `matrix.${role}`, roles: [role], bureauCode: 'kodomo' });
    await createUser(app, { username: 'matrix.office', roles: [Role.ReformOffice] });
    const logins = await Promise.all([...members.map((role) => login(app, `matrix.${role}`)), login(app, 'matrix.office'), login(app, 'admin', TEST_ADMIN_PASSWORD)]);
    [tokens[Role.Staff], tokens[Role.Manager], tokens[Role.Director], tokens[Role.ReformOffice], tokens[Role.Admin]] = logins;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('moves a staff member to another bureau: the answer, GET /users and their own GET /me show the new bureau at once', async () => {
    const user = await newUser({ roles: ['staff'], bureauCode: 'kodomo' });
    const token = await login(app, user.username, PASSWORD);

    const moved = await asAdmin().patch(userPath(user.id)).send({ bureauCode: 'kankyo' }).expect(200);
    expect(moved.body).toEqual({ ...user, bureau: { code: 'kankyo', name: '環境局' } });
    expect(JSON.stringify(moved.body)).not.toMatch(/argon2|password/i);

    // The token issued before the move spoke for the old bureau: it is refused; a new login speaks for the new one.
    await as(token).get('/api/v1/me').expect(401);
    const me = await as(await login(app, user.username, PASSWORD)).get('/api/v1/me').expect(200);
    expect(me.body).toMatchObject({ id: user.id, roles: ['staff'], bureau: { code: 'kankyo', name: '環境局' } });
    expect((await listUsers({ bureau: 'kankyo' })).map((item) => item.id)).toContain(user.id);
    expect((await listUsers({ bureau: 'kodomo' })).map((item) => item.id)).not.toContain(user.id);
  });

  it('changes roles and display name, applying the role/bureau rule to the resulting user', async () => {
    const user = await newUser({ roles: ['staff'], bureauCode: 'kodomo' });
    const token = await login(app, user.username, PASSWORD);

    const promoted = await asAdmin().patch(userPath(user.id)).send({ roles: ['manager'], displayName: '昇任 花子' }).expect(200);
    expect(promoted.body).toMatchObject({ roles: ['manager'], displayName: '昇任 花子', bureau: { code: 'kodomo' } });
    await as(token).get('/api/v1/me').expect(401);
    expect((await as(await login(app, user.username, PASSWORD)).get('/api/v1/me').expect(200)).body).toMatchObject({ roles: ['manager'], displayName: '昇任 花子' });

    // Into the reform office: a user without a bureau role may not keep the bureau…
    const keepsBureau = await asAdmin().patch(userPath(user.id)).send({ roles: ['reform-office'] }).expect(400);
    expect(fieldsOf(keepsBureau.body)).toEqual(['bureauCode']);
    expect(keepsBureau.body.detail).toContain('の役割だけの利用者には所属局を指定できません');
    // …so the move says both at once.
    const office = await asAdmin().patch(userPath(user.id)).send({ roles: ['reform-office'], bureauCode: null }).expect(200);
    expect(office.body).toMatchObject({ roles: ['reform-office'], bureau: null });
    expect((await as(await login(app, user.username, PASSWORD)).get('/api/v1/me').expect(200)).body).toMatchObject({ roles: ['reform-office'], bureau: null });

    // Back to a bureau role: it needs a bureau.
    const noBureau = await asAdmin().patch(userPath(user.id)).send({ roles: ['director'] }).expect(400);
    expect(fieldsOf(noBureau.body)).toEqual(['bureauCode']);
    expect(noBureau.body.detail).toContain('の役割を持つ利用者には所属局を指定してください');
    // A bureau alone for a user who is only reform-office is refused too.
    const bureauOnly = await asAdmin().patch(userPath(user.id)).send({ bureauCode: 'kankyo' }).expect(400);
    expect(fieldsOf(bureauOnly.body)).toEqual(['bureauCode']);
    // The refused changes changed nothing.
    expect((await listUsers({ role: 'reform-office' })).find((item) => item.id === user.id)).toMatchObject({ roles: ['reform-office'], bureau: null });
    await asAdmin().patch(userPath(user.id)).send({ roles: ['director'], bureauCode: 'kankyo' }).expect(200);
  });

  it('ends the tokens issued before a change of roles or bureau; a new login carries the new standing', async () => {
    const user = await newUser({ roles: ['staff'], bureauCode: 'kodomo' });
    const token = await login(app, user.username, PASSWORD);
    await as(token).get('/api/v1/users').expect(403);
    await asAdmin().patch(userPath(user.id)).send({ roles: ['staff', 'admin'] }).expect(200);
    const revoked = await as(token).get('/api/v1/me').expect(401);
    expect(revoked.body.detail).toContain('このトークンは無効になりました');
    const promoted = await login(app, user.username, PASSWORD);
    await as(promoted).get('/api/v1/users').expect(200);

    await asAdmin().patch(userPath(user.id)).send({ bureauCode: 'kankyo' }).expect(200);
    await as(promoted).get('/api/v1/me').expect(401);
    const moved = await login(app, user.username, PASSWORD);
    expect((await as(moved).get('/api/v1/me').expect(200)).body.bureau).toMatchObject({ code: 'kankyo' });

    // A change that grants nothing (the name, the address) leaves tokens alone.
    await asAdmin().patch(userPath(user.id)).send({ displayName: '改名 太郎', email: 'kaimei@city.example.jp' }).expect(200);
    await as(moved).get('/api/v1/me').expect(200);
  });

  it('sets, replaces and clears the e-mail address', async () => {
    const user = await newUser({ roles: ['reform-office'] });
    expect(user.email).toBeNull();
    const set = await asAdmin().patch(userPath(user.id)).send({ email: 'ido@city.example.jp' }).expect(200);
    expect(set.body.email).toBe('ido@city.example.jp');
    expect((await app.get(UserRepository).findById(user.id))?.email).toBe('ido@city.example.jp');

    const bad = await asAdmin().patch(userPath(user.id)).send({ email: 'ido at city' }).expect(400);
    expect(bad.body.fields).toEqual([{ field: 'email', problems: ['通知メールの宛先はメールアドレスの形式で指定してください'] }]);

    // Other changes leave the address alone; null removes it.
    expect((await asAdmin().patch(userPath(user.id)).send({ displayName: '別名' }).expect(200)).body.email).toBe('ido@city.example.jp');
    const cleared = await asAdmin().patch(userPath(user.id)).send({ email: null }).expect(200);
    expect(cleared.body).toMatchObject({ email: null, displayName: '別名', roles: ['reform-office'] });
    expect((await app.get(UserRepository).findById(user.id))?.email).toBeNull();
  });

  it('deactivates a user: no login (same answer as a wrong password), old tokens refused for good, listed as inactive; reactivation restores the login', async () => {
    const user = await newUser({ roles: ['staff'], bureauCode: 'kodomo' });
    const token = await login(app, user.username, PASSWORD);
    const wrongPassword = await tryLogin(user.username, 'not-the-password').expect(401);

    const deactivated = await asAdmin().patch(userPath(user.id)).send({ active: false }).expect(200);
    expect(deactivated.body).toEqual({ ...user, active: false });

    const refusedLogin = await tryLogin(user.username, PASSWORD).expect(401);
    expect(refusedLogin.body.detail).toBe(WRONG_LOGIN);
    expect(refusedLogin.body).toEqual(wrongPassword.body);
    const refusedToken = await as(token).get('/api/v1/me').expect(401);
    expect(refusedToken.body.detail).toContain('このアカウントは無効化されています');
    await as(token).get('/api/v1/me/tasks').expect(401);

    expect((await listUsers({ active: 'false' })).map((item) => item.id)).toContain(user.id);
    expect((await listUsers({ active: 'true' })).map((item) => item.id)).not.toContain(user.id);
    const everyone = await listUsers({});
    expect(everyone.find((item) => item.id === user.id)).toMatchObject({ active: false });
    expect((await listUsers({ active: 'true' })).every((item) => item.active)).toBe(true);
    expect((await listUsers({ active: 'false', bureau: 'kodomo' })).every((item) => !item.active && item.bureau?.code === 'kodomo')).toBe(true);

    const reactivated = await asAdmin().patch(userPath(user.id)).send({ active: true }).expect(200);
    expect(reactivated.body.active).toBe(true);
    // Tokens from before the deactivation stay dead: whoever held one must log in again.
    await as(token).get('/api/v1/me').expect(401);
    await as(await login(app, user.username, PASSWORD)).get('/api/v1/me').expect(200);
    expect((await listUsers({ active: 'true' })).map((item) => item.id)).toContain(user.id);
  });

  it('resets a password: the old one and the tokens issued with it are refused, the new one works, and the answer is 204 without a body', async () => {
    const user = await newUser({ roles: ['staff'], bureauCode: 'kodomo' });
    const tokenBefore = await login(app, user.username, PASSWORD);
    const newPassword = 'a-brand-new-password-2024';
    const reset = await asAdmin().post(passwordPath(user.id)).send({ password: newPassword }).expect(204);
    expect(reset.text).toBe('');

    const old = await tryLogin(user.username, PASSWORD).expect(401);
    expect(old.body.detail).toBe(WRONG_LOGIN);
    await as(tokenBefore).get('/api/v1/me').expect(401);
    await as(await login(app, user.username, newPassword)).get('/api/v1/me').expect(200);
    // Hashed with the same hasher as at creation.
    expect((await app.get(UserRepository).findById(user.id))?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    [{ password: 'short-pass' }, ['password']],
    [{ password: 'p'.repeat(201) }, ['password']],
    [{ password: 123456789012345 }, ['password']],
    [{}, ['password']],
    [{ password: PASSWORD, passwordHash: 'x' }, ['passwordHash']],
  ])('refuses the password reset %j with 400 naming %j', async (body, fields) => {
    const user = await newUser({ roles: ['reform-office'] });
    const response = await asAdmin().post(passwordPath(user.id)).send(body).expect(400);
    expect(fieldsOf(response.body)).toEqual(fields);
    expect(response.body.detail).toContain('入力内容に誤りがあります');
    await login(app, user.username, PASSWORD);
  });

  it('writes every act on a user to the user-administration history: who, when, what changed, and never the password', async () => {
    const password = 'a-secret-never-to-be-logged';
    const user = await newUser({ roles: ['staff'], bureauCode: 'kodomo', displayName: '履歴 花子' }, password);
    await asAdmin().patch(userPath(user.id)).send({ roles: ['staff', 'manager'] }).expect(200);
    await asAdmin().patch(userPath(user.id)).send({ bureauCode: 'kankyo' }).expect(200);
    await asAdmin().patch(userPath(user.id)).send({ active: false }).expect(200);
    await asAdmin().patch(userPath(user.id)).send({ active: true, displayName: '履歴 花子' }).expect(200);
    await asAdmin().post(passwordPath(user.id)).send({ password: 'another-secret-password' }).expect(204);
    // Refused changes leave no trace.
    await asAdmin().patch(userPath(user.id)).send({ bureauCode: 'no-such-bureau' }).expect(400);

    const response = await asAdmin().get('/api/v1/users/history').query({ userId: user.id }).expect(200);
    const items = response.body.items as { action: string; actionLabel: string; actor: { name: string }; user: { username: string }; occurredAt: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    expect(response.body.total).toBe(6);
    expect(items.map((item) => item.action)).toEqual(['password-reset', 'reactivate', 'deactivate', 'update', 'update', 'create']);
    expect(items.map((item) => item.actionLabel)).toEqual(['パスワードの再設定', '再有効化', '無効化', '変更', '変更', '登録']);
    expect(items.every((item) => item.actor.name === 'admin' || item.actor.name.length > 0)).toBe(true);
    expect(items.every((item) => item.user.username === user.username && /\+09:00$/.test(item.occurredAt))).toBe(true);
    expect(items[2].changes).toEqual([{ field: 'active', fieldLabel: '有効', from: true, to: false }]);
    expect(items[3].changes).toEqual([{ field: 'bureauCode', fieldLabel: '所属局', from: 'kodomo', to: 'kankyo' }]);
    expect(items[4].changes).toEqual([{ field: 'roles', fieldLabel: '役割', from: ['staff'], to: ['staff', 'manager'] }]);
    expect(items[5].changes.map((change) => change.field).sort()).toEqual(['active', 'bureauCode', 'displayName', 'roles']);
    expect(items[0].changes).toEqual([]);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(password);
    expect(text).not.toContain('another-secret-password');
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/);

    const everyone = await asAdmin().get('/api/v1/users/history').query({ pageSize: 2 }).expect(200);
    expect(everyone.body.items).toHaveLength(2);
    expect(everyone.body.total).toBeGreaterThanOrEqual(6);
    await asAdmin().get('/api/v1/users/history').query({ userId: 'not-a-uuid' }).expect(400);
    for (const role of [Role.Staff, Role.Manager, Role.Director, Role.ReformOffice]) {
      await http().get('/api/v1/users/history').auth(tokens[role], { type: 'bearer' }).expect(403);
    }
    await http().get('/api/v1/users/history').expect(401);
  });

  it('accepts passwords of exactly 12 and 200 characters', async () => {
    const user = await newUser({ roles: ['reform-office'] });
    for (const password of ['p'.repeat(12), 'p'.repeat(200)]) {
      await asAdmin().post(passwordPath(user.id)).send({ password }).expect(204);
      await login(app, user.username, password);
    }
  });

  describe('no admin can lock the city out', () => {
    let second: UserItem;
    let secondToken: string;

    beforeAll(async () => {
      second = await newUser({ roles: ['admin'], displayName: '第二 管理者' });
      secondToken = await login(app, second.username, PASSWORD);
    });

    it('refuses deactivating oneself, with the reason, and changes nothing', async () => {
      const response = await as(secondToken).patch(userPath(second.id)).send({ active: false }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['active']);
      expect(response.body.detail).toContain('自分自身のアカウントは無効化できません');
      const combined = await as(secondToken).patch(userPath(second.id)).send({ displayName: '変更されない', active: false }).expect(400);
      expect(fieldsOf(combined.body)).toEqual(['active']);
      expect((await as(secondToken).get('/api/v1/me').expect(200)).body).toMatchObject({ displayName: '第二 管理者', roles: ['admin'] });
    });

    it('refuses removing one’s own admin role, with the reason', async () => {
      const response = await as(secondToken).patch(userPath(second.id)).send({ roles: ['reform-office'] }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['roles']);
      expect(response.body.detail).toContain('自分自身からシステム管理者の役割は外せません');
      await as(secondToken).get('/api/v1/users').expect(200);
    });

    it('lets an admin change their own account otherwise', async () => {
      const renamed = await as(secondToken).patch(userPath(second.id)).send({ displayName: '第二 管理者（兼 変革室）', roles: ['admin', 'reform-office'], active: true }).expect(200);
      expect(renamed.body).toMatchObject({ roles: ['admin', 'reform-office'], active: true });
      // Their own change of roles ended their token too.
      await as(secondToken).get('/api/v1/users').expect(401);
      secondToken = await login(app, second.username, PASSWORD);
      await as(secondToken).patch(userPath(second.id)).send({ displayName: '第二 管理者', roles: ['admin'] }).expect(200);
      secondToken = await login(app, second.username, PASSWORD);
      await as(secondToken).post(passwordPath(second.id)).send({ password: PASSWORD }).expect(204);
    });

    it('lets one admin deactivate another, whose token then stops working', async () => {
      await asAdmin().patch(userPath(second.id)).send({ active: false }).expect(200);
      const refused = await as(secondToken).get('/api/v1/users').expect(401);
      expect(refused.body.detail).toContain('このアカウントは無効化されています');
      await asAdmin().patch(userPath(second.id)).send({ active: true }).expect(200);
      await as(secondToken).get('/api/v1/users').expect(401);
      secondToken = await login(app, second.username, PASSWORD);
      await as(secondToken).get('/api/v1/users').expect(200);
    });

    it('of two admins deactivating each other at the same moment, exactly one succeeds', async () => {
      const [a, b] = [await newUser({ roles: ['admin'] }), await newUser({ roles: ['admin'] })];
      const [tokenA, tokenB] = [await login(app, a.username, PASSWORD), await login(app, b.username, PASSWORD)];
      const answers = await Promise.all([
        as(tokenA).patch(userPath(b.id)).send({ active: false }),
        as(tokenB).patch(userPath(a.id)).send({ active: false }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
      const states = (await listUsers({ role: 'admin' })).filter((item) => [a.id, b.id].includes(item.id)).map((item) => item.active);
      expect(states.sort()).toEqual([false, true]);
    });
  });

  describe('refusals', () => {
    let target: UserItem;
    beforeAll(async () => {
      target = await newUser({ roles: ['staff'], bureauCode: 'kodomo' });
    });

    it('answers an empty change with 400 saying what can be changed', async () => {
      const response = await asAdmin().patch(userPath(target.id)).send({}).expect(400);
      expect(response.body.detail).toBe('変更する項目（displayName, roles, bureauCode, email, active）を1つ以上指定してください');
    });

    it.each([
      [{ username: 'renamed' }, ['username']],
      [{ password: PASSWORD }, ['password']],
      [{ passwordHash: 'x' }, ['passwordHash']],
      [{ isDemo: true }, ['isDemo']],
      [{ id: UNKNOWN_USER }, ['id']],
      [{ displayName: '' }, ['displayName']],
      [{ displayName: null }, ['displayName']],
      [{ displayName: '名'.repeat(101) }, ['displayName']],
      [{ roles: [] }, ['roles']],
      [{ roles: null }, ['roles']],
      [{ roles: 'staff' }, ['roles']],
      [{ roles: ['staff', 'staff'] }, ['roles']],
      [{ roles: ['mayor'] }, ['roles']],
      [{ bureauCode: 'not a code' }, ['bureauCode']],
      [{ bureauCode: 12 }, ['bureauCode']],
      [{ email: 'not-an-address' }, ['email']],
      [{ active: 'no' }, ['active']],
      [{ active: null }, ['active']],
      [{ active: 0 }, ['active']],
      [{ displayName: '', roles: [], active: 'yes' }, ['active', 'displayName', 'roles']],
    ])('refuses the change %j with 400 naming %j', async (body, fields) => {
      const response = await asAdmin().patch(userPath(target.id)).send(body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(response.body.detail).toContain('入力内容に誤りがあります');
    });

    it('refuses a bureau that is not registered with 400 naming it, and changes nothing', async () => {
      const response = await asAdmin().patch(userPath(target.id)).send({ bureauCode: 'no-such-bureau', displayName: '変わらない' }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['bureauCode']);
      expect(response.body.detail).toContain('局コード「no-such-bureau」は登録されていません');
      expect((await listUsers({ bureau: 'kodomo' })).find((item) => item.id === target.id)).toMatchObject({ displayName: target.displayName });
    });

    it.each([
      ['an unknown id', UNKNOWN_USER],
      ['an id that is not a UUID', 'not-a-uuid'],
      ['a username', 'admin'],
    ])('answers 404 for %s, on both endpoints', async (_case, id) => {
      const patched = await asAdmin().patch(userPath(id)).send({ displayName: '誰か' }).expect(404);
      expect(patched.body.detail).toBe('指定された利用者は登録されていません');
      const reset = await asAdmin().post(passwordPath(id)).send({ password: PASSWORD }).expect(404);
      expect(reset.body.detail).toBe('指定された利用者は登録されていません');
    });

    it('refuses a bad active filter on GET /users', async () => {
      const response = await asAdmin().get('/api/v1/users').query({ active: 'maybe' }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['active']);
    });
  });

  describe('who may call what', () => {
    const ALL_ROLES = [Role.Staff, Role.Manager, Role.Director, Role.ReformOffice, Role.Admin];
    let target: UserItem;
    beforeAll(async () => {
      target = await newUser({ roles: ['staff'], bureauCode: 'kankyo' });
    });
    const endpoints = [
      { name: 'PATCH /users/{id}', call: () => http().patch(userPath(target.id)).send({ displayName: '権限 確認' }) },
      { name: 'POST /users/{id}/password', call: () => http().post(passwordPath(target.id)).send({ password: PASSWORD }) },
    ];

    it.each(endpoints)('$name answers 401 without a token and with a garbage token', async ({ call }) => {
      const anonymous = await call().expect(401);
      expect(anonymous.body.detail).toContain('ログインが必要です');
      const garbage = await call().auth('not-a-token', { type: 'bearer' }).expect(401);
      expect(garbage.body.detail).toContain('トークンが無効');
    });

    const cases = endpoints.flatMap((endpoint) => ALL_ROLES.map((role) => ({ ...endpoint, role, outcome: role === Role.Admin ? '2xx' : '403' })));
    it.each(cases)('$name as $role answers $outcome', async ({ call, role, outcome }) => {
      const response = await call().auth(tokens[role], { type: 'bearer' });
      if (outcome === '2xx') {
        expect([200, 204]).toContain(response.status);
      } else {
        expect(response.status).toBe(403);
        expect(response.body.detail).toContain('この操作には次のいずれかの役割が必要です');
      }
    });

    it('answers 403 to a non-admin even for an unknown user, so ids cannot be probed', async () => {
      await http().patch(userPath(UNKNOWN_USER)).send({ displayName: 'x' }).auth(tokens[Role.ReformOffice], { type: 'bearer' }).expect(403);
      await http().post(passwordPath('not-a-uuid')).send({ password: PASSWORD }).auth(tokens[Role.Staff], { type: 'bearer' }).expect(403);
    });

    it('states the role rule of both operations in the OpenAPI document', async () => {
      const response = await http().get('/api/docs-json').expect(200);
      const paths = response.body.paths as Record<string, Record<string, { description?: string }>>;
      expect(paths['/api/v1/users/{id}']?.patch?.description).toMatch(/^Access: admin\./);
      expect(paths['/api/v1/users/{id}/password']?.post?.description).toMatch(/^Access: admin\./);
    });
  });
});
