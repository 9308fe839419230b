import { CatalogueRepository } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { Client } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { axeViolations, loggedInPage, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';
import { eventually } from '../support/worker-harness';
import { connectTestClient } from '../support/test-temporal';

const FY = TEST_FISCAL_YEARS.clusterPage;
const STAFF = 'kodomo.staff';
const MANAGER = 'kodomo.manager';
const DIRECTOR = 'kodomo.director';
const OFFICE = 'reform.office1';
const OTHER_STAFF = 'kankyo.staff';

/** The cluster page as each person uses it, in a real browser on demo data, with one login per browser context. */
describe('the cluster page in a real browser', () => {
  let fx: WebAppFixture;
  let temporal: Client;
  const contexts: BrowserContext[] = [];
  const started: number[] = [];
  /** Clusters of 子ども家庭局, one per scenario, so the scenarios do not meet. */
  let walk: number, race: number, keyboard: number, lostSave: number, notStarted: number, reviewed: number, longHistory: number;

  const http = () => request(fx.app.getHttpServer());
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await login(fx.app, username, DEMO_PASSWORD));
    return tokens.get(username)!;
  };
  const apiBase = (no: number) => `/api/v1/fiscal-years/${FY}/clusters/${no}`;
  const saveAndSubmit = async (no: number, bodies: string[]) => {
    const staff = await tokenOf(STAFF);
    for (const [index, body] of bodies.entries()) {
      await http().put(`${apiBase(no)}/reports/interim`).auth(staff, { type: 'bearer' }).send({ title: `経過報告（第${index + 1}稿）`, body }).expect(200);
    }
    await http().post(`${apiBase(no)}/reports/interim/submit`).auth(staff, { type: 'bearer' }).expect(200);
  };

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    // 子ども家庭局's clusters first, then others handed to it: the demo's kodomo.* users act on all of them.
    const { rows } = await fx.pg.query<{ no: number }>(
      `SELECT no FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code IS NOT NULL ORDER BY owning_bureau_code = 'kodomo' DESC, no LIMIT 7`,
      [FY],
    );
    [walk, race, keyboard, lostSave, notStarted, reviewed, longHistory] = rows.map((row) => row.no);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true, owning_bureau_code = 'kodomo' WHERE fiscal_year = $1 AND no = ANY($2)`, [FY, rows.map((row) => row.no)]);
    const office = await tokenOf(OFFICE);
    for (const no of [walk, race, keyboard, lostSave, reviewed, longHistory]) {
      const kickoff = await http().post(`${apiBase(no)}/kickoff`).auth(office, { type: 'bearer' }).send({ meetingDate: `${FY}-06-04`, attendees: ['子ども家庭局 総務課長'] });
      expect({ no, status: kickoff.status, body: kickoff.status === 201 ? null : kickoff.body }).toEqual({ no, status: 201, body: null });
      started.push(no);
    }
    await saveAndSubmit(race, ['保育所の定員と利用状況を比較した。']);
    await saveAndSubmit(keyboard, ['幼稚園の預かり保育の利用を整理した。']);
    await saveAndSubmit(reviewed, [
      '保育所の定員と利用状況を比較した。\n民間園への委託の範囲を整理する。',
      '保育所の定員と利用状況を他都市と比較した。\n民間園への委託の範囲と費用を整理する。',
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await Promise.all(started.map((no) => temporal?.workflow.getHandle(clusterWorkflowId(FY, no)).terminate('test finished').catch(() => undefined)));
    await temporal?.connection.close();
    await fx?.close();
  });

  /** A browser of this person's own, logged in on the login page. */
  async function browserOf(username: string): Promise<Page> {
    const { context, page } = await loggedInPage(fx.browser, fx.baseUrl, username);
    contexts.push(context);
    return page;
  }

  async function openCluster(page: Page, no: number) {
    await page.goto(`${fx.baseUrl}/fiscal-years/${FY}/clusters/${no}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`^No\\.${no} `) }).waitFor();
  }

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const panel = (page: Page) => page.getByRole('tabpanel');
  const reportStatus = async (no: number) => {
    const detail = (await http().get(apiBase(no)).auth(await tokenOf(OFFICE), { type: 'bearer' }).expect(200)).body;
    return { stage: detail.stage as string, interim: detail.reports.find((report: { kind: string }) => report.kind === 'interim').status as string };
  };

  const expectNoAxeViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);


  it('walks a report from draft through 差戻し and resubmission to the last 承認, and the cluster moves to the next stage', async () => {
    const staff = await browserOf(STAFF);
    await openCluster(staff, walk);
    await panel(staff).getByLabel('件名').fill('保育サービスの経過報告');
    await panel(staff).getByLabel('本文').fill('保育所の定員と利用状況を整理した。');
    await button(staff, '保存').click();
    await panel(staff).getByRole('cell', { name: '第1版', exact: true }).waitFor();
    await button(staff, '提出').click();
    await panel(staff).getByRole('heading', { name: '決裁の経路（第1版）' }).waitFor();
    expect(await reportStatus(walk)).toEqual({ stage: 'INTERIM_REPORT', interim: 'IN_APPROVAL' });

    const manager = await browserOf(MANAGER);
    await openCluster(manager, walk);
    await button(manager, '差戻し').click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('button', { name: '差戻し', exact: true }).click();
    await dialog.getByText('差戻しの理由を入力してください').waitFor();
    await dialog.getByLabel(/差戻しの理由/).fill('他都市との比較を追記してください。');
    await dialog.getByRole('button', { name: '差戻し', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect((await reportStatus(walk)).interim).toBe('RETURNED'));

    await staff.reload();
    await staff.getByText('他都市との比較を追記してください。').first().waitFor();
    await panel(staff).getByLabel('本文').fill('保育所の定員と利用状況を他都市と比較して整理した。');
    await screenshot(staff, 'cluster-draft-after-return');
    await button(staff, '保存').click();
    await panel(staff).getByRole('cell', { name: '第2版', exact: true }).waitFor();
    await button(staff, '提出').click();
    await panel(staff).getByRole('heading', { name: '決裁の経路（第2版）' }).waitFor();

    for (const [username, page] of [
      [MANAGER, manager],
      [DIRECTOR, await browserOf(DIRECTOR)],
      [OFFICE, await browserOf(OFFICE)],
    ] as const) {
      await openCluster(page, walk);
      await button(page, '承認').click();
      await button(page, '承認').waitFor({ state: 'detached' });
      expect({ username, problems: await page.getByRole('alert').count() }).toEqual({ username, problems: 0 });
    }

    expect(await reportStatus(walk)).toEqual({ stage: 'DIRECTION_REPORT', interim: 'APPROVED' });
    await staff.reload();
    const current = staff.getByRole('navigation', { name: '経営分析の段階' }).locator('[aria-current="step"]');
    await expect(current.textContent()).resolves.toContain('方向性の報告');
    await screenshot(staff, 'cluster-next-stage');

    // The 進捗ボード, reached from the breadcrumb, has the cluster in its new stage and the report approved.
    await staff.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: /進捗/ }).click();
    const boardRow = staff.locator(`[data-testid="board-row"][data-cluster-no="${walk}"]`);
    await boardRow.waitFor();
    await expect(boardRow.textContent()).resolves.toContain('改革の方向性の報告');
    await expect(boardRow.getByRole('list', { name: `No.${walk}の報告書` }).getByRole('listitem').first().textContent()).resolves.toBe('経過報告：承認済');
  }, 180_000);

  it('explains a 409 to the second of two browsers approving the same step, and shows the state that refused it', async () => {
    const first = await browserOf(MANAGER);
    const second = await browserOf(MANAGER);
    await openCluster(first, race);
    await openCluster(second, race);
    await button(first, '承認').click();
    await button(first, '承認').waitFor({ state: 'detached' });

    await button(second, '承認').click();
    const problem = second.getByRole('alert');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('ほかの方の操作で状態が変わっていました');
    await expect(problem.textContent()).resolves.toMatch(/経過報告\s*決裁中/);
    // Refreshed: the step is approved and the button has gone.
    await button(second, '承認').waitFor({ state: 'detached' });
    await panel(second).getByText('承認済み').first().waitFor();
    await screenshot(second, 'cluster-409');
  }, 120_000);

  it('lets the manager approve with the keyboard alone', async () => {
    const manager = await browserOf(MANAGER);
    await openCluster(manager, keyboard);
    let onApprove = false;
    for (let presses = 0; presses < 120 && !onApprove; presses += 1) {
      await manager.keyboard.press('Tab');
      onApprove = await manager.evaluate(`document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent === '承認'`);
    }
    expect(onApprove).toBe(true);
    await manager.keyboard.press('Enter');
    await button(manager, '承認').waitFor({ state: 'detached' });
    const detail = (await http().get(apiBase(keyboard)).auth(await tokenOf(MANAGER), { type: 'bearer' }).expect(200)).body;
    expect(detail.reports[0].submission.steps[0].status).toBe('approved');
  }, 120_000);

  it('keeps a draft whose 保存 failed across a reload, and saves it afterwards', async () => {
    const staff = await browserOf(STAFF);
    await openCluster(staff, lostSave);
    const saveUrl = `**/api/v1/fiscal-years/${FY}/clusters/${lostSave}/reports/interim`;
    await staff.route(saveUrl, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'urn:kitakyushu-reform:problem:temporal.unavailable',
              title: 'ワークフローエンジンに接続できません',
              status: 503,
              detail: 'ワークフローエンジンが応答しません。しばらくしてから再度お試しください',
              instance: '',
              code: 'temporal.unavailable',
              fields: [],
              current: null,
            }),
          })
        : route.continue(),
    );
    await panel(staff).getByLabel('件名').fill('子育て支援の経過報告');
    await panel(staff).getByLabel('本文').fill('一時預かりの利用状況を区ごとに整理した。');
    await button(staff, '保存').click();
    const problem = staff.getByRole('alert');
    await problem.getByText('ワークフローエンジンが応答しません', { exact: false }).waitFor({ timeout: 20_000 });
    await problem.getByRole('button', { name: '再試行' }).waitFor();
    await screenshot(staff, 'cluster-save-failed');

    await staff.unroute(saveUrl);
    await staff.reload();
    await staff.getByText('保存していない入力内容を', { exact: false }).waitFor();
    await expect(panel(staff).getByLabel('件名').inputValue()).resolves.toBe('子育て支援の経過報告');
    await expect(panel(staff).getByLabel('本文').inputValue()).resolves.toBe('一時預かりの利用状況を区ごとに整理した。');
    await screenshot(staff, 'cluster-draft-restored');

    await button(staff, '保存').click();
    await panel(staff).getByRole('cell', { name: '第1版', exact: true }).waitFor();
    await expect(staff.evaluate(`Object.keys(localStorage).filter((key) => key.startsWith('reform-draft')).length`)).resolves.toBe(0);
    const detail = (await http().get(apiBase(lostSave)).auth(await tokenOf(STAFF), { type: 'bearer' }).expect(200)).body;
    expect(detail.reports[0].latest).toMatchObject({ version: 1, title: '子育て支援の経過報告', body: '一時預かりの利用状況を区ごとに整理した。' });
  }, 120_000);

  it('shows decision buttons only to who may act: none to another bureau’s staff, 着手 and 取下げ to the reform office', async () => {
    const other = await browserOf(OTHER_STAFF);
    await openCluster(other, reviewed);
    for (const name of ['保存', '提出', '引戻し', '承認', '差戻し', '代理', '着手', '取下げ']) {
      expect({ name, count: await button(other, name).count() }).toEqual({ name, count: 0 });
    }
    await panel(other).getByRole('heading', { name: '決裁の経路（第2版）' }).waitFor();
    // Another bureau's staff see where the report stands, and are told why its texts are not shown.
    await panel(other).getByRole('note', { name: '閲覧の制限' }).getByText('本文・件名・コメントは表示されません。').waitFor();
    await panel(other).getByText('各版の件名・本文は閲覧できません').waitFor();
    expect(await panel(other).getByText('保育所の定員', { exact: false }).count()).toBe(0);

    const office = await browserOf(OFFICE);
    await openCluster(office, reviewed);
    await button(office, '取下げ').waitFor();
    expect(await button(office, '着手').count()).toBe(0);
    await openCluster(office, notStarted);
    await button(office, '着手').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByRole('button', { name: '着手', exact: true }).click();
    await dialog.getByText('着手会議の日付を入力してください').waitFor();
    await dialog.getByLabel(/着手会議の日付/).fill(`${FY}-06-10`);
    await dialog.getByLabel(/出席者/).fill('子ども家庭局 総務課長\n市政変革推進室 担当係長');
    await screenshot(office, 'cluster-kickoff-dialog');
    await dialog.getByRole('button', { name: '着手', exact: true }).click();
    started.push(notStarted);
    await dialog.waitFor({ state: 'hidden' });
    // The dialog may still be in the page, closed, when the case shows the meeting: look in the case's own entry.
    await office.getByRole('definition').filter({ hasText: '出席者：子ども家庭局 総務課長、市政変革推進室 担当係長' }).waitFor();
    expect((await reportStatus(notStarted)).stage).toBe('KICKOFF');
    await button(office, '取下げ').waitFor();
  }, 120_000);

  it('pages a long history fifty entries at a time, oldest first, and shows the newest ten saved versions until asked for the rest', async () => {
    const staff = await tokenOf(STAFF);
    for (let draft = 1; draft <= 50; draft += 1) {
      await http().put(`${apiBase(longHistory)}/reports/interim`).auth(staff, { type: 'bearer' }).send({ title: `経過報告（第${draft}稿）`, body: `第${draft}稿の本文` }).expect(200);
    }
    const page = await browserOf(STAFF);
    await openCluster(page, longHistory);
    // The saved versions too: the newest ten, the rest when asked for.
    const versions = panel(page).getByRole('table', { name: '経過報告の保存された版' }).getByRole('row');
    await expect(versions.count()).resolves.toBe(1 + 10);
    await expect(versions.nth(1).textContent()).resolves.toContain('第50版');
    await button(page, '古い版も表示（あと40版）').click();
    await expect(versions.count()).resolves.toBe(1 + 50);
    await expect(versions.last().textContent()).resolves.toContain('第1版');
    expect(await button(page, '古い版も表示（あと40版）').count()).toBe(0);

    const history = page.getByRole('region', { name: '履歴' });
    const entries = history.getByRole('list', { name: '履歴（古い順）' }).getByRole('listitem');
    await history.getByText('古い順に1〜50件目を表示しています（全51件）。').waitFor();
    expect(await entries.count()).toBe(50);
    await expect(entries.first().textContent()).resolves.toMatch(/着手/);
    expect(await button(page, '古い記録').isDisabled()).toBe(true);

    await button(page, '新しい記録').click();
    await history.getByText('古い順に51件目を表示しています（全51件）。').waitFor();
    expect(await entries.count()).toBe(1);
    await expect(entries.first().textContent()).resolves.toMatch(/下書き保存（経過報告）/);
    expect(await button(page, '新しい記録').isDisabled()).toBe(true);
    await screenshot(page, 'cluster-history-paged');
  }, 120_000);

  it('has no WCAG 2.0/2.1 A or AA violations for staff, manager, director and the reform office, dialogs included', async () => {
    const staff = await browserOf(STAFF);
    await openCluster(staff, reviewed);
    const diff = panel(staff).getByRole('region', { name: '第1版から第2版への変更' });
    await diff.locator('ins').first().waitFor();
    await expect(diff.locator('ins').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('他都市と')]));
    await panel(staff).getByRole('button', { name: '第1版を読む' }).click();
    await panel(staff).getByRole('article', { name: '第1版の本文' }).waitFor();
    await expectNoAxeViolations(staff);
    await screenshot(staff, 'cluster-diff');

    const manager = await browserOf(MANAGER);
    await openCluster(manager, reviewed);
    await panel(manager).getByRole('heading', { name: '決裁の経路（第2版）' }).waitFor();
    await expectNoAxeViolations(manager);
    await screenshot(manager, 'cluster-in-approval');
    const opener = button(manager, '差戻し');
    await opener.focus();
    await manager.keyboard.press('Enter');
    await manager.getByRole('dialog').getByLabel(/差戻しの理由/).waitFor();
    await expectNoAxeViolations(manager);
    await screenshot(manager, 'cluster-return-dialog');
    await manager.keyboard.press('Escape');
    await manager.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect(manager.evaluate(`document.activeElement?.textContent`)).resolves.toBe('差戻し');

    await button(manager, '代理').click();
    await manager.getByRole('dialog').getByText(/代理で決裁できる方|代理決裁者/).first().waitFor();
    await expectNoAxeViolations(manager);
    await manager.keyboard.press('Escape');

    const director = await browserOf(DIRECTOR);
    await openCluster(director, reviewed);
    await panel(director).getByRole('heading', { name: '決裁の経路（第2版）' }).waitFor();
    await expectNoAxeViolations(director);

    const office = await browserOf(OFFICE);
    await openCluster(office, reviewed);
    await expectNoAxeViolations(office);
    await screenshot(office, 'cluster-reform-office');
    await button(office, '取下げ').click();
    await office.getByRole('dialog').getByLabel(/取下げの理由/).waitFor();
    await expectNoAxeViolations(office);
    await screenshot(office, 'cluster-withdraw-dialog');
  }, 180_000);
});

