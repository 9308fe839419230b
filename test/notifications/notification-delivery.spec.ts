import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { loadEnvironment } from '@app/config';
import { NotificationKind, NotificationRequest, RecipientRule, Role } from '@app/domain';
import { BureauRepository, NotificationRepository, UserRepository } from '@app/persistence';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ParsedMail, simpleParser } from 'mailparser';
import { Client as PgClient } from 'pg';
import { SMTPServer } from 'smtp-server';
import { NotificationActivitiesFactory } from '../../apps/worker/src/activities/notification.activities';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';
import { eventually, RunningWorker, startWorker } from '../support/worker-harness';
import { connectTestClient } from '../support/test-temporal';

/**
 * The notification activity as the worker builds it, run as a workflow runs it, against a real
 * PostgreSQL, Temporal, SMTP server and HTTP receiver: it writes the inbox and the outbox at once, and
 * the delivery workflows it starts on the real worker send each e-mail and webhook call.
 */
describe('deliverNotification: inbox at once, e-mail and webhook by delivery workflows, each once per key and recipient', () => {
  const SMTP_USER = 'reform';
  // Characters that must be percent-encoded in SMTP_URL, to show they are decoded on the way.
  const SMTP_PASSWORD = 'p@ss:w/rd';
  const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
  const PUBLIC_BASE_URL = 'https://reform.example.jp/base/';
  const SUBJECT = '【督促】ごみ処理事業（No.27）経過報告の提出期限まであと3日です';
  const BODY = 'ごみ処理事業（クラスター27）の経過報告を2024年6月4日（火）17:00までに提出してください。\n「全角」記号、髙橋・𠮷野の字も、そのまま届きます。';
  const LINK = '/api/v1/fiscal-years/2024/clusters/27';

  interface ReceivedMail {
    readonly envelopeTo: string[];
    readonly parsed: ParsedMail;
  }
  interface ReceivedHook {
    readonly headers: IncomingHttpHeaders;
    readonly raw: Buffer;
    readonly status: number;
  }

  let database: TestDatabase;
  let pg: PgClient;
  let smtp: SMTPServer;
  let receiver: Server;
  let app: INestApplicationContext;
  let worker: RunningWorker;
  let client: Client;
  let repository: NotificationRepository;
  const workers: RunningWorker[] = [];
  const mails: ReceivedMail[] = [];
  const hooks: ReceivedHook[] = [];
  /** RCPT TO refusals by address: 451 "try later" (given once) or 550 "no such user" (until removed). */
  const refusals = new Map<string, number>();
  /** How many of the next webhook calls to answer 500. */
  let failingHooks = 0;
  const contexts: INestApplicationContext[] = [];
  const ids: Record<string, string> = {};

  const USERS = {
    'kankyo.staff': { roles: [Role.Staff], bureauCode: 'kankyo', displayName: '環境 花子', email: 'hanako@kankyo.example.jp' },
    'kankyo.staff2': { roles: [Role.Staff], bureauCode: 'kankyo', displayName: '環境 次郎', email: null },
    'kankyo.manager': { roles: [Role.Manager], bureauCode: 'kankyo', displayName: '環境 課長', email: 'kacho@kankyo.example.jp' },
    'kankyo.dual': { roles: [Role.Staff, Role.Manager], bureauCode: 'kankyo', displayName: '環境 兼務', email: 'kenmu@kankyo.example.jp' },
    'kodomo.manager': { roles: [Role.Manager], bureauCode: 'kodomo', displayName: '子ども 課長', email: 'kacho@kodomo.example.jp' },
    'reform.office1': { roles: [Role.ReformOffice], bureauCode: null, displayName: '市政変革 一郎', email: 'ichiro@reform.example.jp' },
    'reform.office2': { roles: [Role.ReformOffice], bureauCode: null, displayName: '市政変革 二郎', email: 'jiro@reform.example.jp' },
  } as const;
  type Username = keyof typeof USERS;

  const listen = (server: { listen(port: number, host: string, callback: () => void): unknown }) =>
    new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  /** A loopback port nothing listens on: connecting to it is refused at once. */
  async function closedPort(): Promise<number> {
    const server = createTcpServer();
    await listen(server);
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  /** A worker as main.ts runs it on a task queue of its own: a retry a second after a failure, three attempts at most. */
  async function runWorker(settings: Record<string, string>): Promise<RunningWorker> {
    const started = await startWorker({
      databaseUrl: database.url,
      temporalAddress: testTemporalAddress(),
      taskQueue: uniqueName('notifications'),
      environment: { NOTIFICATION_RETRY_INITIAL_SECONDS: '1', NOTIFICATION_DELIVERY_ATTEMPTS: '3', ...settings },
    });
    workers.push(started);
    return started;
  }

  /** The activity as a cluster's or calendar's workflow calls it on that worker. */
  function deliver(request: NotificationRequest, on: RunningWorker = worker): Promise<{ newRecipients: number }> {
    const environment = new MockActivityEnvironment({ taskQueue: on.worker.worker.options.taskQueue }, { client });
    return environment.run(on.app.get(NotificationActivitiesFactory).create().deliverNotification, request);
  }

  /** Waits until every delivery of the notification has ended, delivered or given up on. */
  async function settled(key: string) {
    return eventually(async () => {
      const deliveries = await deliveriesOf(key);
      expect(deliveries.filter((delivery) => delivery.status === 'pending')).toEqual([]);
      return deliveries;
    }, 30_000);
  }

  async function workerContext(settings: Record<string, string>): Promise<INestApplicationContext> {
    const environment = loadEnvironment({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...settings });
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(environment), { logger: false });
    contexts.push(context);
    return context;
  }

  function notification(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
    return {
      key: uniqueName('reminder/2024/27/interim/3d'),
      kind: NotificationKind.Reminder,
      recipients: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }],
      excludedUserIds: [],
      subject: SUBJECT,
      body: BODY,
      link: LINK,
      fiscalYear: 2024,
      clusterNo: 27,
      reportKind: 'interim',
      dueAt: '2024-06-04T08:00:00.000Z',
      createdAt: '2024-06-01T00:00:00.000Z',
      ...overrides,
    };
  }

  const mailsOf = (key: string) => mails.filter((mail) => mail.parsed.headers.get('x-reform-notification-id') === key);
  const hooksOf = (key: string) => hooks.filter((hook) => hook.headers['x-reform-notification-id'] === key);
  const usernamesOf = (userIds: string[]) => userIds.map((id) => Object.keys(ids).find((name) => ids[name] === id)).sort();

  async function inboxOf(key: string): Promise<{ id: string; user_id: string }[]> {
    const { rows } = await pg.query(`SELECT id, user_id FROM notifications WHERE notification_key = $1 ORDER BY id`, [key]);
    return rows;
  }

  async function deliveriesOf(key: string): Promise<
    { channel: string; recipient: string; destination: string; status: string; attempts: number; last_error: string | null; delivered: boolean; payload: unknown }[]
  > {
    const { rows } = await pg.query(
      `SELECT channel, recipient, destination, status, attempts, last_error, delivered_at IS NOT NULL AS delivered, payload
       FROM notification_deliveries WHERE notification_key = $1 ORDER BY channel, destination`,
      [key],
    );
    return rows;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    pg = new PgClient({ connectionString: database.url });
    await pg.connect();

    smtp = new SMTPServer({
      logger: false,
      // Plain text on loopback: no STARTTLS (a self-signed certificate would be refused), login allowed without TLS.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) =>
        auth.username === SMTP_USER && auth.password === SMTP_PASSWORD ? callback(null, { user: SMTP_USER }) : callback(new Error('Invalid username or password')),
      onRcptTo: (address, _session, callback) => {
        const code = refusals.get(address.address);
        if (code === undefined) return callback();
        // "Try later" once; "no such user" for as long as the test keeps it.
        if (code < 500) refusals.delete(address.address);
        callback(Object.assign(new Error(code >= 500 ? 'No such user here' : 'Try again later'), { responseCode: code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => {
              mails.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), parsed });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await listen(smtp);
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = failingHooks > 0 ? 500 : 204;
        if (failingHooks > 0) failingHooks -= 1;
        hooks.push({ headers: request.headers, raw: Buffer.concat(chunks), status });
        response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(status === 500 ? '一時的な障害です' : undefined);
      });
    });
    await listen(receiver);
    const webhookPort = (receiver.address() as AddressInfo).port;

    client = await connectTestClient();
    worker = await runWorker({
      SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtpPort}`,
      MAIL_FROM: '市政変革ワークフロー <no-reply@reform.example.jp>',
      PUBLIC_BASE_URL,
      WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hooks/reform?token=in-the-url`,
      WEBHOOK_SECRET,
    });
    app = worker.app;
    repository = app.get(NotificationRepository);

    await app.get(BureauRepository).create({ code: 'kankyo', name: '環境局' });
    await app.get(BureauRepository).create({ code: 'kodomo', name: '子ども家庭局' });
    const users = app.get(UserRepository);
    for (const [username, user] of Object.entries(USERS)) {
      await users.createIfAbsent({ username, passwordHash: 'not-used-here', displayName: user.displayName, roles: [...user.roles], bureauCode: user.bureauCode, email: user.email });
      ids[username] = (await users.findByUsername(username))!.id;
    }
  });

  afterAll(async () => {
    for (const running of workers) await running.stop();
    for (const context of contexts) await context.close();
    await client?.connection.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await new Promise((resolve) => (smtp ? smtp.close(() => resolve(undefined)) : resolve(undefined)));
    await pg?.end();
    await database?.drop();
  });

  it('resolves role rules within a bureau or programme-wide and user rules, less the excluded, each person once', async () => {
    const resolve = async (rules: RecipientRule[], excluded: Username[] = []) =>
      (await repository.resolveRecipients(rules, excluded.map((name) => ids[name]))).map((recipient) => recipient.username);

    expect(await resolve([{ type: 'role', role: Role.Manager, bureauCode: 'kankyo' }])).toEqual(['kankyo.dual', 'kankyo.manager']);
    expect(await resolve([{ type: 'role', role: Role.Manager, bureauCode: null }])).toEqual(['kankyo.dual', 'kankyo.manager', 'kodomo.manager']);
    expect(await resolve([{ type: 'role', role: Role.Director, bureauCode: 'kankyo' }])).toEqual([]);
    // kankyo.dual matches both role rules and is listed by id as well: still one recipient.
    expect(
      await resolve([
        { type: 'role', role: Role.Staff, bureauCode: 'kankyo' },
        { type: 'role', role: Role.Manager, bureauCode: 'kankyo' },
        { type: 'users', userIds: [ids['kankyo.dual'], ids['reform.office1']] },
      ]),
    ).toEqual(['kankyo.dual', 'kankyo.manager', 'kankyo.staff', 'kankyo.staff2', 'reform.office1']);
    expect(
      await resolve(
        [
          { type: 'role', role: Role.ReformOffice, bureauCode: null },
          { type: 'users', userIds: [ids['kankyo.staff']] },
        ],
        ['reform.office2', 'kankyo.staff'],
      ),
    ).toEqual(['reform.office1']);
    // Unknown and malformed ids name nobody, and do not fail the delivery.
    expect(await resolve([{ type: 'users', userIds: ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', ids['kodomo.manager']] }])).toEqual(['kodomo.manager']);
    expect(await resolve([])).toEqual([]);

    const request = notification({
      recipients: [
        { type: 'role', role: Role.Manager, bureauCode: null },
        { type: 'users', userIds: [ids['kankyo.manager'], ids['reform.office1']] },
      ],
      excludedUserIds: [ids['kodomo.manager']],
    });
    expect(await deliver(request)).toEqual({ newRecipients: 3 });
    const inbox = await inboxOf(request.key);
    expect(usernamesOf(inbox.map((row) => row.user_id))).toEqual(['kankyo.dual', 'kankyo.manager', 'reform.office1']);
    expect(inbox.map((row) => row.id).sort()).toEqual(inbox.map((row) => `${request.key}/${row.user_id}`).sort());
  });

  it('puts it into each inbox, e-mails each addressed recipient and calls the webhook once, even when delivered twice', async () => {
    const request = notification({
      recipients: [
        { type: 'role', role: Role.Staff, bureauCode: 'kankyo' },
        { type: 'users', userIds: [ids['reform.office1']] },
      ],
    });
    expect(await deliver(request)).toEqual({ newRecipients: 4 });
    // A retry of the same request, as Temporal makes after a lost answer: nothing happens twice.
    expect(await deliver(request)).toEqual({ newRecipients: 0 });
    const deliveries = await settled(request.key);

    expect(usernamesOf((await inboxOf(request.key)).map((row) => row.user_id))).toEqual(['kankyo.dual', 'kankyo.staff', 'kankyo.staff2', 'reform.office1']);

    // kankyo.staff2 has no address: the inbox only.
    const received = mailsOf(request.key);
    expect(received.flatMap((mail) => mail.envelopeTo).sort()).toEqual(['hanako@kankyo.example.jp', 'ichiro@reform.example.jp', 'kenmu@kankyo.example.jp']);
    const hanako = received.find((mail) => mail.envelopeTo[0] === 'hanako@kankyo.example.jp')!.parsed;
    expect(hanako.subject).toBe(SUBJECT);
    expect(hanako.text).toContain(BODY);
    expect(hanako.text).toContain('https://reform.example.jp/base/api/v1/fiscal-years/2024/clusters/27');
    expect(hanako.from?.value).toEqual([{ name: '市政変革ワークフロー', address: 'no-reply@reform.example.jp' }]);
    expect(hanako.to && !Array.isArray(hanako.to) ? hanako.to.value : undefined).toEqual([{ name: '環境 花子', address: 'hanako@kankyo.example.jp' }]);
    expect(String((hanako.headers.get('content-type') as { params?: Record<string, string> }).params?.charset).toLowerCase()).toBe('utf-8');

    const calls = hooksOf(request.key);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.headers['content-type']).toMatch(/^application\/json/);
    // The signature covers the timestamp too, and the timestamp is the time of sending.
    const timestamp = String(call.headers['x-reform-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.`).update(call.raw).digest('hex')}`;
    expect(call.headers['x-reform-signature']).not.toBe(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(call.raw).digest('hex')}`);
    const signature = String(call.headers['x-reform-signature']);
    expect(signature.length).toBe(expected.length);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    expect(JSON.parse(call.raw.toString('utf8'))).toEqual({
      id: request.key,
      kind: 'reminder',
      kindLabel: '期限前のお知らせ',
      subject: SUBJECT,
      body: BODY,
      link: 'https://reform.example.jp/base/api/v1/fiscal-years/2024/clusters/27',
      fiscalYear: 2024,
      clusterNo: 27,
      reportKind: 'interim',
      dueAt: '2024-06-04T17:00:00.000+09:00',
      createdAt: '2024-06-01T09:00:00.000+09:00',
      recipients: ['kankyo.dual', 'kankyo.staff', 'kankyo.staff2', 'reform.office1'],
    });

    expect(deliveries.map(({ channel, status, attempts, delivered, payload }) => ({ channel, status, attempts, delivered, payload }))).toEqual([
      // Once delivered, the content is no longer kept beside the inbox.
      ...Array.from({ length: 3 }, () => ({ channel: 'email', status: 'delivered', attempts: 1, delivered: true, payload: null })),
      { channel: 'webhook', status: 'delivered', attempts: 1, delivered: true, payload: null },
    ]);
    // The webhook URL's path and query may hold a secret: only its origin is stored.
    expect(JSON.stringify(deliveries)).not.toContain('in-the-url');
  });

  it('fills the inboxes at once when the webhook answers 500, and its delivery tries again later without resending e-mails', async () => {
    const request = notification({ kind: NotificationKind.Escalation, recipients: [{ type: 'role', role: Role.Manager, bureauCode: 'kankyo' }] });
    failingHooks = 1;
    expect(await deliver(request)).toEqual({ newRecipients: 2 });
    expect(await inboxOf(request.key)).toHaveLength(2);
    expect(await deliver(request)).toEqual({ newRecipients: 0 });

    const deliveries = await settled(request.key);
    expect(mailsOf(request.key).flatMap((mail) => mail.envelopeTo).sort()).toEqual(['kacho@kankyo.example.jp', 'kenmu@kankyo.example.jp']);
    expect(hooksOf(request.key).map((hook) => hook.status)).toEqual([500, 204]);
    const [webhook] = deliveries.filter((delivery) => delivery.channel === 'webhook');
    expect(webhook).toMatchObject({ status: 'delivered', attempts: 2, delivered: true });
    expect(webhook.last_error).toMatch(/answered 500: 一時的な障害です/);
  });

  it('retries an address the mail server refused for now, and gives up at once on one it refused for good', async () => {
    const request = notification({ recipients: [{ type: 'role', role: Role.ReformOffice, bureauCode: null }, { type: 'users', userIds: [ids['kodomo.manager']] }] });
    refusals.set('ichiro@reform.example.jp', 451);
    refusals.set('kacho@kodomo.example.jp', 550);
    expect(await deliver(request)).toEqual({ newRecipients: 3 });

    const emails = (await settled(request.key)).filter((delivery) => delivery.channel === 'email');
    expect(mailsOf(request.key).flatMap((mail) => mail.envelopeTo).sort()).toEqual(['ichiro@reform.example.jp', 'jiro@reform.example.jp']);
    expect(hooksOf(request.key)).toHaveLength(1);
    expect(emails.map(({ destination, status, attempts }) => ({ destination, status, attempts }))).toEqual([
      { destination: 'ichiro@reform.example.jp', status: 'delivered', attempts: 2 },
      { destination: 'jiro@reform.example.jp', status: 'delivered', attempts: 1 },
      // Refused for good: one attempt, recorded as failed, and the others were not held up by it.
      { destination: 'kacho@kodomo.example.jp', status: 'failed', attempts: 1 },
    ]);
    expect(emails[2].last_error).toMatch(/550/);
    refusals.clear();
  });

  it('answers at once while the mail server and the webhook cannot be reached, and records them as failed after the last attempt, without secrets', async () => {
    const [smtpPort, webhookPort] = [await closedPort(), await closedPort()];
    const unreachable = await runWorker({
      SMTP_URL: `smtp://reform:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtpPort}`,
      WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hook?token=secret-in-the-url`,
      WEBHOOK_SECRET,
    });
    const request = notification({ recipients: [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }] });
    const started = Date.now();
    expect(await deliver(request, unreachable)).toEqual({ newRecipients: 3 });
    // The notifying workflow waits for two local writes, not for the servers.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await inboxOf(request.key)).toHaveLength(3);

    const deliveries = await settled(request.key);
    expect(deliveries.map(({ channel, status, attempts }) => ({ channel, status, attempts }))).toEqual([
      { channel: 'email', status: 'failed', attempts: 3 },
      { channel: 'email', status: 'failed', attempts: 3 },
      { channel: 'webhook', status: 'failed', attempts: 3 },
    ]);
    expect(deliveries[2].last_error).toMatch(/webhook http:\/\/127\.0\.0\.1:\d+ unreachable/);
    for (const delivery of deliveries) {
      expect(delivery.last_error).toEqual(expect.stringMatching(/\S/));
      expect(delivery.last_error).not.toContain('secret-in-the-url');
      expect(delivery.last_error).not.toContain(SMTP_PASSWORD);
    }
    // What the admins see: the failed ones, newest first, with how often they were tried.
    const failed = await repository.deliveries({ status: 'failed' }, { page: 1, pageSize: 50 });
    expect(failed.items.filter((row) => row.notificationKey === request.key).map((row) => [row.channel, row.username ?? row.destination])).toEqual(
      expect.arrayContaining([['email', 'kankyo.dual'], ['email', 'kankyo.staff'], ['webhook', expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/)]]),
    );
  }, 60_000);

  it('skips deactivated users, whether a role rule or a user rule names them, on every channel, and reaches them again once reactivated', async () => {
    const users = app.get(UserRepository);
    const bureaus = app.get(BureauRepository);
    await bureaus.create({ code: 'taishoku', name: '退職確認局' });
    for (const [username, email] of [['taishoku.active', 'active@taishoku.example.jp'], ['taishoku.left', 'left@taishoku.example.jp']]) {
      await users.createIfAbsent({ username, passwordHash: 'not-used-here', displayName: username, roles: [Role.Manager], bureauCode: 'taishoku', email });
      ids[username] = (await users.findByUsername(username))!.id;
    }
    const allowed = () => undefined;
    await users.update(ids['taishoku.left'], { active: false }, ids['taishoku.active'], allowed);

    const resolve = async (rules: RecipientRule[]) => (await repository.resolveRecipients(rules, [])).map((recipient) => recipient.username);
    expect(await resolve([{ type: 'role', role: Role.Manager, bureauCode: 'taishoku' }])).toEqual(['taishoku.active']);
    expect(await resolve([{ type: 'users', userIds: [ids['taishoku.left']] }])).toEqual([]);
    expect(await resolve([{ type: 'role', role: Role.Manager, bureauCode: null }])).not.toContain('taishoku.left');

    const request = notification({
      recipients: [
        { type: 'role', role: Role.Manager, bureauCode: 'taishoku' },
        { type: 'users', userIds: [ids['taishoku.left']] },
      ],
    });
    expect(await deliver(request)).toEqual({ newRecipients: 1 });
    await settled(request.key);
    expect(usernamesOf((await inboxOf(request.key)).map((row) => row.user_id))).toEqual(['taishoku.active']);
    expect(mailsOf(request.key).flatMap((mail) => mail.envelopeTo)).toEqual(['active@taishoku.example.jp']);
    const [hook] = hooksOf(request.key);
    expect(JSON.parse(hook.raw.toString('utf8')).recipients).toEqual(['taishoku.active']);
    expect((await deliveriesOf(request.key)).map((delivery) => delivery.destination)).not.toContain('left@taishoku.example.jp');

    await users.update(ids['taishoku.left'], { active: true }, ids['taishoku.active'], allowed);
    const later = notification({ recipients: [{ type: 'role', role: Role.Manager, bureauCode: 'taishoku' }] });
    expect(await deliver(later)).toEqual({ newRecipients: 2 });
    await settled(later.key);
    expect(mailsOf(later.key).flatMap((mail) => mail.envelopeTo).sort()).toEqual(['active@taishoku.example.jp', 'left@taishoku.example.jp']);
  });

  it('reaches the inbox only when SMTP_URL and WEBHOOK_URL are unset', async () => {
    const inboxOnly = await workerContext({});
    const request = notification();
    // No channel besides the inbox: nothing to hand to a delivery workflow, so no Temporal client is needed.
    expect(await new MockActivityEnvironment().run(inboxOnly.get(NotificationActivitiesFactory).create().deliverNotification, request)).toEqual({ newRecipients: 3 });
    expect(await inboxOf(request.key)).toHaveLength(3);
    expect(mailsOf(request.key)).toEqual([]);
    expect(hooksOf(request.key)).toEqual([]);
    expect(await deliveriesOf(request.key)).toEqual([]);
  });
});
