import { NotificationKind, NotificationRequest, Role } from '@app/domain';
import { NotificationRepository, UserRepository } from '@app/persistence';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createUser, login, startApi, TEST_ADMIN_PASSWORD } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

interface NotificationItem {
  id: string;
  kind: string;
  kindLabel: string;
  subject: string;
  body: string;
  link: string | null;
  fiscalYear: number | null;
  clusterNo: number | null;
  reportKind: string | null;
  dueAt: string | null;
  createdAt: string;
  read: boolean;
}
interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** The caller's inbox through the API: filled through the repository, as the worker's activity fills it. */
describe('notifications through the API (/me/notifications)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let tokens: { alice: string; bob: string; admin: string };
  let ids: { alice: string; bob: string };
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({
    get: (path: string) => http().get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => http().post(path).auth(token, { type: 'bearer' }),
  });
  const readPath = (id: string) => `/api/v1/me/notifications/${encodeURIComponent(id)}/read`;

  // A variant kanji (髙), a character outside the BMP (𠮷), an ideographic space and full-width punctuation.
  const JAPANESE_SUBJECT = '【期限超過】髙橋　𠮷子さん：ごみ処理事業の経過報告';
  const JAPANESE_BODY = 'ごみ処理事業（クラスター27）の経過報告は、2024年6月4日（火）17:00の期限を過ぎています。\n至急ご対応ください。';

  /** Keys of alice's notifications, oldest first. */
  const keys = { first: uniqueName('reminder'), second: uniqueName('escalation'), third: uniqueName('digest'), bobs: uniqueName('reminder') };

  function notification(key: string, createdAt: string, overrides: Partial<NotificationRequest> = {}): NotificationRequest {
    return {
      key,
      kind: NotificationKind.Reminder,
      recipients: [],
      excludedUserIds: [],
      subject: 'お知らせ',
      body: '本文',
      link: null,
      fiscalYear: null,
      clusterNo: null,
      reportKind: null,
      dueAt: null,
      createdAt,
      ...overrides,
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    await createUser(app, { username: 'alice', roles: [Role.ReformOffice], displayName: '市政変革 アリス' });
    await createUser(app, { username: 'bob', roles: [Role.ReformOffice], displayName: '市政変革 ボブ' });
    const users = app.get(UserRepository);
    ids = { alice: (await users.findByUsername('alice'))!.id, bob: (await users.findByUsername('bob'))!.id };
    tokens = { alice: await login(app, 'alice'), bob: await login(app, 'bob'), admin: await login(app, 'admin', TEST_ADMIN_PASSWORD) };

    const inboxes = app.get(NotificationRepository);
    await inboxes.addToInboxes(notification(keys.first, '2024-06-01T00:00:00.000Z'), [ids.alice]);
    await inboxes.addToInboxes(
      notification(keys.second, '2024-06-05T00:30:00.000Z', {
        kind: NotificationKind.Escalation,
        subject: JAPANESE_SUBJECT,
        body: JAPANESE_BODY,
        link: '/api/v1/fiscal-years/2024/clusters/27',
        fiscalYear: 2024,
        clusterNo: 27,
        reportKind: 'interim',
        dueAt: '2024-06-04T08:00:00.000Z',
      }),
      [ids.alice],
    );
    await inboxes.addToInboxes(notification(keys.third, '2024-06-10T00:00:00.000Z', { kind: NotificationKind.MeetingDigest }), [ids.alice]);
    await inboxes.addToInboxes(notification(keys.bobs, '2024-06-02T00:00:00.000Z'), [ids.bob]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const idOf = (key: string, user: 'alice' | 'bob') => `${key}/${ids[user]}`;

  it('lists only the caller’s own notifications, newest first, with every field and Japanese text unchanged', async () => {
    const page = (await as(tokens.alice).get('/api/v1/me/notifications').expect(200)).body as NotificationPage;
    expect(page).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 50 });
    expect(page.items.map((item) => item.id)).toEqual([idOf(keys.third, 'alice'), idOf(keys.second, 'alice'), idOf(keys.first, 'alice')]);
    expect(page.items[1]).toEqual({
      id: idOf(keys.second, 'alice'),
      kind: 'escalation',
      kindLabel: '期限超過',
      subject: JAPANESE_SUBJECT,
      body: JAPANESE_BODY,
      link: '/api/v1/fiscal-years/2024/clusters/27',
      fiscalYear: 2024,
      clusterNo: 27,
      reportKind: 'interim',
      dueAt: '2024-06-04T17:00:00.000+09:00',
      createdAt: '2024-06-05T09:30:00.000+09:00',
      read: false,
    });
    expect(page.items[0]).toMatchObject({ kind: 'meeting-digest', kindLabel: 'X会議の案内', link: null, fiscalYear: null, dueAt: null });

    const bobs = (await as(tokens.bob).get('/api/v1/me/notifications').expect(200)).body as NotificationPage;
    expect(bobs).toMatchObject({ total: 1, unread: 1 });
    expect(bobs.items.map((item) => item.id)).toEqual([idOf(keys.bobs, 'bob')]);
    // The admin has none: an empty inbox, not an error.
    expect((await as(tokens.admin).get('/api/v1/me/notifications').expect(200)).body).toMatchObject({ items: [], total: 0, unread: 0 });
  });

  it('marks the caller’s own notification read, and puts unread ones first', async () => {
    const marked = await as(tokens.alice).post(readPath(idOf(keys.third, 'alice'))).expect(200);
    expect(marked.body).toMatchObject({ id: idOf(keys.third, 'alice'), kind: 'meeting-digest', read: true });
    // Marking it again changes nothing and is no error.
    await as(tokens.alice).post(readPath(idOf(keys.third, 'alice'))).expect(200);

    const page = (await as(tokens.alice).get('/api/v1/me/notifications').expect(200)).body as NotificationPage;
    expect(page).toMatchObject({ total: 3, unread: 2 });
    expect(page.items.map((item) => [item.id, item.read])).toEqual([
      [idOf(keys.second, 'alice'), false],
      [idOf(keys.first, 'alice'), false],
      [idOf(keys.third, 'alice'), true],
    ]);

    const second = (await as(tokens.alice).get('/api/v1/me/notifications?page=2&pageSize=2').expect(200)).body as NotificationPage;
    expect(second).toMatchObject({ total: 3, unread: 2, page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.id)).toEqual([idOf(keys.third, 'alice')]);
    const fields = (await as(tokens.alice).get('/api/v1/me/notifications?pageSize=0').expect(400)).body.fields;
    expect(fields.map((entry: { field: string }) => entry.field)).toEqual(['pageSize']);
  });

  it('answers 404 for someone else’s notification and for one that does not exist, changing nothing', async () => {
    const bobsId = idOf(keys.bobs, 'bob');
    const refused = await as(tokens.alice).post(readPath(bobsId)).expect(404);
    expect(refused.body.detail).toBe('この通知は見つかりません');
    // Bob's notification key with alice's user id: an entry that was never made.
    await as(tokens.alice).post(readPath(`${keys.bobs}/${ids.alice}`)).expect(404);
    await as(tokens.alice).post(readPath('no-such-notification')).expect(404);
    expect((await as(tokens.bob).get('/api/v1/me/notifications').expect(200)).body).toMatchObject({ unread: 1, items: [{ id: bobsId, read: false }] });
  });

  it('marks all of the caller’s notifications read, and only the caller’s', async () => {
    const all = await as(tokens.alice).post('/api/v1/me/notifications/read-all').expect(200);
    expect(all.body).toEqual({ marked: 2, unread: 0 });
    const page = (await as(tokens.alice).get('/api/v1/me/notifications').expect(200)).body as NotificationPage;
    expect(page).toMatchObject({ total: 3, unread: 0 });
    expect(page.items.every((item) => item.read)).toBe(true);
    // Read ones keep newest-first order.
    expect(page.items.map((item) => item.id)).toEqual([idOf(keys.third, 'alice'), idOf(keys.second, 'alice'), idOf(keys.first, 'alice')]);
    expect((await as(tokens.alice).post('/api/v1/me/notifications/read-all').expect(200)).body).toEqual({ marked: 0, unread: 0 });
    expect((await as(tokens.bob).get('/api/v1/me/notifications').expect(200)).body).toMatchObject({ unread: 1 });
  });

  it('refuses every notification endpoint without a token (401)', async () => {
    await http().get('/api/v1/me/notifications').expect(401);
    await http().post(readPath(idOf(keys.first, 'alice'))).expect(401);
    await http().post('/api/v1/me/notifications/read-all').expect(401);
    await http().get('/api/v1/me/notifications').auth('not-a-token', { type: 'bearer' }).expect(401);
  });

  it('lets the admin give a new user an e-mail address for notifications, in a valid form only', async () => {
    const user = { password: 'a-long-enough-password', displayName: '通知 太郎', roles: ['reform-office'] };
    await as(tokens.admin).post('/api/v1/users').send({ ...user, username: 'mail.taro', email: 'taro@city.example.jp' }).expect(201);
    expect((await app.get(UserRepository).findByUsername('mail.taro'))?.email).toBe('taro@city.example.jp');
    await as(tokens.admin).post('/api/v1/users').send({ ...user, username: 'mail.none' }).expect(201);
    expect((await app.get(UserRepository).findByUsername('mail.none'))?.email).toBeNull();

    const bad = await as(tokens.admin).post('/api/v1/users').send({ ...user, username: 'mail.bad', email: 'taro at city' }).expect(400);
    expect(bad.body.fields).toEqual([{ field: 'email', problems: ['通知メールの宛先はメールアドレスの形式で指定してください'] }]);
  });
});
