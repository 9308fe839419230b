import { NotificationKind } from '@app/domain';
import { CatalogueRepository, NotificationRepository } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { Client } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';
import { eventually } from '../support/worker-harness';
import { axeViolations, logIn as logInAs, newJapanesePage, screenshot as screenshotOf } from '../support/browser-page';
import { connectTestClient } from '../support/test-temporal';

const FY = TEST_FISCAL_YEARS.webApp;
const STAFF = 'kodomo.staff';

describe('the web app in a real browser', () => {
  let fx: WebAppFixture;
  let context: BrowserContext;
  let page: Page;
  let temporal: Client;
  const started: number[] = [];
  /** Every request the pages make, to prove nothing leaves the origin. */
  const requested: string[] = [];

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    // Work for the staff member: two of the bureau's clusters kicked off in a year of this test's own.
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    const { rows } = await fx.pg.query<{ no: number }>(`SELECT no FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code = 'kodomo' ORDER BY no LIMIT 2`, [FY]);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1 AND no = ANY($2)`, [FY, rows.map((row) => row.no)]);
    const office = await login(fx.app, 'reform.office1', DEMO_PASSWORD);
    for (const { no } of rows) {
      await request(fx.app.getHttpServer())
        .post(`/api/v1/fiscal-years/${FY}/clusters/${no}/kickoff`)
        .auth(office, { type: 'bearer' })
        .send({ meetingDate: `${FY}-06-04`, attendees: ['子ども家庭局 総務課長'] })
        .expect(201);
      started.push(no);
    }
    // And a reminder in the inbox, put there as the worker's notification activity does.
    const { rows: [staffUser] } = await fx.pg.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [STAFF]);
    await fx.app.get(NotificationRepository).addToInboxes(
      {
        key: `reminder/${FY}/${rows[0].no}/interim/3d`,
        kind: NotificationKind.Reminder,
        recipients: [],
        excludedUserIds: [],
        subject: '【督促】経過報告の提出期限が近づいています',
        body: `経過報告を${FY}年7月12日（金）17:00までに提出してください。`,
        link: `/api/v1/fiscal-years/${FY}/clusters/${rows[0].no}`,
        fiscalYear: FY,
        clusterNo: rows[0].no,
        reportKind: 'interim',
        dueAt: `${FY}-07-12T08:00:00.000Z`,
        createdAt: new Date().toISOString(),
      },
      [staffUser.id],
    );
    const staff = await login(fx.app, STAFF, DEMO_PASSWORD);
    await eventually(async () => {
      const tasks = await request(fx.app.getHttpServer()).get('/api/v1/me/tasks').auth(staff, { type: 'bearer' }).expect(200);
      expect(tasks.body.total).toBeGreaterThanOrEqual(rows.length);
    });
  }, 120_000);

  beforeEach(async () => {
    ({ context, page } = await newJapanesePage(fx.browser));
    page.on('request', (sent) => requested.push(sent.url()));
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await Promise.all(started.map((no) => temporal?.workflow.getHandle(clusterWorkflowId(FY, no)).terminate('test finished').catch(() => undefined)));
    await temporal?.connection.close();
    await fx?.close();
  });

  const url = (path: string) => `${fx.baseUrl}${path}`;

  const logIn = (username = STAFF, password = DEMO_PASSWORD) => logInAs(page, username, password);
  const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([]);
  const screenshot = (name: string) => screenshotOf(page, name);

  it('shows the API\'s Japanese reason for a wrong password, and stays on the login page', async () => {
    await page.goto(url('/login'));
    await logIn(STAFF, 'not-the-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('ユーザー名またはパスワードが違います');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot('login-failed');
  });

  it('has no WCAG 2.0/2.1 A or AA violations on the login page, with the Japanese font from its own origin', async () => {
    await page.goto(url('/login'));
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await page.evaluate('document.fonts.ready');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    // The face for the glyphs on screen came from the font files the app ships (unicode-range slices of Noto Sans JP).
    expect(await page.evaluate(`[...document.fonts].some((face) => face.family.includes('Noto Sans JP') && face.status === 'loaded')`)).toBe(true);
    await expectNoAxeViolations();
    await screenshot('login');

    // Visible focus for keyboard users: the design system's thick outline on the field reached by Tab.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("name")')).toBe('username');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth')).toBe('solid 4px');
    await screenshot('login-focus');
  });

  it('logs in to ホーム with the staff member\'s tasks, their due dates in 和暦 and the unread count the API gives', async () => {
    await page.goto(url('/'));
    await page.waitForURL(/\/login$/);
    await logIn();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    const staff = await login(fx.app, STAFF, DEMO_PASSWORD);
    const tasks = (await request(fx.app.getHttpServer()).get('/api/v1/me/tasks').auth(staff, { type: 'bearer' }).expect(200)).body;
    const inbox = (await request(fx.app.getHttpServer()).get('/api/v1/me/notifications').auth(staff, { type: 'bearer' }).expect(200)).body;
    const list = page.getByRole('list', { name: /自分の仕事の一覧/ });
    // Sections fill in as their queries answer: wait for what the API said, then count.
    for (const task of tasks.items) await list.getByText(`No.${task.clusterNo} ${task.clusterName}`).waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(tasks.items.length);
    await expect(list.textContent()).resolves.toMatch(/期限：令和\d+年\d+月\d+日（\d{4}-\d{2}-\d{2}）\d{2}:\d{2}/);
    await page.getByTestId('unread-count').filter({ hasText: new RegExp(`^${inbox.unread}$`) }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('子ども家庭局');
    await page.evaluate('document.fonts.ready');
    await expectNoAxeViolations();
    await screenshot('home');
  });

  it('marks a notice read with one Idempotency-Key per click, the same key again when the request is retried', async () => {
    await page.goto(url('/login'));
    await logIn();
    const inbox = page.getByRole('region', { name: /お知らせ/ });
    const before = Number(await page.getByTestId('unread-count').filter({ hasText: /^\d+$/ }).textContent());
    expect(before).toBeGreaterThan(0);
    const keys: string[] = [];
    await page.route('**/api/v1/me/notifications/*/read', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      // The first attempt is lost on the way, as on a flaky network; the retry goes through.
      if (keys.length === 1) await route.abort('connectionfailed');
      else await route.continue();
    });
    await inbox.getByRole('button', { name: /^既読にする/ }).first().click();
    await page.getByTestId('unread-count').filter({ hasText: new RegExp(`^${before - 1}$`) }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keeps the session across a reload of a deep link, and returns there after a lost session and a new login', async () => {
    await page.goto(url('/login'));
    await logIn();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.goto(url('/?tab=inbox#inbox'));
    await page.reload();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    expect(new URL(page.url()).search).toBe('?tab=inbox');

    await context.clearCookies();
    await page.reload();
    await page.waitForURL(/\/login\?next=/);
    await logIn();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    expect(new URL(page.url()).search).toBe('?tab=inbox');
  });

  it('returns to /login and back when the session ends while a page is open', async () => {
    await page.goto(url('/login'));
    await logIn();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await page.goto(url('/?view=all'));
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    await context.clearCookies();
    // Coming back to the tab refetches the page's data, as it would after a lunch break; the API answers 401.
    await page.evaluate(`window.dispatchEvent(new Event('visibilitychange'))`);
    await page.waitForURL(/\/login\?next=/);
    await logIn();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    expect(new URL(page.url()).search).toBe('?view=all');
  });

  it('keeps the session token out of reach of scripts', async () => {
    await page.goto(url('/login'));
    await logIn();
    await page.getByRole('heading', { name: 'ホーム' }).waitFor();
    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'reform_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })')).toBe('{}');
  });

  it('answers an unknown /api path with problem+json, never with the app', async () => {
    const response = await page.goto(url('/api/v1/no-such-endpoint'));
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(await response!.text())).toMatchObject({ code: 'route.unknown' });
  });

  it('shows a Japanese 404 page for an unknown route of the app, without WCAG violations', async () => {
    const response = await page.goto(url('/no/such/page'));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { name: 'ページが見つかりません' }).waitFor();
    await expectNoAxeViolations();
    await screenshot('not-found');
  });

  it('pages 自分の仕事 fifty at a time, the nearest deadline first', async () => {
    // Writing owed on every other cluster of the year, as the projection records it for running analyses.
    await fx.pg.query(
      `INSERT INTO owed_actions (fiscal_year, cluster_no, report_kind, report_label, action, role, bureau_code, since, due_at)
       SELECT fiscal_year, no, 'interim', '経過報告', 'write', 'staff', 'kodomo', now(), now() + make_interval(days => 60 + no)
       FROM clusters WHERE fiscal_year = $1 ON CONFLICT DO NOTHING`,
      [FY],
    );
    const staff = await login(fx.app, STAFF, DEMO_PASSWORD);
    const total: number = (await request(fx.app.getHttpServer()).get('/api/v1/me/tasks').auth(staff, { type: 'bearer' }).expect(200)).body.total;
    expect(total).toBeGreaterThan(50);
    await page.goto(url('/'));
    await page.waitForURL(/\/login$/);
    await logIn();
    const tasks = page.getByRole('region', { name: /^自分の仕事/ });
    const list = tasks.getByRole('list', { name: /自分の仕事の一覧/ });
    await tasks.getByText(`1 / ${Math.ceil(total / 50)} ページ`).waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(50);
    await tasks.getByRole('button', { name: '次のページ' }).click();
    await tasks.getByText(`2 / ${Math.ceil(total / 50)} ページ`).waitFor();
    // The buttons sit under fifty tasks: the next page is shown from its top.
    await expect(page.evaluate("document.getElementById('tasks-heading').getBoundingClientRect().top > -1")).resolves.toBe(true);
    await expect(list.getByRole('listitem').count()).resolves.toBe(Math.min(50, total - 50));
    // The page holds the API's second page, in its order: the furthest deadline last.
    const second = (await request(fx.app.getHttpServer()).get('/api/v1/me/tasks?page=2&pageSize=50').auth(staff, { type: 'bearer' }).expect(200)).body.items;
    const shown = await list.getByRole('listitem').allTextContents();
    expect(shown.map((text) => text.match(/No\.(\d+) /)?.[1])).toEqual(second.map((task: { clusterNo: number }) => String(task.clusterNo)));
    await screenshot('home-tasks-page-2');

    // Work done elsewhere leaves fifty: the list goes back to the one page there is, never to an empty second.
    await fx.pg.query(
      `DELETE FROM owed_actions WHERE (fiscal_year, cluster_no, report_kind) IN (
         SELECT fiscal_year, cluster_no, report_kind FROM owed_actions WHERE fiscal_year = $1 AND role = 'staff' AND bureau_code = 'kodomo' ORDER BY due_at DESC LIMIT $2)`,
      [FY, total - 50],
    );
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))");
    await tasks.getByRole('heading', { name: '自分の仕事（50件）' }).waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(50);
    expect(await tasks.getByRole('navigation', { name: '自分の仕事のページ' }).count()).toBe(0);
  });

  it('loaded nothing from any other host', () => {
    const origin = new URL(fx.baseUrl).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((address) => new URL(address).origin !== origin)).toEqual([]);
  });
});
