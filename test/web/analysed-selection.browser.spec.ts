import { CatalogueRepository } from '@app/persistence';
import { BrowserContext, Page } from 'playwright-core';
import { axeViolations, newJapanesePage, openAs, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';

const FY = TEST_FISCAL_YEARS.analysedSelectionPage;

/** 分析対象の一括設定 on the 進捗ボード, on a copy of FY2024, where no cluster is flagged yet. */
describe('choosing the year’s analyses on the progress board in a real browser', () => {
  let fx: WebAppFixture;
  let context: BrowserContext;
  let page: Page;
  let kodomo: { no: number; name: string }[];
  let kankyo: { no: number; name: string }[];

  const clustersOf = async (bureau: string) =>
    (await fx.pg.query<{ no: number; name: string }>(`SELECT no, name FROM clusters WHERE fiscal_year = $1 AND owning_bureau_code = $2 ORDER BY no`, [FY, bureau])).rows;
  const flaggedNos = async () =>
    (await fx.pg.query<{ no: number }>(`SELECT no FROM clusters WHERE fiscal_year = $1 AND analysed_this_year ORDER BY no`, [FY])).rows.map((row) => row.no);

  beforeAll(async () => {
    fx = await startWebAppFixture();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
    [kodomo, kankyo] = await Promise.all([clustersOf('kodomo'), clustersOf('kankyo')]);
  }, 180_000);

  beforeEach(async () => {
    ({ context, page } = await newJapanesePage(fx.browser));
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function openBoard(username: string, query = '') {
    await openAs(page, fx.baseUrl, `/fiscal-years/${FY}${query}`, username);
    await page.getByRole('heading', { name: /^進捗ボード/ }).waitFor();
    await page.getByTestId('board-row').first().waitFor();
  }
  const bar = () => page.getByRole('region', { name: '選択した事業群の分析対象の設定' });
  const rowBox = (cluster: { no: number; name: string }) => page.getByRole('checkbox', { name: `No.${cluster.no} ${cluster.name}を選択` });

  it('is the reform office’s alone', async () => {
    await openBoard('kodomo.staff');
    await expect(page.getByRole('checkbox', { name: /を選択$/ }).count()).resolves.toBe(0);
    await expect(bar().count()).resolves.toBe(0);
  });

  it('flags the clusters ticked under several filters in one change, then takes some out again', async () => {
    await openBoard('reform.office1', '?bureau=kodomo');
    // The board as everyone sees it until the office starts choosing.
    await expect(page.getByRole('checkbox', { name: /を選択$/ }).count()).resolves.toBe(0);
    await screenshot(page, 'board-analysed-not-choosing');
    await bar().getByRole('button', { name: '分析対象を選ぶ' }).click();
    await bar().getByText('一覧のチェックボックスで事業群を選んでください', { exact: false }).waitFor();

    // Every 子ども家庭局 cluster by their headings' checkboxes, then one of them (not alone under its heading) left out again.
    const headings = page.getByRole('checkbox', { name: /件をすべて選択$/ });
    for (const heading of await headings.all()) await heading.check();
    await expect(Promise.all(kodomo.map((cluster) => rowBox(cluster).isChecked()))).resolves.toEqual(kodomo.map(() => true));
    const leftOut = kodomo[1];
    await rowBox(leftOut).uncheck();
    // Its heading's checkbox is half-ticked, the others still ticked.
    const halfTicked = page.locator('th input:indeterminate');
    await halfTicked.waitFor();
    await expect(halfTicked.count()).resolves.toBe(1);
    await bar().getByText(`選択中：${kodomo.length - 1}件`, { exact: true }).waitFor();

    // Another filter keeps what was ticked under the first.
    await page.getByLabel('所管局').selectOption('kankyo');
    await rowBox(kankyo[0]).waitFor();
    await rowBox(kankyo[0]).check();
    await bar().getByText(`選択中：${kodomo.length}件（うち${kodomo.length - 1}件はこのページ以外）`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'board-analysed-selection');

    await bar().getByRole('button', { name: '分析対象にする' }).click();
    await bar().getByRole('status').getByText(`${kodomo.length}件を今年度の経営分析の対象にしました。`, { exact: true }).waitFor();
    // The buttons went with the selection; the focus is on the bar that says what happened.
    await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toBe('選択した事業群の分析対象の設定');
    const chosen = [...kodomo.filter((cluster) => cluster !== leftOut), kankyo[0]].map((cluster) => cluster.no).sort((a, b) => a - b);
    await expect(flaggedNos()).resolves.toEqual(chosen);
    // Done: nothing is ticked any more (still choosing), the rows say so, and 一括着手 offers them.
    await bar().getByText('一覧のチェックボックスで事業群を選んでください', { exact: false }).waitFor();
    await expect(rowBox(kankyo[0]).isChecked()).resolves.toBe(false);
    await page.getByTestId('board-row').filter({ hasText: kankyo[0].name }).getByText('今年度分析対象').waitFor();
    await page.getByRole('region', { name: '一括着手' }).getByText(`経営分析の対象で未着手の事業群：${chosen.length}件`).waitFor();

    // Out again: two of the flagged and the one left out.
    await rowBox(kankyo[0]).check();
    await page.getByLabel('所管局').selectOption('kodomo');
    await rowBox(kodomo[0]).check();
    await rowBox(leftOut).check();
    await bar().getByRole('button', { name: '分析対象から外す' }).click();
    await bar().getByRole('status').getByText('2件を今年度の経営分析の対象から外しました。1件は既に対象外でした。', { exact: true }).waitFor();
    await expect(flaggedNos()).resolves.toEqual(kodomo.slice(2).map((cluster) => cluster.no));
    await expect(axeViolations(page)).resolves.toEqual([]);

    // The cluster's 履歴 keeps both changes and who made them.
    await page.getByRole('link', { name: kodomo[0].name, exact: true }).click();
    const history = page.getByRole('list', { name: '履歴（古い順）' });
    await history.getByRole('listitem').nth(1).waitFor();
    await expect(history.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringContaining('今年度の分析対象に設定'),
      expect.stringContaining('今年度の分析対象から除外'),
    ]);
    await expect(history.getByRole('listitem').first().textContent()).resolves.toContain('坂本 千尋');
    await screenshot(page, 'cluster-history-analysed');
  });

  it('clears a selection, and stops choosing, without changing anything', async () => {
    await openBoard('reform.office1', '?bureau=kankyo');
    const before = await flaggedNos();
    await bar().getByRole('button', { name: '分析対象を選ぶ' }).click();
    await rowBox(kankyo[2]).check();
    await bar().getByRole('button', { name: '選択を解除' }).click();
    await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toBe('選択した事業群の分析対象の設定');
    await expect(rowBox(kankyo[2]).isChecked()).resolves.toBe(false);
    await rowBox(kankyo[1]).check();
    await bar().getByRole('button', { name: '選択を終える' }).click();
    await expect(page.getByRole('checkbox', { name: /を選択$/ }).count()).resolves.toBe(0);
    await bar().getByRole('button', { name: '分析対象を選ぶ' }).click();
    await expect(rowBox(kankyo[1]).isChecked()).resolves.toBe(false);
    await expect(flaggedNos()).resolves.toEqual(before);
  });
});
