import { toTokyoIsoString } from '@app/domain';
import { CatalogueRepository } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { Client } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { axeViolations, newJapanesePage, openAs, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';
import { eventually } from '../support/worker-harness';
import { connectTestClient } from '../support/test-temporal';

const FY = TEST_FISCAL_YEARS.reminderInbox;
const STAFF = 'kodomo.staff';
/** The deadline is two minutes away, its reminder due in a few seconds: the escalation stays out of the test. */
const DUE_IN_SECONDS = 120;
const REMINDER_IN_SECONDS = 15;

/**
 * A reminder sent by the running analysis itself (its timer, the worker's notification activity),
 * seen the way the staff member sees it: the header's unread count, the inbox, 既読にする.
 */
describe('a reminder reaching an open page', () => {
  let fx: WebAppFixture;
  let temporal: Client;
  let context: BrowserContext;
  let page: Page;
  let clusterNo: number;

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    const {
      rows: [cluster],
    } = await fx.pg.query<{ no: number }>(`SELECT no FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code = 'kodomo' ORDER BY no LIMIT 1`, [FY]);
    clusterNo = cluster.no;
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1 AND no = $2`, [FY, clusterNo]);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await temporal?.workflow.getHandle(clusterWorkflowId(FY, clusterNo)).terminate('test finished').catch(() => undefined);
    await temporal?.connection.close();
    await fx?.close();
  });

  it('raises the unread count, shows the reminder in the inbox, and lowers the count when it is marked read', async () => {
    const staff = await login(fx.app, STAFF, DEMO_PASSWORD);
    const inboxByApi = async () => (await request(fx.app.getHttpServer()).get('/api/v1/me/notifications').auth(staff, { type: 'bearer' }).expect(200)).body;
    const before: number = (await inboxByApi()).unread;
    ({ context, page } = await newJapanesePage(fx.browser));
    await openAs(page, fx.baseUrl, '/', STAFF);
    const unread = page.getByTestId('unread-count');
    const showing = (count: number) => unread.filter({ hasText: new RegExp(`^${count}$`) }).waitFor();
    await showing(before);

    // The interim report falls due two minutes from now, pegged to the first X meeting of that day,
    // with one reminder a few seconds before it; then the reform office kicks the cluster off.
    const office = await login(fx.app, 'reform.office1', DEMO_PASSWORD);
    const asOffice = (method: 'get' | 'put' | 'patch' | 'post', path: string) =>
      request(fx.app.getHttpServer())[method](`/api/v1/fiscal-years/${FY}${path}`).auth(office, { type: 'bearer' });
    const due = toTokyoIsoString(new Date(Math.ceil(Date.now() / 1000) * 1000 + DUE_IN_SECONDS * 1000));
    const settings = (await asOffice('get', '/calendar-settings').expect(200)).body;
    await asOffice('put', '/calendar-settings')
      .send({
        ...settings,
        deadlines: [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 0 }],
        reminderOffsets: [`PT${DUE_IN_SECONDS - REMINDER_IN_SECONDS}S`],
        dueTime: due.slice(11, 19),
      })
      .expect(200);
    await asOffice('patch', '/meetings/x1').send({ date: { kind: 'exact', date: due.slice(0, 10) } }).expect(200);
    await asOffice('post', `/clusters/${clusterNo}/kickoff`).send({ meetingDate: due.slice(0, 10), attendees: ['子ども家庭局 総務課長'] }).expect(201);

    // The timer fires on its own; nothing here touches the inbox.
    const reminder = await eventually(async () => {
      const inbox = await inboxByApi();
      const found = inbox.items.find((item: { kind: string; fiscalYear: number }) => item.kind === 'reminder' && item.fiscalYear === FY);
      expect(found).toBeDefined();
      return found as { subject: string };
    }, 90_000);

    // The person comes back to the tab: the page asks again and the header counts what arrived (the
    // reminder, and the digest of the meeting, which is due at once for a meeting this close).
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))");
    const arrived: number = (await inboxByApi()).unread;
    expect(arrived).toBeGreaterThan(before);
    await showing(arrived);
    const inbox = page.getByRole('region', { name: /お知らせ/ });
    const item = inbox.getByRole('listitem').filter({ hasText: reminder.subject });
    await item.getByText(reminder.subject, { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-reminder-unread');

    await item.getByRole('button', { name: /既読にする/ }).click();
    await showing(arrived - 1);
  }, 180_000);

  it('pages an inbox longer than twenty, unread first, and reaches the oldest', async () => {
    // Older notices than any the first test received, one a minute back from an hour ago.
    await fx.pg.query(
      `INSERT INTO notifications (id, notification_key, user_id, kind, subject, body, created_at)
       SELECT 'paging/' || g || '/' || u.id, 'paging/' || g, u.id, 'reminder', '過去のお知らせ 第' || g || '号', '本文', now() - interval '1 hour' - make_interval(mins => g)
       FROM users u, generate_series(1, 25) AS g WHERE u.username = $1`,
      [STAFF],
    );
    const staff = await login(fx.app, STAFF, DEMO_PASSWORD);
    const total: number = (await request(fx.app.getHttpServer()).get('/api/v1/me/notifications').auth(staff, { type: 'bearer' }).expect(200)).body.total;
    await context?.close();
    ({ context, page } = await newJapanesePage(fx.browser));
    await openAs(page, fx.baseUrl, '/', STAFF);
    const inbox = page.getByRole('region', { name: /お知らせ/ });
    const pages = Math.ceil(total / 20);
    await inbox.getByText(`1 / ${pages} ページ`).waitFor();
    await expect(inbox.getByRole('listitem').count()).resolves.toBe(20);
    for (let next = 2; next <= pages; next += 1) {
      await inbox.getByRole('button', { name: '次へ' }).click();
      await inbox.getByText(`${next} / ${pages} ページ`).waitFor();
    }
    await expect(inbox.getByRole('listitem').count()).resolves.toBe(total - (pages - 1) * 20);
    // The oldest unread notice comes last of the unread, so on the last page.
    await inbox.getByText('過去のお知らせ 第25号', { exact: true }).waitFor();
    expect(await inbox.getByRole('button', { name: '次へ' }).isDisabled()).toBe(true);
    await screenshot(page, 'home-inbox-last-page');
  }, 60_000);
});
