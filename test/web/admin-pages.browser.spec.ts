import { CatalogueRepository } from '@app/persistence';
import { calendarWorkflowId, clusterWorkflowId } from '@app/temporal';
import { Client } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login, TEST_ADMIN_PASSWORD } from '../support/api-harness';
import { axeViolations, loggedInPage, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';
import { eventually } from '../support/worker-harness';
import { connectTestClient } from '../support/test-temporal';

const FY = TEST_FISCAL_YEARS.adminPages;
const OFFICE = 'reform.office1';
const STAFF = 'kodomo.staff';

/** X会議, 年度の設定 and the administration screens, in a real browser on demo data. */
describe('the meetings, settings and administration pages in a real browser', () => {
  let fx: WebAppFixture;
  let temporal: Client;
  const contexts: BrowserContext[] = [];
  let clusterNo: number;
  /** Clusters the last test kicks off besides, stopped with the rest. */
  const alsoStarted: number[] = [];

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    const http = request(fx.app.getHttpServer());
    const office = await login(fx.app, OFFICE, DEMO_PASSWORD);
    // The interim report falls due for the 1st meeting, known this year only as 10月上旬 so far.
    await http.patch(`/api/v1/fiscal-years/${FY}/meetings/x1`).auth(office, { type: 'bearer' }).send({ date: { kind: 'third', month: `${FY}-10`, third: 'early' } }).expect(200);
    const { rows } = await fx.pg.query<{ no: number }>(`SELECT no FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code = 'kodomo' ORDER BY no LIMIT 1`, [FY]);
    clusterNo = rows[0].no;
    await request(fx.app.getHttpServer())
      .post(`/api/v1/fiscal-years/${FY}/clusters/${clusterNo}/kickoff`)
      .auth(office, { type: 'bearer' })
      .send({ meetingDate: `${FY}-06-04`, attendees: ['子ども家庭局 総務課長'] })
      .expect(201);
    const staff = await login(fx.app, STAFF, DEMO_PASSWORD);
    await eventually(async () => {
      const tasks = await request(fx.app.getHttpServer()).get('/api/v1/me/tasks').auth(staff, { type: 'bearer' }).expect(200);
      expect(tasks.body.items.find((task: { fiscalYear: number }) => task.fiscalYear === FY)).toMatchObject({ provisional: true });
    });
  }, 120_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await Promise.all([clusterNo, ...alsoStarted].map((no) => temporal?.workflow.getHandle(clusterWorkflowId(FY, no)).terminate('test finished').catch(() => undefined)));
    await temporal?.workflow.getHandle(calendarWorkflowId(FY)).terminate('test finished').catch(() => undefined);
    await temporal?.connection.close();
    await fx?.close();
  });

  const url = (path: string) => `${fx.baseUrl}${path}`;

  async function loggedIn(username: string, password = DEMO_PASSWORD): Promise<Page> {
    const { context, page } = await loggedInPage(fx.browser, fx.baseUrl, username, password);
    contexts.push(context);
    return page;
  }

  const expectNoAxeViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);


  const meetingItem = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

  it('lets the reform office fix a 10月上旬 meeting to a day, and the deadlines due for it stop being provisional for the staff too', async () => {
    const office = await loggedIn(OFFICE);
    const staff = await loggedIn(STAFF);
    // The staff member has the cluster open first: its interim deadline is provisional.
    await staff.goto(url(`/fiscal-years/${FY}/clusters/${clusterNo}`));
    const interimDeadline = staff.getByRole('region', { name: '期限' }).getByRole('row').filter({ hasText: '第1回X会議' });
    await interimDeadline.waitFor();
    await expect(interimDeadline.textContent()).resolves.toContain('暫定');
    await staff.getByRole('link', { name: '会議', exact: true }).click();
    await staff.getByRole('heading', { name: /^X会議/ }).waitFor();

    await office.goto(url(`/fiscal-years/${FY}/meetings`));
    const first = meetingItem(office, '第1回X会議');
    await first.getByText('令和33年10月上旬（2051-10 上旬）').waitFor();
    const due = first.getByRole('list', { name: /に向けた未了の期限/ });
    await due.getByText(/経過報告/).first().waitFor();
    await expect(due.textContent()).resolves.toContain('暫定');
    await screenshot(office, 'meetings-office');

    await first.getByRole('button', { name: '第1回X会議の日程・議題を変更' }).click();
    // The button is gone while the form is open, so focus moves into the form, on the date's kind.
    expect(await office.evaluate('document.activeElement.type')).toBe('radio');
    await first.getByLabel('日付が決まっている').check();
    await first.getByLabel('開催日').fill(`${FY}-10-08`);
    await screenshot(office, 'meetings-office-editing');
    await first.getByRole('button', { name: '保存' }).click();

    await first.getByText('令和33年10月8日（2051-10-08）').waitFor();
    await eventually(async () => expect(await due.textContent()).not.toContain('暫定'), 30_000);
    await expect(due.textContent()).resolves.toContain('期限：令和33年');
    await expect(first.getByText('暫定').count()).resolves.toBe(0);
    await screenshot(office, 'meetings-office-moved');

    // The staff member's ホーム, reached through the header: no reload, and the task is no longer provisional.
    await staff.getByRole('link', { name: 'ホーム', exact: true }).click();
    const tasks = staff.getByRole('list', { name: /自分の仕事の一覧/ });
    const task = tasks.getByRole('listitem').filter({ hasText: `No.${clusterNo}` }).filter({ hasText: '令和33年度' });
    await task.waitFor();
    await eventually(async () => expect(await task.textContent()).not.toContain('暫定'), 30_000);

    // And the cluster page, opened from the task: the deadline has the meeting's new date, and 暫定 is gone.
    await task.getByRole('link', { name: new RegExp(`No\\.${clusterNo}`) }).click();
    await interimDeadline.waitFor();
    await eventually(async () => expect(await interimDeadline.textContent()).not.toContain('暫定'), 30_000);
    await expect(interimDeadline.textContent()).resolves.toContain('令和33年10月8日（2051-10-08）');
  });

  it('shows staff the meetings without edit buttons, and the reason when they open settings or administration', async () => {
    const page = await loggedIn(STAFF);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await expect(nav.getByRole('link', { name: '設定' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: '管理' }).count()).resolves.toBe(0);
    await page.goto(url(`/fiscal-years/${FY}/meetings`));
    await meetingItem(page, '第1回X会議').waitFor();
    await expect(page.getByRole('button', { name: /日程・議題を変更/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'calendar.ics をダウンロード' }).getAttribute('href')).resolves.toBe(`/api/v1/fiscal-years/${FY}/calendar.ics`);
    // The subscription link works with nothing but the URL, as a calendar app fetches it.
    await page.getByRole('button', { name: '購読用のリンクを作成' }).click();
    const feedUrl = await page.getByLabel(/購読用のリンク/).inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${fx.baseUrl}/api/v1/fiscal-years/${FY}/calendar\\.ics\\?feed=`));
    const fetched = await fetch(feedUrl);
    expect({ status: fetched.status, type: fetched.headers.get('content-type') }).toEqual({ status: 200, type: 'text/calendar; charset=utf-8' });
    expect(await fetched.text()).toContain('BEGIN:VCALENDAR');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'meetings-staff');

    for (const path of [`/fiscal-years/${FY}/settings`, '/admin/users', '/admin/bureaus', '/admin/deliveries']) {
      await page.goto(url(path));
      await page.getByRole('heading', { name: 'この画面を開く権限がありません' }).waitFor();
    }
    await expectNoAxeViolations(page);
    await screenshot(page, 'no-permission');
  });

  it.each([STAFF, 'kodomo.manager', 'kodomo.director', OFFICE])('has no WCAG 2.0/2.1 A or AA violations on the meetings page for %s', async (username) => {
    const page = await loggedIn(username);
    await page.goto(url(`/fiscal-years/${FY}/meetings`));
    await meetingItem(page, '第1回X会議').getByText(/営業日前まで/).first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets the reform office change a setting, keeps typed values beside the API\'s field error, and create the next year', async () => {
    const page = await loggedIn(OFFICE);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '設定' }).waitFor();
    await page.goto(url(`/fiscal-years/${FY}/settings`));
    const lifecycle = page.getByRole('form', { name: '報告書と決裁経路' });
    await lifecycle.getByLabel('1段目の名称').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'settings-office');

    await lifecycle.getByLabel('1段目の名称').fill('所管課長（一次確認）');
    await expect(lifecycle.getByLabel('承認済みの報告書は全職員が閲覧できるようにする').isChecked()).resolves.toBe(false);
    await lifecycle.getByLabel('承認済みの報告書は全職員が閲覧できるようにする').check();
    await lifecycle.getByRole('button', { name: '保存' }).click();
    await lifecycle.getByText('保存しました').waitFor();
    await page.reload();
    await expect(page.getByRole('form', { name: '報告書と決裁経路' }).getByLabel('1段目の名称').inputValue()).resolves.toBe('所管課長（一次確認）');
    await expect(page.getByRole('form', { name: '報告書と決裁経路' }).getByLabel('承認済みの報告書は全職員が閲覧できるようにする').isChecked()).resolves.toBe(true);

    const calendar = page.getByRole('form', { name: '期限と督促' });
    await calendar.getByLabel('期限の時刻（HH:MM）').fill('16:30');
    await calendar.getByLabel('報告者への案内（会議の何営業日前）').fill('1.5');
    await calendar.getByRole('button', { name: '保存' }).click();
    await calendar.locator('#digest-lead-problems').getByText('報告者への案内は整数で指定してください').waitFor();
    await expect(calendar.getByLabel('報告者への案内（会議の何営業日前）').inputValue()).resolves.toBe('1.5');
    await expect(calendar.getByLabel('期限の時刻（HH:MM）').inputValue()).resolves.toBe('16:30');
    await expectNoAxeViolations(page);
    await screenshot(page, 'settings-field-error');

    const next = page.getByRole('region', { name: 'この年度から次の年度を作成' });
    await expect(next.getByLabel('作成する年度（西暦）').inputValue()).resolves.toBe(String(FY + 1));
    await next.getByRole('button', { name: '年度を作成' }).click();
    await next.getByText('作成しました').waitFor();
    await next.getByRole('list', { name: '登録されている年度' }).getByText('令和34年度（2052年度）').waitFor();
    await screenshot(page, 'settings-next-year');
    // What the new year needs next, its analyses chosen, is done on its board.
    await next.getByRole('status').getByRole('link', { name: '令和34年度の進捗ボード' }).click();
    await page.getByRole('heading', { name: '進捗ボード（令和34年度）' }).waitFor();
    await page.getByRole('region', { name: '選択した事業群の分析対象の設定' }).waitFor();
  });

  it("tells the reform office what is wrong with a year's settings beside the field to change, in the form's words, and keeps the settings as they were", async () => {
    const page = await loggedIn(OFFICE);
    await page.goto(url(`/fiscal-years/${FY}/settings`));
    const lifecycle = page.getByRole('form', { name: '報告書と決裁経路' });
    const firstStep = await lifecycle.getByLabel('1段目の名称').inputValue();
    await lifecycle.getByLabel('1段目の範囲').selectOption({ label: '全庁（市政変革室）' });
    await lifecycle.getByRole('button', { name: '保存' }).click();
    const scopeProblem = `${firstStep}：課長の範囲は「所管局の中で」にしてください`;
    await lifecycle.locator('#step-0-scope-problems').getByText(scopeProblem).waitFor();
    await expect(lifecycle.getByLabel('1段目の範囲').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary above the button lists the same words, not the API's field names, each leading to its field.
    await expect(lifecycle.getByRole('alert').textContent()).resolves.not.toContain('approvalChain');
    await lifecycle.getByRole('alert').getByRole('link', { name: scopeProblem }).click();
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe(await lifecycle.getByLabel('1段目の範囲').getAttribute('id'));

    const calendar = page.getByRole('form', { name: '期限と督促' });
    const interimLead = calendar.getByLabel('会議の何営業日前（経過報告）');
    const savedLead = await interimLead.inputValue();
    await interimLead.fill('70');
    await calendar.getByRole('button', { name: '保存' }).click();
    await calendar.locator(`#${await interimLead.getAttribute('aria-describedby')}`).getByText('経過報告の期限は会議の0〜60営業日前で指定してください').waitFor();
    await expect(calendar.getByRole('alert').textContent()).resolves.not.toContain('deadlines');
    await expectNoAxeViolations(page);
    await screenshot(page, 'settings-domain-problems');

    await page.reload();
    await expect(page.getByRole('form', { name: '報告書と決裁経路' }).getByLabel('1段目の範囲').inputValue()).resolves.toBe('owning-bureau');
    await expect(page.getByRole('form', { name: '期限と督促' }).getByLabel('会議の何営業日前（経過報告）').inputValue()).resolves.toBe(savedLead);
  });

  it('lets an admin add, change, reset the password of and deactivate a user, and add a bureau', async () => {
    const page = await loggedIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理' }).click();
    await page.getByRole('heading', { name: '利用者の管理' }).waitFor();
    await page.getByRole('table').getByText('kodomo.staff').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-users');

    await page.getByRole('button', { name: '利用者を追加' }).click();
    const create = page.getByRole('dialog', { name: '利用者を追加' });
    await create.getByLabel('ユーザー名').fill('kodomo.tanaka');
    await create.getByLabel('初期パスワード').fill('first-password-1234');
    await create.getByLabel('表示名').fill('田中 太郎');
    await create.getByLabel('所属局').selectOption({ label: '子ども家庭局' });
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-user-create');
    await create.getByRole('button', { name: '登録' }).click();
    await create.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('田中 太郎 さんを登録しました').waitFor();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('利用者を追加');

    await page.getByRole('form', { name: '利用者の絞り込み' }).getByLabel('所属局').selectOption({ label: '子ども家庭局' });
    const row = page.getByRole('row').filter({ hasText: 'kodomo.tanaka' });
    await row.waitFor();
    await row.getByRole('button', { name: /を編集$/ }).click();
    const edit = page.getByRole('dialog', { name: '利用者を編集' });
    await edit.getByLabel('表示名').fill('田中 次郎');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('田中 次郎').waitFor();

    await row.getByRole('button', { name: /パスワード再設定$/ }).click();
    const password = page.getByRole('dialog', { name: 'パスワードを再設定' });
    await password.getByLabel('新しいパスワード（12文字以上）').fill('second-password-5678');
    await password.getByRole('button', { name: '再設定' }).click();
    await password.getByText('再設定しました').waitFor();
    await screenshot(page, 'admin-user-password');
    await password.getByRole('button', { name: '閉じる' }).click();
    await login(fx.app, 'kodomo.tanaka', 'second-password-5678');

    await row.getByRole('button', { name: /を編集$/ }).click();
    await edit.getByRole('button', { name: 'この利用者を無効化' }).click();
    await edit.getByText('無効化しました').waitFor();
    await edit.getByRole('button', { name: '閉じる' }).click();
    await row.getByText('無効化済み').waitFor();
    await request(fx.app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'kodomo.tanaka', password: 'second-password-5678' }).expect(401);
    await screenshot(page, 'admin-users-after');

    await row.getByRole('button', { name: /の操作の履歴$/ }).click();
    const history = page.getByRole('dialog', { name: '操作の履歴' });
    const acts = history.getByRole('list', { name: /の管理操作の履歴/ }).locator(':scope > li');
    await acts.first().getByText('無効化').waitFor();
    await expect(acts.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/無効化[\s\S]*有効：有効 → 無効/),
      expect.stringContaining('パスワードの再設定'),
      expect.stringMatching(/変更[\s\S]*表示名：田中 太郎 → 田中 次郎/),
      expect.stringContaining('登録'),
    ]);
    await expect(history.textContent()).resolves.not.toContain('second-password-5678');
    await expectNoAxeViolations(page);
    await history.getByRole('button', { name: '閉じる' }).click();

    await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '局' }).click();
    await page.getByLabel('局コード').fill('kokusai');
    await page.getByLabel('局名').fill('国際政策局');
    await page.getByRole('button', { name: '登録' }).click();
    await page.getByRole('table').getByText('国際政策局').waitFor();
    // The same name under another code could not be told from the first in any list.
    await page.getByLabel('局コード').fill('kokusai2');
    await page.getByLabel('局名').fill('国際政策局');
    await page.getByRole('button', { name: '登録' }).click();
    const taken = page.getByRole('alert').filter({ hasText: '局名「国際政策局」は既に局コード「kokusai」で登録されています' });
    await taken.waitFor();
    // Nobody else's action is to blame: the answer says only what is taken.
    await expect(taken.textContent()).resolves.not.toContain('ほかの方の操作');
    await expect(page.getByRole('table').getByText('国際政策局', { exact: true }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-bureaus');
  });

  it('goes back to the last page of users when the one user on the page shown leaves the list', async () => {
    const admin = await login(fx.app, 'admin', TEST_ADMIN_PASSWORD);
    const http = request(fx.app.getHttpServer());
    await http.post('/api/v1/bureaus').auth(admin, { type: 'bearer' }).send({ code: 'kaikei', name: '会計室' }).expect(201);
    // One more than a page: the 21st is alone on page two.
    for (let n = 1; n <= 21; n += 1) {
      const username = `kaikei.user${String(n).padStart(2, '0')}`;
      await http.post('/api/v1/users').auth(admin, { type: 'bearer' }).send({ username, password: 'first-password-1234', displayName: `会計 ${n}`, roles: ['staff'], bureauCode: 'kaikei' }).expect(201);
    }
    const page = await loggedIn('admin', TEST_ADMIN_PASSWORD);
    await page.goto(url('/admin/users'));
    const filters = page.getByRole('form', { name: '利用者の絞り込み' });
    await filters.getByLabel('所属局').selectOption({ label: '会計室' });
    await filters.getByLabel('状態').selectOption({ label: '有効' });
    const pages = page.getByRole('navigation', { name: '利用者一覧のページ' });
    await pages.getByText('1 / 2 ページ').waitFor();
    await pages.getByRole('button', { name: '次のページ' }).click();
    await page.getByRole('status').getByText('21人中 21〜21人目').waitFor();

    await page.getByRole('row').filter({ hasText: 'kaikei.user' }).getByRole('button', { name: /を編集$/ }).click();
    const edit = page.getByRole('dialog', { name: '利用者を編集' });
    await edit.getByRole('button', { name: 'この利用者を無効化' }).click();
    await edit.getByText('無効化しました').waitFor();
    await edit.getByRole('button', { name: '閉じる' }).click();
    await page.getByRole('status').getByText('20人中 1〜20人目').waitFor();
    await pages.getByText('1 / 1 ページ').waitFor();
    await expect(page.getByRole('row').filter({ hasText: 'kaikei.user' }).count()).resolves.toBe(20);
    await screenshot(page, 'admin-users-back-to-last-page');
  });

  it('shows an admin the e-mails and webhook calls that finally failed, and every delivery on request', async () => {
    const key = `reminder/${FY}/${clusterNo}/interim/3d`;
    const { rows } = await fx.pg.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [STAFF]);
    await fx.pg.query(
      `INSERT INTO notification_deliveries (channel, notification_key, recipient, destination, status, attempts, last_error, last_attempt_at, delivered_at)
       VALUES ('email', $1, $2, 'staff@kodomo.example.jp', 'failed', 10, 'connect ECONNREFUSED 192.0.2.25:587', now(), NULL),
              ('webhook', $1, 'https://hooks.example.jp sha256:0123456789abcdef', 'https://hooks.example.jp', 'delivered', 1, NULL, now(), now())`,
      [key, rows[0].id],
    );
    const page = await loggedIn('admin', TEST_ADMIN_PASSWORD);
    await page.goto(url('/admin/users'));
    await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '通知の配信' }).click();
    await page.getByRole('heading', { name: '通知の配信状況' }).waitFor();
    const failed = page.getByRole('row').filter({ hasText: 'staff@kodomo.example.jp' });
    await failed.getByText('失敗').waitFor();
    await failed.getByText('connect ECONNREFUSED 192.0.2.25:587').waitFor();
    await expect(failed.getByText('10回').count()).resolves.toBe(1);
    await expect(page.getByRole('row').filter({ hasText: 'https://hooks.example.jp' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-deliveries');

    await page.getByLabel('状態').selectOption({ label: 'すべて' });
    await page.getByRole('row').filter({ hasText: 'https://hooks.example.jp' }).getByText('送信済み').waitFor();
    await expectNoAxeViolations(page);
  });

  it('shows the first twenty deadlines due for a meeting, and the rest when asked for', async () => {
    // Every cluster kicked off at once: the 1st meeting is owed an interim report by each.
    await fx.pg.query(`UPDATE clusters SET owning_bureau_code = coalesce(owning_bureau_code, 'kodomo'), analysed_this_year = true WHERE fiscal_year = $1`, [FY]);
    const token = await login(fx.app, OFFICE, DEMO_PASSWORD);
    const kickoff = await request(fx.app.getHttpServer()).post(`/api/v1/fiscal-years/${FY}/kickoff`).auth(token, { type: 'bearer' }).send({ meetingDate: `${FY}-06-04`, attendees: ['市政変革推進室 担当係長'] });
    expect(kickoff.status).toBeLessThan(300);
    const { rows } = await fx.pg.query<{ no: number }>(`SELECT no FROM clusters WHERE fiscal_year = $1 AND stage <> 'NOT_STARTED' AND no <> $2`, [FY, clusterNo]);
    alsoStarted.push(...rows.map((row) => row.no));
    const due = (await request(fx.app.getHttpServer()).get(`/api/v1/fiscal-years/${FY}/meetings/x1/due`).auth(token, { type: 'bearer' }).expect(200)).body as { done: boolean }[];
    const open = due.filter((item) => !item.done).length;
    expect(open).toBeGreaterThan(20);

    const office = await loggedIn(OFFICE);
    await office.goto(url(`/fiscal-years/${FY}/meetings`));
    const first = meetingItem(office, '第1回X会議');
    await first.getByRole('heading', { name: `未了（${open}件）` }).waitFor();
    const items = first.getByRole('list', { name: /に向けた未了の期限/ }).getByRole('listitem');
    await expect(items.count()).resolves.toBe(20);
    await screenshot(office, 'meetings-many-due');
    await first.getByRole('button', { name: `残りの${open - 20}件も表示` }).click();
    await expect(items.count()).resolves.toBe(open);
    expect(await first.getByRole('button', { name: /件も表示$/ }).count()).toBe(0);
  }, 120_000);
});
