import { CatalogueRepository, DEMO_ORGANISATION } from '@app/persistence';
import { Client, Connection } from '@temporalio/client';
import { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { axeViolations, loggedInPage, newJapanesePage, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { testTemporalAddress } from '../support/test-environment';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';

const FY = TEST_FISCAL_YEARS.xPolicyPages;
const YEAR_LABEL = `令和${FY - 2018}年度`;
const STAFF = 'kodomo.staff';
const MANAGER = 'kodomo.manager';
const DIRECTOR = 'kodomo.director';
const OFFICE = 'reform.office1';
const OTHER_STAFF = 'kankyo.staff';

const QUESTIONS = ['押印・書面・来庁を求めている手続はいくつありますか', '電子申請できる手続の割合は'];
const ANSWERS = ['押印を求める手続が18件、うち11件は根拠がない。', '約4割（申込期は窓口で90分待ち）。'];
const ISSUE = { title: '押印・書面を求める手続の見直し', response: '根拠のない11件は規則を改正して押印を廃止する。', schedule: '年度内に規則を改正', clusters: '22、23' };
const REVISED_SCHEDULE = '12月までに規則を改正し、翌年4月から施行';
const RETURN_COMMENT = 'スケジュールを月単位で具体的に書いてください。';
const APPROVAL_COMMENT = '課内で確認しました。';
const PROGRESS = '11件のうち7件の規則改正を終え、押印欄のない様式に改めた。';

/**
 * The bureaus' X policies in a real browser on demo data: the reform office sets the year up and
 * starts it, 子ども家庭局 walks its plan from self-inspection through a 差戻し to publication and a
 * published progress update, each person as their own role; another bureau and the public see what
 * was published and nothing else.
 */
describe('the X policy pages in a real browser', () => {
  let fx: WebAppFixture;
  let temporal: Client;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
  }, 120_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await Promise.all(DEMO_ORGANISATION.bureaus.map((bureau) => temporal?.workflow.getHandle(`x-policy/${FY}/${bureau.code}`).terminate('test finished').catch(() => undefined)));
    await temporal?.connection.close();
    await fx?.close();
  });

  const listPath = `/fiscal-years/${FY}/x-policies`;
  const kodomoPath = `${listPath}/kodomo`;

  async function newPage(): Promise<Page> {
    const { context, page } = await newJapanesePage(fx.browser);
    contexts.push(context);
    return page;
  }

  /** A browser of this person's own, logged in on the login page. */
  async function browserOf(username: string): Promise<Page> {
    const { context, page } = await loggedInPage(fx.browser, fx.baseUrl, username);
    contexts.push(context);
    return page;
  }

  async function openKodomo(page: Page) {
    await page.goto(`${fx.baseUrl}${kodomoPath}`);
    await page.getByRole('heading', { level: 1, name: `子ども家庭局のX方針（${YEAR_LABEL}）` }).waitFor();
  }

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const currentPhase = (page: Page) => page.getByRole('navigation', { name: 'X方針の段階' }).locator('[aria-current="step"]');
  const versionCell = (page: Page, version: number) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '保存した人' }) }).getByRole('cell', { name: `第${version}版`, exact: true });
  const expectNoAxeViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  const plan = async () => {
    const token = await login(fx.app, OFFICE, DEMO_PASSWORD);
    return (await request(fx.app.getHttpServer()).get(`/api/v1${kodomoPath}`).auth(token, { type: 'bearer' }).expect(200)).body as { phase: string; plan: { status: string } };
  };

  it('lets the reform office set the items and the deadline and start every bureau, from the main menu', async () => {
    const office = await browserOf(OFFICE);
    await office.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'X方針' }).click();
    await office.getByRole('heading', { level: 1, name: `局区X方針（${YEAR_LABEL}）` }).waitFor();
    const officePart = office.getByRole('region', { name: '市政変革室の操作' });
    await officePart.getByText('自己点検の項目を設定して保存すると').waitFor();
    expect(await button(office, 'X方針を開始').count()).toBe(0);

    for (const [index, question] of QUESTIONS.entries()) {
      await button(office, '項目を追加').click();
      await office.getByLabel(`項目${index + 1}の問い`).fill(question);
    }
    await office.getByLabel('X会議を基準にする', { exact: false }).check();
    await office.getByLabel('基準の会議').selectOption('x2');
    await office.getByLabel('会議の何営業日前').fill('5');
    await button(office, '設定を保存').click();
    await office.getByRole('status').getByText('保存しました').waitFor();
    await officePart.getByText(/現在の期限/).waitFor();

    await button(office, 'X方針を開始').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: '子ども家庭局' }).waitFor();
    await expectNoAxeViolations(office);
    await screenshot(office, 'x-policies-start-dialog');
    const bureaus = DEMO_ORGANISATION.bureaus.length;
    await dialog.getByRole('button', { name: `${bureaus}局で開始` }).click();
    await dialog.waitFor({ state: 'hidden' });
    await office.getByRole('status', { name: '開始の結果' }).getByText(`${bureaus}局で開始しました`).waitFor();
    await office.getByText(`全ての局・区で${YEAR_LABEL}のX方針を開始済みです。`).waitFor();
    await expect(office.getByTestId('phase-counts').getByRole('cell').allTextContents()).resolves.toEqual(['0', String(bureaus), '0', '0', '0', '0', String(bureaus)]);
    const kodomoRow = office.locator('[data-testid="x-policy-row"][data-bureau="kodomo"]');
    await expect(kodomoRow.textContent()).resolves.toContain('自己点検');
    await expectNoAxeViolations(office);
    await screenshot(office, 'x-policies-started');
  }, 180_000);

  it('lets the bureau’s staff answer the self-inspection and list the issues, each save a version of the plan', async () => {
    const staff = await browserOf(STAFF);
    await staff.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'X方針' }).click();
    await staff.getByRole('link', { name: '子ども家庭局のX方針を開く' }).click();
    await staff.getByRole('heading', { level: 1, name: `子ども家庭局のX方針（${YEAR_LABEL}）` }).waitFor();
    await expect(currentPhase(staff).textContent()).resolves.toContain('自己点検');

    for (const [index, question] of QUESTIONS.entries()) await staff.getByLabel(question, { exact: false }).fill(ANSWERS[index]);
    await button(staff, '自己点検を保存').click();
    await versionCell(staff, 1).waitFor();
    await expect(currentPhase(staff).textContent()).resolves.toContain('課題と対応策');

    await button(staff, '課題を追加').click();
    const first = staff.getByRole('group', { name: '課題1' });
    await first.getByLabel('課題（必須）').fill(ISSUE.title);
    await first.getByLabel('対応策').fill(ISSUE.response);
    await first.getByLabel('スケジュール').fill(ISSUE.schedule);
    await first.getByLabel('関係する事業群の番号').fill('二十二');
    await button(staff, '課題と対応策を保存').click();
    // Told beside the field before anything is sent.
    await first.getByText('事業群の番号を「、」で区切って入力してください').waitFor();
    await first.getByLabel('関係する事業群の番号').fill(ISSUE.clusters);
    await first.getByLabel('識別子（必須）').fill('seal-free');
    await button(staff, '課題を追加').click();
    await staff.getByRole('group', { name: '課題2' }).getByLabel('課題（必須）').fill('入所申込の窓口の混雑');
    await expectNoAxeViolations(staff);
    await button(staff, '課題と対応策を保存').click();
    await versionCell(staff, 2).waitFor();
    await expect(staff.getByRole('group', { name: '課題1' }).getByLabel('関係する事業群の番号').inputValue()).resolves.toBe('22、23');
    await button(staff, '提出').waitFor();
    await screenshot(staff, 'x-policy-issues-saved');
  }, 180_000);

  it('explains a 412 when another save came first, and keeps what was typed on the newer version', async () => {
    const first = await browserOf(STAFF);
    const second = await browserOf(STAFF);
    await openKodomo(first);
    await openKodomo(second);
    await first.getByLabel(QUESTIONS[1], { exact: false }).fill(`${ANSWERS[1]}（窓口の予約制を検討中）`);
    await button(first, '自己点検を保存').click();
    await versionCell(first, 3).waitFor();

    const typed = `${ANSWERS[0]}（11件の一覧は別紙）`;
    await second.getByLabel(QUESTIONS[0], { exact: false }).fill(typed);
    await button(second, '自己点検を保存').click();
    const problem = second.getByRole('alert');
    await problem.getByText('別の版に更新されています').waitFor();
    await expect(problem.textContent()).resolves.toContain('新しい版が保存されていました');
    await second.getByText('第2版をもとに入力していた回答の控えを復元しました。その後、第3版が保存されています。', { exact: false }).waitFor();
    await expect(second.getByLabel(QUESTIONS[0], { exact: false }).inputValue()).resolves.toBe(typed);
    await screenshot(second, 'x-policy-412');

    await button(second, '自己点検を保存').click();
    await versionCell(second, 4).waitFor();
    // The other answer, saved first in the other browser, is kept: the newer version is what this save built on.
    await expect(second.getByLabel(QUESTIONS[1], { exact: false }).inputValue()).resolves.toBe(`${ANSWERS[1]}（窓口の予約制を検討中）`);
  }, 180_000);

  it('goes along 課長 → 局長 → 市政変革室 with a 差戻し on the way, and is published', async () => {
    const staff = await browserOf(STAFF);
    await openKodomo(staff);
    await button(staff, '提出').click();
    await staff.getByRole('heading', { name: '決裁の経路（第4版）' }).waitFor();

    const manager = await browserOf(MANAGER);
    await openKodomo(manager);
    await manager.getByLabel('承認のコメント（任意）').fill(APPROVAL_COMMENT);
    await button(manager, '承認').click();
    await button(manager, '承認').waitFor({ state: 'detached' });

    // The director finds the decision among the work on ホーム, and goes to it from there.
    const director = await browserOf(DIRECTOR);
    await director.goto(`${fx.baseUrl}/`);
    const owed = director.getByRole('list', { name: '局区X方針・プラチナ市役所プロジェクトの仕事の一覧（期限の近い順）' }).getByRole('listitem');
    await owed.first().waitFor();
    const [task, ...others] = await owed.allInnerTexts();
    expect(others).toEqual([]);
    expect(task.split('\n').map((line) => line.trim()).filter(Boolean)).toEqual(['「課題と対応策」の決裁（局長）', `${YEAR_LABEL} 子ども家庭局の局区X方針`, expect.stringMatching(/^期限：/)]);
    await expectNoAxeViolations(director);
    await screenshot(director, 'home-process-tasks');
    await owed.getByRole('link', { name: '子ども家庭局の局区X方針' }).click();
    await director.getByRole('heading', { level: 1, name: `子ども家庭局のX方針（${YEAR_LABEL}）` }).waitFor();
    await button(director, '差戻し').click();
    const dialog = director.getByRole('dialog');
    await dialog.getByRole('button', { name: '差戻し', exact: true }).click();
    await dialog.getByText('差戻しの理由を入力してください').waitFor();
    await expectNoAxeViolations(director);
    await screenshot(director, 'x-policy-return-dialog');
    await dialog.getByLabel(/差戻しの理由/).fill(RETURN_COMMENT);
    await dialog.getByRole('button', { name: '差戻し', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await plan()).toMatchObject({ phase: 'ISSUES', plan: { status: 'RETURNED' } });

    await staff.reload();
    const returned = staff.getByRole('note', { name: '差戻しの理由' });
    await returned.getByText(RETURN_COMMENT).waitFor();
    await expect(returned.textContent()).resolves.toContain('局長（高橋 由美子さん）');
    await staff.getByRole('group', { name: '課題1' }).getByLabel('スケジュール').fill(REVISED_SCHEDULE);
    await button(staff, '課題と対応策を保存').click();
    await versionCell(staff, 5).waitFor();
    await button(staff, '提出').click();
    await staff.getByRole('heading', { name: '決裁の経路（第5版）' }).waitFor();

    for (const [username, page] of [
      [MANAGER, manager],
      [DIRECTOR, director],
      [OFFICE, await browserOf(OFFICE)],
    ] as const) {
      await openKodomo(page);
      if (username === OFFICE) await page.getByText('承認すると、課題と対応策が公表ページに掲載されます。').waitFor();
      await button(page, '承認').click();
      await button(page, '承認').waitFor({ state: 'detached' });
      expect({ username, problems: await page.getByRole('alert').count() }).toEqual({ username, problems: 0 });
    }
    expect(await plan()).toMatchObject({ phase: 'PUBLISHED', plan: { status: 'APPROVED' } });
    await staff.reload();
    await expect(currentPhase(staff).textContent()).resolves.toContain('公表済み');
    const published = staff.getByRole('region', { name: '公表した課題と対応策' });
    await published.getByText(REVISED_SCHEDULE).waitFor();
    expect(await staff.getByRole('button', { name: '課題と対応策を保存' }).count()).toBe(0);
  }, 240_000);

  it('publishes a progress update once the director approves it', async () => {
    const staff = await browserOf(STAFF);
    await openKodomo(staff);
    const issue = staff.getByRole('article', { name: `課題1：${ISSUE.title}` });
    await issue.getByLabel(/第1報の内容/).fill(PROGRESS);
    await issue.getByRole('button', { name: '第1報を提出' }).click();
    await issue.getByText('局長の決裁待ち').waitFor();

    const director = await browserOf(DIRECTOR);
    await openKodomo(director);
    const pending = director.getByRole('article', { name: `課題1：${ISSUE.title}` });
    await pending.getByText(PROGRESS).waitFor();
    await expectNoAxeViolations(director);
    await screenshot(director, 'x-policy-progress-decision');
    await pending.getByRole('button', { name: '承認', exact: true }).click();
    await pending.getByText(/第1報（公表：令和\d+年\d+月\d+日/).waitFor();
    await expect(pending.getByRole('button', { name: '承認', exact: true }).count()).resolves.toBe(0);

    await staff.reload();
    await staff.getByRole('article', { name: `課題1：${ISSUE.title}` }).getByRole('button', { name: '第2報を提出' }).waitFor();
    await expectNoAxeViolations(staff);
    await screenshot(staff, 'x-policy-published');
  }, 180_000);

  it('shows another bureau’s staff what is published and where it stands, says drafts are not shown, and offers no button', async () => {
    const other = await browserOf(OTHER_STAFF);
    await openKodomo(other);
    await other.getByRole('note', { name: '閲覧の制限' }).getByText('作成中の内容は表示されません。').waitFor();
    await other.getByRole('region', { name: '公表した課題と対応策' }).getByText(PROGRESS).waitFor();
    await other.getByRole('heading', { name: '決裁の経路（第5版）' }).waitFor();
    const text = await other.locator('main').innerText();
    for (const secret of [ANSWERS[0], RETURN_COMMENT, APPROVAL_COMMENT]) expect({ secret, shown: text.includes(secret) }).toEqual({ secret, shown: false });
    expect(await other.getByRole('button').allTextContents()).toEqual(['ログアウト']);
    await expectNoAxeViolations(other);
    await screenshot(other, 'x-policy-other-bureau');
  }, 120_000);

  it('shows the public, without logging in, exactly what was published and no name or comment', async () => {
    const visitor = await newPage();
    const calls: string[] = [];
    visitor.on('request', (call) => {
      if (new URL(call.url()).pathname.startsWith('/api/')) calls.push(new URL(call.url()).pathname);
    });
    await visitor.goto(`${fx.baseUrl}/public/fiscal-years/${FY}/x-policies`);
    const section = visitor.getByRole('region', { name: '子ども家庭局', exact: true });
    await section.getByRole('heading', { name: `課題1：${ISSUE.title}` }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe(`/public/fiscal-years/${FY}/x-policies`);
    expect(calls).toEqual([`/api/v1/public/fiscal-years/${FY}/x-policies`]);

    const text = await section.innerText();
    for (const shown of [ISSUE.response, REVISED_SCHEDULE, 'No.22', PROGRESS]) expect({ shown, present: text.includes(shown) }).toEqual({ shown, present: true });
    expect(text).toMatch(/課題と対応策の公表：令和\d+年\d+月\d+日（\d{4}-\d{2}-\d{2}）/);
    expect(text).toMatch(/第1報（公表：令和\d+年\d+月\d+日（\d{4}-\d{2}-\d{2}））/);
    const page = await visitor.locator('body').innerText();
    const names = DEMO_ORGANISATION.users.map((user) => user.displayName);
    for (const secret of [...names, RETURN_COMMENT, APPROVAL_COMMENT, ANSWERS[0], ISSUE.schedule]) expect({ secret, shown: page.includes(secret) }).toEqual({ secret, shown: false });
    expect(await visitor.getByRole('region', { name: '環境局', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(visitor);
    await screenshot(visitor, 'public-x-policies');

    // The address without a year opens this fiscal year's page, also without logging in.
    await visitor.goto(`${fx.baseUrl}/public/x-policies`);
    await visitor.getByRole('heading', { level: 1, name: /^局区X方針（令和\d+年度）$/ }).waitFor();
    await visitor.getByText(/局区X方針は、まだ公表されていません。|課題と対応策の公表：/).first().waitFor();
    expect(new URL(visitor.url()).pathname).toMatch(/^\/public\/fiscal-years\/\d{4}\/x-policies$/);
    expect(await visitor.getByLabel('パスワード').count()).toBe(0);
  }, 120_000);
});
