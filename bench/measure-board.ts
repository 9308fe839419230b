import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tools/browser/chromium';
import { BenchContext, FISCAL_YEAR } from './context';
import { OFFICE } from './organisation';
import type { Row } from './report';
import { summarise } from './statistics';

/**
 * A fiscal year of the bench's own, filled to the size the board must still handle. A past year, so
 * that its analysed clusters are 期限超過 and the overdue filter has the whole year to judge.
 */
export const LARGE_FISCAL_YEAR = 2019;
/** The same size in a year still ahead, where the next-meeting panel has a meeting to judge all 10,000 against. */
const LARGE_FUTURE_YEAR = 2090;
export const LARGE_CLUSTER_COUNT = 10_000;
const SAMPLES = 5;
export const BOARD_GOALS = { realSizeMs: 1500, largeMs: 3000, initialJsKiB: 300 };

/**
 * 4. The 進捗ボード in Chromium: from navigation until the first page of rows is on screen and the page
 * answers input, for FY2024 (57 clusters) and for a generated year of 10,000; and the gzip size of
 * the JavaScript the first screen loads. Each navigation is a fresh page in one logged-in context, so
 * assets are cached as they are for someone who uses the app daily, and the data is fetched anew.
 */
export async function measureBoard(context: BenchContext, appOrigin: string, webAppDir: string): Promise<Row[]> {
  for (const fiscalYear of [LARGE_FISCAL_YEAR, LARGE_FUTURE_YEAR]) {
    context.progress(`[board] Generating FY${fiscalYear} with ${LARGE_CLUSTER_COUNT} clusters…`);
    await generateLargeYear(context, fiscalYear);
  }
  const browser = await launchChromium();
  try {
    const page = await loggedInPage(browser, appOrigin, context);
    const cases = [
      { label: `FY${FISCAL_YEAR} board, 57 clusters on one page (goal < ${BOARD_GOALS.realSizeMs / 1000} s)`, path: `/fiscal-years/${FISCAL_YEAR}` },
      { label: `FY${LARGE_FISCAL_YEAR} board, ${LARGE_CLUSTER_COUNT} clusters, first page of 100 (goal < ${BOARD_GOALS.largeMs / 1000} s)`, path: `/fiscal-years/${LARGE_FISCAL_YEAR}` },
      { label: `FY${LARGE_FISCAL_YEAR} board filtered by 期限超過 over all ${LARGE_CLUSTER_COUNT} (goal < ${BOARD_GOALS.largeMs / 1000} s)`, path: `/fiscal-years/${LARGE_FISCAL_YEAR}?overdue=true` },
    ];
    const rows: Row[] = [{ kind: 'section', title: '4. 進捗ボード in Chromium: navigation until the rows are visible and the page answers input' }];
    for (const { label, path } of cases) {
      context.progress(`[board] ${label}: 1 warm-up and ${SAMPLES} navigations…`);
      const samples: number[] = [];
      for (let round = 0; round <= SAMPLES; round += 1) {
        const ms = await timeToUsableBoard(page, `${appOrigin}${path}`);
        if (round > 0) samples.push(ms);
      }
      rows.push({ kind: 'summary', label, summary: summarise(samples) });
    }
    rows.push(...(await apiLatencies(context)));
    const js = initialJavaScript(webAppDir);
    rows.push({ kind: 'section', title: `Initial JS of the built app: ${js.files} file(s), ${(js.gzipBytes / 1024).toFixed(1)} kB gzip (${(js.rawBytes / 1024).toFixed(1)} kB raw); goal ≤ ${BOARD_GOALS.initialJsKiB} kB gzip` });
    return rows;
  } finally {
    await browser.close();
  }
}

/** What the board's page asks of the API, each timed alone, to tell server time from rendering. */
async function apiLatencies(context: BenchContext): Promise<Row[]> {
  const { token } = context.user(OFFICE);
  const calls = [
    `/fiscal-years/${FISCAL_YEAR}/clusters?pageSize=100`,
    `/fiscal-years/${LARGE_FISCAL_YEAR}/clusters?pageSize=100`,
    `/fiscal-years/${LARGE_FISCAL_YEAR}/clusters?pageSize=100&overdue=true`,
    `/fiscal-years/${LARGE_FISCAL_YEAR}/progress`,
    `/fiscal-years/${LARGE_FUTURE_YEAR}/next-meeting`,
  ];
  const rows: Row[] = [{ kind: 'section', title: '   the API calls behind the board (sequential)' }];
  for (const path of calls) {
    const samples: number[] = [];
    for (let round = 0; round <= SAMPLES; round += 1) {
      const response = await context.api.call('GET', path, { token, expect: 200 });
      if (round > 0) samples.push(response.ms);
    }
    rows.push({ kind: 'summary', label: `GET …${path.replace(/^\/fiscal-years/, '')}`, summary: summarise(samples) });
  }
  return rows;
}

async function loggedInPage(browser: Browser, appOrigin: string, context: BenchContext): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${appOrigin}/login`);
  await page.getByLabel('ユーザー名').fill(OFFICE);
  await page.getByLabel('パスワード').fill(context.user(OFFICE).password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('heading', { name: 'ホーム' }).waitFor();
  return page;
}

/** Usable: the rows are visible, the first row's link can be focused, and a task queued after that runs (the main thread is free). */
async function timeToUsableBoard(page: Page, address: string): Promise<number> {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(address, { waitUntil: 'commit' });
  const firstRow = page.getByTestId('board-row').first();
  await firstRow.waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('[aria-busy="false"]').waitFor({ timeout: 60_000 });
  await firstRow.getByRole('link').first().focus();
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
  return performance.now() - started;
}

/** The rows of the catalogue's first year, copied, and then numbered clusters up to the target spread over the groups and bureaus. */
async function generateLargeYear(context: BenchContext, fiscalYear: number): Promise<void> {
  await context.api.call('POST', '/fiscal-years', { token: context.user(OFFICE).token, body: { fiscalYear, copyFrom: FISCAL_YEAR }, expect: 201 });
  await context.pg.query(
    `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, owning_bureau_code, analysed_this_year)
     SELECT $1, n, '生成事業群 ' || n, template.group_code, template.kind_code, n, template.owning_bureau_code, n % 10 = 0
     FROM generate_series(58, $2) AS n
     CROSS JOIN LATERAL (SELECT group_code, kind_code, owning_bureau_code FROM clusters WHERE fiscal_year = $1 ORDER BY no OFFSET (n % 57) LIMIT 1) AS template`,
    [fiscalYear, LARGE_CLUSTER_COUNT],
  );
}

/** The module script of index.html and the chunks it preloads: what the browser must fetch before the app runs. */
function initialJavaScript(webAppDir: string): { files: number; rawBytes: number; gzipBytes: number } {
  const html = readFileSync(join(webAppDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((match) => match[1]);
  const contents = [...new Set(sources)].map((source) => readFileSync(join(webAppDir, source.replace(/^\//, ''))));
  return {
    files: contents.length,
    rawBytes: contents.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0),
  };
}
