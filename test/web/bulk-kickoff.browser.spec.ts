import { CatalogueRepository } from '@app/persistence';
import { calendarWorkflowId, clusterWorkflowId } from '@app/temporal';
import { Client } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { axeViolations, newJapanesePage, openAs, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { connectTestClient } from '../support/test-temporal';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';

const FY = TEST_FISCAL_YEARS.bulkKickoffPage;

/**
 * 一括着手 from the 進捗ボード, on a copy of FY2024: every 子ども家庭局 and 環境局 cluster flagged for the
 * year, one of them already kicked off and one with its owning bureau taken away.
 */
describe('the bulk kickoff on the progress board in a real browser', () => {
  let fx: WebAppFixture;
  let context: BrowserContext;
  let page: Page;
  let temporal: Client;
  let flagged: { no: number; name: string }[];
  let running: number;
  let unowned: { no: number; name: string };

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    flagged = (
      await fx.pg.query<{ no: number; name: string }>(`SELECT no, name FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code IN ('kodomo', 'kankyo') ORDER BY no`, [FY])
    ).rows;
    [running] = flagged.map((cluster) => cluster.no);
    unowned = flagged[flagged.length - 1];
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1 AND no = ANY($2)`, [FY, flagged.map((cluster) => cluster.no)]);
    await fx.pg.query(`UPDATE clusters SET owning_bureau_code = NULL WHERE fiscal_year = $1 AND no = $2`, [FY, unowned.no]);
    const office = await login(fx.app, 'reform.office1', DEMO_PASSWORD);
    await request(fx.app.getHttpServer())
      .post(`/api/v1/fiscal-years/${FY}/clusters/${running}/kickoff`)
      .auth(office, { type: 'bearer' })
      .send({ meetingDate: `${FY}-06-04`, attendees: [] })
      .expect(201);
  }, 180_000);

  beforeEach(async () => {
    ({ context, page } = await newJapanesePage(fx.browser));
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await Promise.all(flagged.map(({ no }) => temporal?.workflow.getHandle(clusterWorkflowId(FY, no)).terminate('test finished').catch(() => undefined)));
    await temporal?.workflow.getHandle(calendarWorkflowId(FY)).terminate('test finished').catch(() => undefined);
    await temporal?.connection.close();
    await fx?.close();
  });

  async function openBoard(username: string) {
    await openAs(page, fx.baseUrl, `/fiscal-years/${FY}`, username);
    await page.getByRole('heading', { name: /^進捗ボード/ }).waitFor();
  }

  it('is the reform office’s alone', async () => {
    await openBoard('kodomo.staff');
    await page.getByRole('heading', { name: 'グループ別・段階別の件数（年度全体）' }).waitFor();
    await expect(page.getByRole('heading', { name: '一括着手' }).count()).resolves.toBe(0);
  });

  it('kicks off every flagged cluster with one meeting record, shows its progress, and says what became of each', async () => {
    await openBoard('reform.office1');
    const section = page.getByRole('region', { name: '一括着手' });
    const waiting = flagged.length - 1;
    await section.getByText(`経営分析の対象で未着手の事業群：${waiting}件`).waitFor();

    await section.getByRole('button', { name: '一括着手' }).click();
    const dialog = page.getByRole('dialog', { name: /の対象事業群に一括着手$/ });
    await dialog.getByText(`経営分析の対象で未着手の${waiting}件に、同じ着手会議の記録で着手します。`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: '一括着手' }).click();
    await dialog.getByText('着手会議の日付を入力してください。').waitFor();
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('kickoff-date');
    await dialog.getByLabel('着手会議の日付').fill(`${FY}-06-04`);
    await dialog.getByLabel('出席者（1行に1人）').fill('子ども家庭局 総務課長\n市政変革推進室 担当係長');
    await dialog.getByRole('button', { name: '一括着手' }).click();

    // The run's progress takes the dialog's place and the focus, then its outcome does.
    await section.getByRole('progressbar', { name: '一括着手の進み具合' }).waitFor();
    await screenshot(section, 'board-bulk-kickoff-running');
    const outcome = section.getByText(/^一括着手が終わりました/);
    await outcome.waitFor({ timeout: 60_000 });
    await expect(outcome.textContent()).resolves.toBe(`一括着手が終わりました：着手 ${waiting - 1}件、既に着手済み 1件、着手しなかった事業群 1件（対象 ${flagged.length}件）。`);
    await expect(section.getByRole('list', { name: '着手しなかった事業群と理由' }).getByRole('listitem').allTextContents()).resolves.toEqual([
      `No.${unowned.no} ${unowned.name}：所管局が設定されていません`,
    ]);
    await expect(page.evaluate('document.activeElement.getAttribute("role")')).resolves.toBe('status');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    // Only the cluster without an owning bureau is left, and the board shows the others kicked off.
    await section.getByText('経営分析の対象で未着手の事業群：1件（下の理由で着手しなかった事業群です。所管局を設定してから、もう一度一括着手してください）').waitFor();
    const started = await fx.pg.query(`SELECT count(*)::int AS count FROM clusters WHERE fiscal_year = $1 AND analysed_this_year AND stage <> 'NOT_STARTED'`, [FY]);
    expect(started.rows[0].count).toBe(flagged.length - 1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(section, 'board-bulk-kickoff-done');

    // Given its owning bureau, the last one is started by the next run; then there is nothing left to offer.
    const office = await login(fx.app, 'reform.office1', DEMO_PASSWORD);
    await request(fx.app.getHttpServer()).patch(`/api/v1/fiscal-years/${FY}/clusters/${unowned.no}`).auth(office, { type: 'bearer' }).send({ owningBureauCode: 'kankyo' }).expect(200);
    await page.reload();
    await section.getByText('経営分析の対象で未着手の事業群：1件').waitFor();
    await section.getByRole('button', { name: '一括着手' }).click();
    await dialog.getByLabel('着手会議の日付').fill(`${FY}-06-04`);
    await dialog.getByRole('button', { name: '一括着手' }).click();
    await section.getByText(`一括着手が終わりました：着手 1件、既に着手済み ${flagged.length - 1}件、着手しなかった事業群 0件（対象 ${flagged.length}件）。`).waitFor({ timeout: 60_000 });
    await section.getByText('経営分析の対象で未着手の事業群は、もうありません。').waitFor();
    const counted = page.waitForResponse((response) => response.url().includes('stage=NOT_STARTED'));
    await page.reload();
    await counted;
    await page.getByRole('heading', { name: 'グループ別・段階別の件数（年度全体）' }).waitFor();
    // Two frames for React to draw what the count said.
    await page.evaluate('new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))');
    await expect(page.getByRole('heading', { name: '一括着手' }).count()).resolves.toBe(0);
  }, 120_000);
});
