import { TEST_ADMIN_PASSWORD } from '../support/api-harness';
import { axeViolations, logIn, newJapanesePage, screenshot } from '../support/browser-page';
import { startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';

/**
 * ホーム and the 404 page for every role but staff (whose ホーム the other browser tests check):
 * each sees its own header menu, and axe finds nothing on either page.
 */
describe('ホーム for every role', () => {
  let fx: WebAppFixture;

  beforeAll(async () => {
    fx = await startWebAppFixture();
  }, 120_000);
  afterAll(() => fx?.close());

  it.each([
    ['kodomo.manager', undefined, ['ホーム', '進捗ボード', '会議', 'X方針', 'プラチナ市役所']],
    ['kodomo.director', undefined, ['ホーム', '進捗ボード', '会議', 'X方針', 'プラチナ市役所']],
    ['reform.office1', undefined, ['ホーム', '進捗ボード', '会議', 'X方針', 'プラチナ市役所', '設定']],
    ['admin', TEST_ADMIN_PASSWORD, ['ホーム', '進捗ボード', '会議', 'X方針', 'プラチナ市役所', '管理']],
  ])('has no WCAG 2.0/2.1 A or AA violations for %s, with the menu the role may use', async (username, password, menu) => {
    const { context, page } = await newJapanesePage(fx.browser);
    try {
      await page.goto(`${fx.baseUrl}/login`);
      await logIn(page, username, password);
      await page.getByRole('heading', { name: 'ホーム' }).waitFor();
      const links = page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link');
      await links.filter({ hasText: '進捗ボード' }).waitFor();
      expect(await links.allTextContents()).toEqual(menu);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `home-${username}`);

      await page.goto(`${fx.baseUrl}/no/such/page`);
      await page.getByRole('heading', { name: /ページが見つかりません/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
