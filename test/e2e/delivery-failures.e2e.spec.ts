import { toTokyoIsoString } from '@app/domain';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';
import { eventually } from '../support/worker-harness';

interface InboxItem {
  kind: string;
  fiscalYear: number | null;
}

interface DeliveryItem {
  channel: 'email' | 'webhook';
  notificationKey: string;
  username: string | null;
  destination: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/**
 * A mail server that cannot be reached and a webhook that answers 503 to every call: the cluster's
 * reminder and its escalation still reach the inboxes on time, one after the other, and what never
 * arrived is listed for the admins as failed, after its last attempt.
 */
describe('delivery that keeps failing does not hold up the process', () => {
  const FY = TEST_FISCAL_YEARS.deliveryOutbox;
  let fx: LifecycleFixture;
  let webhook: Server;
  const webhookCalls: string[] = [];

  beforeAll(async () => {
    webhook = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        webhookCalls.push(String(request.headers['x-reform-notification-id']));
        response.writeHead(503).end('メンテナンス中');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const smtpPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    fx = await startLifecycleFixture(FY, {
      SMTP_URL: `smtp://reform:mail-password@127.0.0.1:${smtpPort}`,
      WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook?token=never-shown`,
      WEBHOOK_SECRET: 'delivery-failure-secret-0123456789',
      NOTIFICATION_DELIVERY_ATTEMPTS: '2',
      NOTIFICATION_RETRY_INITIAL_SECONDS: '1',
    });
    await fx.pg.query(`UPDATE users SET email = username || '@city.example.jp'`);
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await new Promise((resolve) => webhook?.close(resolve));
  });

  async function inbox(user: TestUserName): Promise<InboxItem[]> {
    const response = await fx.as(user).get('/api/v1/me/notifications?pageSize=200').expect(200);
    return (response.body.items as InboxItem[]).filter((item) => item.fiscalYear === FY);
  }

  it('sends the reminder and then the escalation to the inboxes on time, and lists the e-mails and webhook calls that failed', async () => {
    const due = new Date(Math.ceil(Date.now() / 1000) * 1000 + 9_000);
    const tokyo = toTokyoIsoString(due);
    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${FY}/calendar-settings`).expect(200)).body;
    await fx.as('office')
      .put(`/api/v1/fiscal-years/${FY}/calendar-settings`, {
        ...settings,
        deadlines: [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 0 }],
        reminderOffsets: ['PT5S'],
        dueTime: tokyo.slice(11, 19),
      })
      .expect(200);
    await fx.as('office').patch(`/api/v1/fiscal-years/${FY}/meetings/x1`, { date: { kind: 'exact', date: tokyo.slice(0, 10) } }).expect(200);
    await fx.assignCluster(27);
    await fx.kickoff(27);

    await eventually(async () => expect((await inbox('staff')).map((item) => item.kind)).toContain('reminder'), 20_000);
    // Today's failure would stop here: the reminder's delivery retried for as long as the servers fail.
    await eventually(async () => expect((await inbox('director')).map((item) => item.kind)).toContain('escalation'), 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime() - 500);

    // Every e-mail and webhook call of both notices has had its last attempt: none is still pending.
    const failed = await eventually(async () => {
      const pending = (await fx.as('admin').get('/api/v1/notification-deliveries?status=pending&pageSize=200').expect(200)).body as { total: number };
      expect(pending.total).toBe(0);
      const page = (await fx.as('admin').get('/api/v1/notification-deliveries?status=failed&pageSize=200').expect(200)).body as { items: DeliveryItem[]; total: number };
      const escalationHook = page.items.find((item) => item.channel === 'webhook' && item.notificationKey.startsWith(`escalation/${FY}/27/`));
      expect(escalationHook).toBeDefined();
      return page;
    }, 30_000);
    expect(failed.items.every((item) => item.status === 'failed')).toBe(true);
    const reminderMail = failed.items.find((item) => item.channel === 'email' && item.username === 'staff' && item.notificationKey.startsWith(`reminder/${FY}/27/`));
    expect(reminderMail).toMatchObject({ destination: 'staff@city.example.jp', attempts: 2, lastError: expect.stringMatching(/ECONNREFUSED/) });
    const hook = failed.items.find((item) => item.channel === 'webhook' && item.notificationKey.startsWith(`reminder/${FY}/27/`));
    expect(hook).toMatchObject({ attempts: 2, lastError: expect.stringMatching(/answered 503: メンテナンス中/) });
    expect(hook?.destination).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(failed)).not.toMatch(/never-shown|mail-password/);
    // Bounded: two attempts per webhook call, then no more.
    const hooks = failed.items.filter((item) => item.channel === 'webhook');
    expect(webhookCalls.sort()).toEqual(hooks.flatMap((item) => [item.notificationKey, item.notificationKey]).sort());

    const all = (await fx.as('admin').get('/api/v1/notification-deliveries?pageSize=200').expect(200)).body as { total: number };
    expect(all.total).toBe(failed.total);
    expectProblem(await fx.as('admin').get('/api/v1/notification-deliveries?status=lost'), 400, 'request.invalid');
    expectProblem(await fx.as('office').get('/api/v1/notification-deliveries'), 403, 'access.denied');
  }, 90_000);
});
