import { CatalogueRepository } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { Client } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { axeViolations, screenshot as screenshotOf } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';
import { eventually } from '../support/worker-harness';
import { connectTestClient } from '../support/test-temporal';

const FY = TEST_FISCAL_YEARS.board;

/**
 * The 進捗ボード of a copy of FY2024: two 子ども家庭局 clusters and one 環境局 cluster analysed this
 * year, the first kicked off with its 経過報告 submitted; the kickoff meeting moved into the past, so
 * the two still waiting for their kickoff are 期限超過.
 */
describe('the progress board in a real browser', () => {
  let fx: WebAppFixture;
  let context: BrowserContext;
  let page: Page;
  let temporal: Client;
  let kickedOff: number;
  let analysed: number[];
  let kodomoCount: number;

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    const pick = async (bureau: string, count: number) =>
      (await fx.pg.query<{ no: number }>(`SELECT no FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code = $2 ORDER BY no LIMIT $3`, [FY, bureau, count])).rows.map((row) => row.no);
    analysed = [...(await pick('kodomo', 2)), ...(await pick('kankyo', 1))];
    kickedOff = analysed[0];
    kodomoCount = Number((await fx.pg.query(`SELECT count(*) FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code = 'kodomo'`, [FY])).rows[0].count);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1 AND no = ANY($2)`, [FY, analysed]);

    const http = () => request(fx.app.getHttpServer());
    const office = await login(fx.app, 'reform.office1', DEMO_PASSWORD);
    await http().post(`/api/v1/fiscal-years/${FY}/clusters/${kickedOff}/kickoff`).auth(office, { type: 'bearer' }).send({ meetingDate: `${FY}-06-04`, attendees: ['子ども家庭局 総務課長'] }).expect(201);
    const staff = await login(fx.app, 'kodomo.staff', DEMO_PASSWORD);
    const report = `/api/v1/fiscal-years/${FY}/clusters/${kickedOff}/reports/interim`;
    await eventually(() => http().put(report).auth(staff, { type: 'bearer' }).send({ title: '経過報告', body: '現状と課題の整理' }).expect(200));
    await http().post(`${report}/submit`).auth(staff, { type: 'bearer' }).expect(200);
    const kickoffDay = '2026-04-10';
    await fx.pg.query(`UPDATE meetings SET date = $3, earliest_day = $4 WHERE fiscal_year = $1 AND id = $2`, [FY, 'kickoff', JSON.stringify({ kind: 'exact', date: kickoffDay }), kickoffDay]);
    await eventually(async () => {
      const rows = (await http().get(`/api/v1/fiscal-years/${FY}/clusters`).query({ analysed: true }).auth(office, { type: 'bearer' }).expect(200)).body;
      expect(rows.items.find((item: { no: number }) => item.no === kickedOff)?.reports[0]?.state).toBe('決裁中');
    });
  }, 180_000);

  beforeEach(async () => {
    context = await fx.browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await temporal?.workflow.getHandle(clusterWorkflowId(FY, kickedOff)).terminate('test finished').catch(() => undefined);
    await temporal?.connection.close();
    await fx?.close();
  });

  const url = (path: string) => `${fx.baseUrl}${path}`;
  const rows = () => page.getByTestId('board-row');
  const row = (no: number) => page.locator(`[data-testid="board-row"][data-cluster-no="${no}"]`);

  async function openBoard(username: string, path = `/fiscal-years/${FY}`, heading: RegExp = /^進捗ボード/) {
    await page.goto(url(`/login?next=${encodeURIComponent(path)}`));
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
  }

  async function expectRowCount(count: number) {
    await page.getByTestId('board-count').filter({ hasText: new RegExp(`^${count}件中`) }).waitFor();
    await page.locator('[aria-busy="false"]').waitFor();
    await expect(rows().count()).resolves.toBe(count);
  }

  const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([]);

  /** The whole page, and what the first screen shows. */
  const screenshot = (name: string) => screenshotOf(page, name);

  it('shows all 57 clusters on one page, grouped as the seed groups them, with the totals per group × stage', async () => {
    await openBoard('reform.office1');
    await expectRowCount(57);
    const groups = page.getByTestId('board-group');
    await expect(groups.count()).resolves.toBe(5);
    await expect(groups.first().getByRole('columnheader').first().textContent()).resolves.toMatch(/^施策・事業グループ（.+）\d+件$/);
    await expect(page.getByTestId('total-clusters').textContent()).resolves.toBe('57');
    const totals = page.getByRole('region', { name: /グループ別・段階別の件数の表/ });
    await expect(totals.getByRole('row', { name: /^全体/ }).getByRole('cell').allTextContents()).resolves.toEqual(['56', '0', '1', '0', '0', '0', '0', '57']);
    // Analysed clusters carry the words, not only the seed's red.
    await expect(row(analysed[2]).textContent()).resolves.toContain('今年度分析対象');
    await expect(row(analysed[2]).textContent()).resolves.toMatch(/経営分析の着手：令和\d+年\d+月\d+日（\d{4}-\d{2}-\d{2}）/);
    await expect(row(analysed[2]).textContent()).resolves.toContain('期限超過');
    await expectNoAxeViolations();
    await screenshot('board-reform-office');
  });

  it("shows a kicked-off cluster's report in 決裁中 at its step, and links the row to the cluster's page", async () => {
    await openBoard('reform.office1');
    await expectRowCount(57);
    const reports = row(kickedOff).getByRole('list', { name: `No.${kickedOff}の報告書` });
    await expect(reports.getByRole('listitem').first().textContent()).resolves.toMatch(/^経過報告：決裁中（.+）$/);
    await screenshotOf(row(kickedOff), 'board-row-in-approval');
    await row(kickedOff).getByRole('link', { name: `No.${kickedOff}`, exact: false }).first().click();
    await page.waitForURL(new RegExp(`/fiscal-years/${FY}/clusters/${kickedOff}$`));
  });

  it('narrows the rows by bureau, 期限超過 and 今年度分析対象 from the keyboard, and keeps the filters across a reload', async () => {
    await openBoard('kodomo.staff');
    await expectRowCount(57);
    await page.getByLabel('所管局').selectOption({ label: '子ども家庭局' });
    await expectRowCount(kodomoCount);
    expect(new URL(page.url()).searchParams.get('bureau')).toBe('kodomo');
    // The staff member's own bureau is one link away too.
    await page.getByLabel('所管局').selectOption('');
    await expectRowCount(57);
    await page.getByRole('link', { name: '自局（子ども家庭局）の事業群だけを表示' }).click();
    await expectRowCount(kodomoCount);
    await expect(page.getByLabel('所管局').inputValue()).resolves.toBe('kodomo');

    // Keyboard only: Tab from the last select to the checkboxes, Space ticks them.
    await page.getByLabel('段階', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.closest("label")?.textContent')).toBe('期限超過のみ');
    await page.keyboard.press('Space');
    await expectRowCount(1);
    await expect(rows().first().getAttribute('data-cluster-no')).resolves.toBe(String(analysed[1]));

    await page.reload();
    await page.getByRole('heading', { name: /^進捗ボード/ }).waitFor();
    await expectRowCount(1);
    await expect(page.getByLabel('期限超過のみ').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('所管局').inputValue()).resolves.toBe('kodomo');

    // Each change waits for the rows of the one before, so each count below is that change's alone.
    await page.getByLabel('期限超過のみ').click();
    await expectRowCount(kodomoCount);
    await page.getByLabel('所管局').selectOption('');
    await expectRowCount(57);
    await page.getByLabel('今年度分析対象のみ').focus();
    await page.keyboard.press('Space');
    await expectRowCount(3);
    await page.getByLabel('期限超過のみ').click();
    await expectRowCount(2);
    expect(new URL(page.url()).search).toBe('?analysed=true&overdue=true');
    await screenshot('board-staff-filtered');
  });

  it('keeps both of two filter changes made before the board redraws after the first', async () => {
    await openBoard('reform.office1');
    await expectRowCount(57);
    // A quick hand can tick a second box before React has drawn the first tick: both changes happen in one task here.
    await page.evaluate(`{
      const box = (name) => [...document.querySelectorAll('label')].find((label) => label.textContent.trim() === name).querySelector('input');
      box('今年度分析対象のみ').click();
      box('期限超過のみ').click();
    }`);
    await expectRowCount(2);
    expect(new URL(page.url()).search).toBe('?analysed=true&overdue=true');
  });

  it('shows the next meeting with what is due for it', async () => {
    await openBoard('kodomo.manager');
    const panel = page.getByRole('region', { name: '次のX会議に向けて' });
    await panel.getByText(/^未了 \d+件のうち、危険/).waitFor();
    await expect(panel.textContent()).resolves.toContain(`No.${kickedOff}`);
    // The two analysed clusters still waiting for their overdue kickoff put their 経過報告 at risk.
    const atRisk = panel.getByRole('list', { name: /に向けて危険なもの$/ });
    await expect(atRisk.getByRole('listitem').count()).resolves.toBe(2);
    await expect(atRisk.textContent()).resolves.toContain('着手が期限超過');
    await panel.getByText(/^(そのほか)?未了のもの（/).click();
    await panel.getByRole('list', { name: /に向けて未了のもの$/ }).getByRole('link', { name: new RegExp(`^No.${kickedOff} `) }).waitFor();
    await screenshotOf(panel, 'board-next-meeting');
  });

  it('pages a long list of what is due for the next meeting, twenty at a time', async () => {
    // Every cluster of a copied year analysed, none kicked off, the kickoff meeting past: each interim report the first meeting expects is at risk.
    const PAGED = TEST_FISCAL_YEARS.boardPaging;
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, PAGED);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1`, [PAGED]);
    await fx.pg.query(`UPDATE meetings SET date = $3, earliest_day = $4 WHERE fiscal_year = $1 AND id = $2`, [PAGED, 'kickoff', JSON.stringify({ kind: 'exact', date: '2026-04-10' }), '2026-04-10']);
    await openBoard('reform.office1', `/fiscal-years/${PAGED}`);
    const panel = page.getByRole('region', { name: '次のX会議に向けて' });
    const summary = panel.getByText(/^未了 \d+件のうち、危険 \d+件/);
    await summary.waitFor();
    const [, due, atRiskCount] = /^未了 (\d+)件のうち、危険 (\d+)件/.exec((await summary.textContent()) ?? '') ?? [];
    expect(Number(atRiskCount)).toBe(Number(due));
    const total = Number(due);
    expect(total).toBeGreaterThan(40);
    const atRisk = panel.getByRole('list', { name: /に向けて危険なもの$/ });
    const pager = panel.getByRole('navigation', { name: /に向けて危険なもののページ$/ });
    const shownNos = async () => (await atRisk.getByRole('link').allTextContents()).map((text) => Number(/^No\.(\d+)/.exec(text)?.[1]));

    await expect(atRisk.getByRole('listitem').count()).resolves.toBe(20);
    const first = await shownNos();
    await pager.getByRole('button', { name: '次のページ' }).click();
    await pager.getByText('2 / 3 ページ').waitFor();
    const second = await shownNos();
    expect(second).toHaveLength(20);
    expect(second.filter((no) => first.includes(no))).toEqual([]);
    await pager.getByRole('button', { name: '次のページ' }).click();
    await pager.getByText('3 / 3 ページ').waitFor();
    const third = await shownNos();
    // Every one of them, each once, and nothing past the last page.
    expect(third).toHaveLength(total - 40);
    expect(new Set([...first, ...second, ...third]).size).toBe(total);
    await expect(pager.getByRole('button', { name: '次のページ' }).isDisabled()).resolves.toBe(true);
    await screenshotOf(panel, 'board-next-meeting-paged');
  });

  it.each(['reform.office2', 'kodomo.staff', 'kodomo.manager', 'kodomo.director'])('has no WCAG 2.0/2.1 A or AA violations for %s', async (username) => {
    await openBoard(username);
    await expectRowCount(57);
    await page.getByRole('region', { name: '次のX会議に向けて' }).getByText(/未了|予定されている/).first().waitFor();
    await expectNoAxeViolations();
    if (username === 'kodomo.staff') await screenshot('board-staff');
  });

  it('is reached from the header and from ホーム, and shows the seed year FY2024 too', async () => {
    await openBoard('reform.office1', '/', /^ホーム$/);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '進捗ボード' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: /の進捗ボード/ }).click();
    await page.getByRole('heading', { name: /^進捗ボード/ }).waitFor();
    await page.goto(url('/fiscal-years/2024'));
    await expectRowCount(57);
    await expectNoAxeViolations();
    await screenshot('board-fy2024');
  });
});
