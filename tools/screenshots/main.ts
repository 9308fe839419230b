/**
 * `npm run screenshots`: the pictures in the README, taken on demo data as a city employee sees
 * them. It starts a fresh embedded PostgreSQL and Temporal dev server, the API and the worker, makes
 * this fiscal year from FY2024 with a few analyses, the bureaus' X policies and the Platinum project
 * under way, and photographs ホーム, the 進捗ボード, a cluster page, the X policies (the year's list, a
 * bureau's page, a returned plan being edited, the public page) and the Platinum project (its board,
 * a proposal at the owning bureau's director, a closed one, 起案) in Chromium into docs/screenshots/.
 * Everything it starts is stopped.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { prepareSystem } from '../../apps/setup/src/prepare-system';
import { ApiClient } from '../http/api-client';
import { startSystemProcesses } from '../../bench/system-processes';
import { startBenchServers } from '../../bench/servers';
import { Shutdown } from '../../bench/shutdown';
import { launchChromium } from '../browser/chromium';
import { DEMO_PASSWORD } from '@app/persistence';
import { tokyoDate } from '@app/domain';
import { SCREENSHOT_PROPOSALS } from '../demo/demo-platinum';
import { demoProgrammeUnderWay } from '../demo/demo-programme';
import { SCREENSHOT_CLUSTER } from '../demo/demo-year';
import { SCREENSHOT_RETURNED_X_POLICY_BUREAU, SCREENSHOT_X_POLICY_BUREAU } from '../demo/demo-x-policies';

const distRoot = join(__dirname, '../..');
const outputDir = join(distRoot, '..', 'docs', 'screenshots');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function run(shutdown: Shutdown): Promise<void> {
  const workflowBundlePath = join(distRoot, 'workflow-bundle.js');
  if (!existsSync(workflowBundlePath)) throw new Error(`${workflowBundlePath} is missing: run npm run build`);
  const servers = await startBenchServers(distRoot, shutdown, say);
  await prepareSystem({ databaseUrl: servers.databaseUrl, temporal: servers.temporal, taskQueue: 'reform-screenshots' }, say, { demoData: true });
  const { baseUrl } = await startSystemProcesses(
    {
      databaseUrl: servers.databaseUrl,
      temporalAddress: servers.temporal.address,
      namespace: servers.temporal.namespace,
      payloadKeys: servers.payloadKeys,
      taskQueue: 'reform-screenshots',
      workflowBundlePath,
    },
    distRoot,
    servers.runDir,
    shutdown,
    say,
  );
  const api = new ApiClient(baseUrl);
  shutdown.add('the HTTP calls', async () => api.abort());
  const fiscalYear = await demoProgrammeUnderWay(api, new Date(), say);

  const browser = await launchChromium();
  shutdown.add('Chromium', () => browser.close());
  const origin = new URL(baseUrl).origin;
  mkdirSync(outputDir, { recursive: true });

  const shoot = async (username: string | null, path: string, name: string, ready: (page: Page) => Promise<unknown>, fullPage = false) => {
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}${username ? '/login' : path}`);
    if (username) {
      await page.getByLabel('ユーザー名').fill(username);
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByRole('button', { name: 'ログアウト' }).waitFor();
      await page.goto(`${origin}${path}`);
    }
    await ready(page);
    await page.evaluate('document.fonts.ready');
    await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage });
    say(`Took ${name}.png (${path}${username ? ` as ${username}` : ''})`);
    await context.close();
  };

  await shoot('kodomo.director', '/', 'home', (page) => page.getByRole('list', { name: /自分の仕事の一覧/ }).waitFor(), true);
  await shoot('reform.office1', `/fiscal-years/${fiscalYear}`, 'board', (page) => page.getByRole('link', { name: /No\.57/ }).first().waitFor());
  await shoot('kodomo.director', `/fiscal-years/${fiscalYear}/clusters/${SCREENSHOT_CLUSTER}`, 'cluster', (page) =>
    page.getByRole('button', { name: '承認' }).first().waitFor(),
  );
  await shoot('reform.office1', `/fiscal-years/${fiscalYear}/x-policies`, 'x-policies', (page) => page.getByRole('table', { name: '局区X方針の一覧' }).waitFor(), true);
  await shoot('kodomo.director', `/fiscal-years/${fiscalYear}/x-policies/${SCREENSHOT_X_POLICY_BUREAU}`, 'x-policy', (page) => page.getByRole('button', { name: '承認' }).first().waitFor(), true);
  await shoot(`${SCREENSHOT_RETURNED_X_POLICY_BUREAU}.staff`, `/fiscal-years/${fiscalYear}/x-policies/${SCREENSHOT_RETURNED_X_POLICY_BUREAU}`, 'x-policy-editing', (page) =>
    page.getByRole('button', { name: '課題と対応策を保存' }).waitFor(),
  true);
  await shoot(null, `/public/fiscal-years/${fiscalYear}/x-policies`, 'public-x-policies', (page) => page.getByTestId('published-x-policy').first().waitFor(), true);
  await shoot('reform.office1', `/fiscal-years/${fiscalYear}/platinum`, 'platinum', (page) => page.getByRole('table', { name: '提案の一覧' }).waitFor(), true);
  await shoot('somu.director', `/fiscal-years/${fiscalYear}/platinum/proposals/${SCREENSHOT_PROPOSALS.inDecision}`, 'proposal', (page) =>
    page.getByRole('button', { name: '承認' }).first().waitFor(), true,
  );
  await shoot('kankyo.staff', `/fiscal-years/${fiscalYear}/platinum/proposals/${SCREENSHOT_PROPOSALS.closed}`, 'proposal-closed', (page) =>
    page.getByRole('list', { name: '関係局ごとの対応方針' }).waitFor(), true,
  );
  await shoot('kodomo.staff', `/fiscal-years/${fiscalYear}/platinum/proposals/new`, 'proposal-new', (page) => page.getByLabel(/件名/).waitFor());
  say(`Screenshots of ${tokyoDate(new Date())} in ${outputDir}`);
}

async function main(): Promise<number> {
  const shutdown = new Shutdown(say);
  shutdown.handleSignalsAndCrashes();
  let exitCode = 0;
  try {
    await run(shutdown);
  } catch (error) {
    say(`Screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitCode = 1;
  }
  await shutdown.run();
  return exitCode;
}

void main().then((code) => process.exit(code));
