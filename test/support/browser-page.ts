import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './web-app-fixture';

/** JIS X 8341-3:2016 AA follows WCAG 2.0 AA; 2.1's A and AA rules are checked as well. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A browser as a city employee in Japan has it: Japanese locale, Tokyo time, a laptop's screen. */
export async function newJapanesePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Logs in through the login form the page shows. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('ユーザー名').fill(username);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** A browser of this person's own, logged in through the login page and arrived at ホーム. */
export async function loggedInPage(browser: Browser, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newJapanesePage(browser);
  await opened.page.goto(`${baseUrl}/login`);
  await logIn(opened.page, username, password);
  await opened.page.getByRole('heading', { name: 'ホーム' }).waitFor();
  return opened;
}

/** Opens `path`, logging in on the way when the app asks for it, and waits for the page to be there. */
export async function openAs(page: Page, baseUrl: string, path: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  const loginForm = page.getByLabel('ユーザー名');
  const loggedIn = page.getByRole('button', { name: 'ログアウト' });
  await loginForm.or(loggedIn).first().waitFor();
  if (await loginForm.isVisible()) {
    await logIn(page, username);
    await loggedIn.waitFor();
  }
}

export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate('document.fonts.ready');
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Set WEB_SCREENSHOTS_DIR to keep PNGs of the pages as the tests see them, on demo data. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.WEB_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // A whole page from top to bottom; a part of one (a row, a panel) as it stands.
  await ('goto' in target ? target.screenshot({ path, fullPage: true }) : target.screenshot({ path }));
}
