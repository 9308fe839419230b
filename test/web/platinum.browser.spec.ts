import { fiscalYearLabel } from '@app/domain';
import { CatalogueRepository } from '@app/persistence';
import { Client } from '@temporalio/client';
import { BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { login } from '../support/api-harness';
import { axeViolations, loggedInPage, screenshot } from '../support/browser-page';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { connectTestClient } from '../support/test-temporal';
import { DEMO_PASSWORD, startWebAppFixture, WebAppFixture } from '../support/web-app-fixture';
import { eventually } from '../support/worker-harness';

const FY = TEST_FISCAL_YEARS.platinumPages;
const OFFICE = 'reform.office1';
const MEMBER = 'kankyo.staff';
const OTHER_MEMBER = 'kodomo.staff';
const LEADER = 'toshi-senryaku.manager';
const OUTSIDER = 'kyoiku.staff';
const OWNING = { staff: 'somu.staff', manager: 'somu.manager', director: 'somu.director' };
const CONCERNED_DIRECTOR = 'kankyo.director';
const RELATED_CLUSTER = 27;

/**
 * The プラチナ市役所プロジェクト's pages in a real browser on demo data, each person in a browser of
 * their own: the reform office forms the PT, a member files a proposal, the leader returns it and
 * approves it, the reform office assigns it, 総務局 decides along its chain, and both concerned
 * directors state their policies, after which it is 完了 everywhere it is shown.
 */
describe('the Platinum project pages in a real browser', () => {
  let fx: WebAppFixture;
  let temporal: Client;
  const contexts: BrowserContext[] = [];
  /** Proposals the last test files besides, stopped with the rest. */
  const alsoFiled: number[] = [];
  const http = () => request(fx.app.getHttpServer());
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await login(fx.app, username, DEMO_PASSWORD));
    return tokens.get(username)!;
  };
  const apiBase = `/api/v1/fiscal-years/${FY}/platinum`;
  const proposalDetail = async (id: number) => (await http().get(`${apiBase}/proposals/${id}`).auth(await tokenOf(OFFICE), { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    fx = await startWebAppFixture();
    temporal = await connectTestClient();
    await fx.app.get(CatalogueRepository).copyFiscalYear(2024, FY);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    for (const id of ['', '/1', '/2', ...alsoFiled.map((no) => `/${no}`)]) await temporal?.workflow.getHandle(`platinum/${FY}${id}`).terminate('test finished').catch(() => undefined);
    await temporal?.connection.close();
    await fx?.close();
  });

  async function browserOf(username: string): Promise<Page> {
    const { context, page } = await loggedInPage(fx.browser, fx.baseUrl, username);
    contexts.push(context);
    return page;
  }

  const openProject = async (page: Page) => {
    await page.goto(`${fx.baseUrl}/fiscal-years/${FY}/platinum`);
    await page.getByRole('heading', { level: 1, name: `プラチナ市役所プロジェクト（${fiscalYearLabel(FY)}）` }).waitFor();
    await page.getByRole('heading', { name: 'PT（プロジェクトチーム）' }).waitFor();
  };
  const openProposal = async (page: Page, id: number) => {
    await page.goto(`${fx.baseUrl}/fiscal-years/${FY}/platinum/proposals/${id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`^提案 No\\.${id}`) }).waitFor();
  };
  const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
  const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
  const currentPhase = (page: Page, name: string) => page.getByRole('navigation', { name }).locator('[aria-current="step"]');
  const expectNoAxeViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  const expectNoButtons = async (page: Page, names: readonly string[]) => {
    for (const name of names) expect({ name, count: await button(page, name).count() }).toEqual({ name, count: 0 });
  };

  it('walks one proposal from a PT member’s draft through the leader, the owning bureau and both concerned directors to 完了', async () => {
    // The reform office names the PT by username, is told which name it does not know, then sets the deadlines and records the formation.
    const office = await browserOf(OFFICE);
    await openProject(office);
    await office.getByText('市政変革室がメンバーとリーダーを指名すると、プロジェクトが始まります。').waitFor();
    await button(office, 'メンバーとリーダーを指名').click();
    let dialog = office.getByRole('dialog');
    await dialog.getByLabel('メンバー1のユーザー名').fill(MEMBER);
    for (const [index, username] of [[2, OTHER_MEMBER], [3, 'nobody.here'], [4, LEADER]] as const) {
      await button(dialog, 'メンバーを追加').click();
      await dialog.getByLabel(`メンバー${index}のユーザー名`).fill(username);
    }
    await button(dialog, '指名する').click();
    await dialog.getByText('PTリーダーをメンバーの中から一人選んでください。').waitFor();
    await dialog.getByRole('radio', { name: /PTリーダー\s*（メンバー4）/ }).check();
    await button(dialog, '指名する').click();
    await dialog.getByText('「nobody.here」という利用者は登録されていません').first().waitFor();
    await expectNoAxeViolations(office);
    await screenshot(office, 'platinum-members-dialog');
    await dialog.getByRole('button', { name: /外す\s*：メンバー3/ }).click();
    await button(dialog, '指名する').click();
    await dialog.waitFor({ state: 'hidden' });
    const team = section(office, 'PT（プロジェクトチーム）');
    await team.getByRole('row', { name: /都市戦略局\s*PTリーダー/ }).waitFor();
    await expect(team.getByRole('rowheader').allTextContents()).resolves.toHaveLength(3);

    await button(office, '期限を設定').click();
    dialog = office.getByRole('dialog');
    const proposals = dialog.getByRole('group', { name: 'PTの提案の期限' });
    await proposals.getByRole('radio', { name: 'X会議を基準にする' }).check();
    await proposals.getByLabel('基準の会議').selectOption('x1');
    await proposals.getByLabel('会議の何営業日前').fill('5');
    const decisions = dialog.getByRole('group', { name: '制度所管局の結論の期限' });
    await decisions.getByRole('radio', { name: '日付で指定する' }).check();
    await decisions.getByLabel('期限の日').fill(`${FY}-11-27`);
    await expectNoAxeViolations(office);
    await button(dialog, '期限を保存').click();
    await dialog.waitFor({ state: 'hidden' });
    const deadlines = section(office, '期限');
    await deadlines.getByRole('row', { name: new RegExp(`制度所管局の結論.*（${FY}-11-27）17:00.*日付で指定`) }).waitFor();
    await deadlines.getByRole('row', { name: /PTの提案.*第1回X会議.*の5営業日前/ }).waitFor();
    await deadlines.getByRole('row', { name: /関係局長の対応方針\s*未設定/ }).waitFor();

    await button(office, '結成を記録').click();
    dialog = office.getByRole('dialog');
    await button(dialog, '結成を記録').click();
    await dialog.getByText('結成日を入力してください。').waitFor();
    await expectNoAxeViolations(office);
    await dialog.getByLabel(/結成日/).fill(`${FY}-06-18`);
    await button(dialog, '結成を記録').click();
    await dialog.waitFor({ state: 'hidden' });
    await currentPhase(office, 'プロジェクトの段階').filter({ hasText: '課題抽出' }).waitFor();
    await expectNoAxeViolations(office);

    // A member of the PT files the proposal from the project page.
    const member = await browserOf(MEMBER);
    await member.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'プラチナ市役所' }).click();
    await member.getByRole('link', { name: '起案' }).click();
    await member.getByRole('heading', { level: 1, name: '提案の起案' }).waitFor();
    await button(member, '起案する').click();
    await member.getByText('件名を入力してください').waitFor();
    await member.getByLabel(/^件名/).fill('補助金交付申請の押印の廃止');
    // The message goes as soon as the field is right, not at the next 起案.
    await member.getByText('件名を入力してください').waitFor({ state: 'detached' });
    await expect(member.getByLabel(/^件名/).getAttribute('aria-invalid')).resolves.toBe('false');
    await member.getByLabel(/^課題/).fill('補助金の交付申請に押印を求めており、電子申請ができない。');
    await member.getByLabel(/^対象の制度・規程/).fill('北九州市補助金等交付規則 第5条');
    await member.getByLabel(/^提案内容/).fill('押印欄を削り、電子申請を可能にする。');
    await member.getByLabel(/^期待される効果/).fill('申請者の来庁が減る。');
    await member.getByLabel(/^関連する事業群/).fill(String(RELATED_CLUSTER));
    await member.getByText(`No.${RELATED_CLUSTER} ごみ処理事業`).waitFor();
    await expectNoAxeViolations(member);
    await screenshot(member, 'platinum-new-proposal');
    await button(member, '起案する').click();
    await member.getByRole('heading', { level: 1, name: '提案 No.1 補助金交付申請の押印の廃止' }).waitFor();
    await button(member, '提出').click();
    await member.getByRole('heading', { name: '決裁の経路（第1版）' }).waitFor();
    await expectNoAxeViolations(member);

    // Someone outside the PT sees where it stands and is told plainly that its drafts are not shown.
    const outsider = await browserOf(OUTSIDER);
    await openProposal(outsider, 1);
    await outsider.getByRole('note', { name: '閲覧の制限' }).getByText('下書きは表示されません。').waitFor();
    expect(await outsider.getByText('押印欄を削り', { exact: false }).count()).toBe(0);
    await expectNoButtons(outsider, ['保存', '提出', '引戻し', '承認', '差戻し', '代理', '割り当てる', '取下げ']);
    await expectNoAxeViolations(outsider);
    await screenshot(outsider, 'platinum-proposal-restricted');

    // The leader returns it with a comment; the comment is required.
    const leader = await browserOf(LEADER);
    await openProposal(leader, 1);
    await button(leader, '差戻し').click();
    dialog = leader.getByRole('dialog');
    await button(dialog, '差戻し').click();
    await dialog.getByText('差戻しの理由を入力してください', { exact: false }).waitFor();
    await expectNoAxeViolations(leader);
    await dialog.getByLabel(/差戻しの理由/).fill('効果を件数で示してください。');
    await button(dialog, '差戻し').click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => expect((await proposalDetail(1)).proposalDocument.status).toBe('RETURNED'));

    // Two members revise it at once: the second save is refused (412), explained, and kept until they choose.
    const otherMember = await browserOf(OTHER_MEMBER);
    await openProposal(otherMember, 1);
    await otherMember.getByRole('note', { name: '差戻しの理由' }).getByText('効果を件数で示してください。').waitFor();
    await otherMember.getByLabel(/^期待される効果/).fill('申請者の来庁が年約3,000件減る。');
    await member.reload();
    await member.getByLabel(/^期待される効果/).fill('来庁が年3,000件、郵送が年1,200件減る。');
    await button(member, '保存').click();
    await member.getByRole('cell', { name: '第2版', exact: true }).waitFor();
    await button(otherMember, '保存').click();
    await otherMember.getByRole('alert').getByText('別の版に更新されています').waitFor();
    await otherMember.getByText(`第1版をもとに編集している間に、`, { exact: false }).waitFor();
    await expect(otherMember.getByLabel(/^期待される効果/).inputValue()).resolves.toBe('申請者の来庁が年約3,000件減る。');
    await expectNoAxeViolations(otherMember);
    await screenshot(otherMember, 'platinum-proposal-412');
    await button(otherMember, '入力内容を第3版として保存できるようにする').click();
    await button(otherMember, '保存').click();
    await otherMember.getByRole('cell', { name: '第3版', exact: true }).waitFor();
    await button(otherMember, '提出').click();
    await otherMember.getByRole('heading', { name: '決裁の経路（第3版）' }).waitFor();
    expect((await proposalDetail(1)).content.effects).toBe('申請者の来庁が年約3,000件減る。');

    await leader.reload();
    await button(leader, '承認').click();
    await button(leader, '承認').waitFor({ state: 'detached' });
    await eventually(async () => expect((await proposalDetail(1)).phase).toBe('SUBMITTED'));

    // Now everyone reads it; the reform office assigns the owning and the concerned bureaus.
    await outsider.reload();
    await outsider.getByRole('article', { name: '提案の内容' }).getByText('申請者の来庁が年約3,000件減る。').waitFor();
    expect(await outsider.getByRole('note', { name: '閲覧の制限' }).count()).toBe(0);
    await openProposal(office, 1);
    await button(office, '割り当てる').click();
    await office.getByText('制度所管局を選んでください。').waitFor();
    await office.getByRole('combobox', { name: /^制度所管局/ }).selectOption({ label: '総務局' });
    await office.getByRole('checkbox', { name: '総務局' }).check();
    await office.getByRole('checkbox', { name: '環境局' }).check();
    await expectNoAxeViolations(office);
    await button(office, '割り当てる').click();
    await office.getByRole('button', { name: '割当てを変更' }).waitFor();
    await currentPhase(office, '提案の段階').filter({ hasText: '所管局検討' }).waitFor();

    // 総務局 drafts its decision and sends it along its chain: 所管課長, then 所管局長.
    const owningStaff = await browserOf(OWNING.staff);
    await openProposal(owningStaff, 1);
    await expectNoButtons(owningStaff, ['承認', '割り当てる']);
    await button(owningStaff, '保存').click();
    await owningStaff.getByText('採用・一部採用・不採用のどれかを選んでください。').waitFor();
    await owningStaff.getByRole('radio', { name: '一部採用' }).check();
    await owningStaff.getByLabel(/^理由/).fill('法令上の根拠がない部分は廃止できる。');
    await owningStaff.getByLabel(/^何を変えるか/).fill('規則第5条の押印欄を削る。');
    await owningStaff.getByLabel(/^いつまでに/).fill('令和46年4月1日');
    await expectNoAxeViolations(owningStaff);
    await button(owningStaff, '保存').click();
    await section(owningStaff, '制度所管局の結論').getByRole('cell', { name: '第1版', exact: true }).waitFor();
    await button(owningStaff, '結論を提出').click();
    await owningStaff.getByRole('heading', { name: '決裁の経路（第1版）' }).last().waitFor();

    const manager = await browserOf(OWNING.manager);
    await openProposal(manager, 1);
    await button(manager, '代理').click();
    await manager.getByRole('dialog').getByText(/代理で決裁できる方|代理決裁者/).first().waitFor();
    await expectNoAxeViolations(manager);
    await manager.keyboard.press('Escape');
    await button(manager, '承認').click();
    await button(manager, '承認').waitFor({ state: 'detached' });

    const director = await browserOf(OWNING.director);
    await openProposal(director, 1);
    await expectNoAxeViolations(director);
    await screenshot(director, 'platinum-proposal-decision');
    await button(director, '承認').click();
    await button(director, '承認').waitFor({ state: 'detached' });
    await currentPhase(director, '提案の段階').filter({ hasText: '対応方針' }).waitFor();

    // Each concerned director states the bureau's response policy; the last one closes the proposal.
    await director.getByLabel(/^総務局の対応方針/).fill('総務局所管の様式も同時に押印を廃止する。');
    await expectNoAxeViolations(director);
    await button(director, '対応方針を記入').click();
    await director.locator('[data-testid="policy"][data-bureau="somu"]').getByText('記入済み').waitFor();
    const concerned = await browserOf(CONCERNED_DIRECTOR);
    await openProposal(concerned, 1);
    await expectNoButtons(concerned, ['承認', '差戻し']);
    await concerned.getByLabel(/^環境局の対応方針/).fill('環境局所管の補助金も同様に見直す。');
    await button(concerned, '対応方針を記入').click();
    await currentPhase(concerned, '提案の段階').filter({ hasText: '完了' }).waitFor();
    await expectNoButtons(concerned, ['対応方針を記入', '対応方針を述べ直す']);
    await screenshot(concerned, 'platinum-proposal-closed');

    // The project page counts it as 完了 and 一部採用, with nothing owed; the cluster page links to it.
    await openProject(member);
    await member.getByTestId('counts-by-phase').getByRole('columnheader', { name: '完了' }).waitFor();
    const phaseCounts = await member.getByTestId('counts-by-phase').getByRole('cell').allTextContents();
    const phaseHeads = await member.getByTestId('counts-by-phase').getByRole('columnheader').allTextContents();
    expect(phaseCounts[phaseHeads.indexOf('完了') - 1]).toBe('1');
    const decisionCounts = await member.getByTestId('counts-by-decision').getByRole('cell').allTextContents();
    const decisionHeads = await member.getByTestId('counts-by-decision').getByRole('columnheader').allTextContents();
    expect(decisionCounts[decisionHeads.indexOf('一部採用') - 1]).toBe('1');
    await member.getByRole('heading', { name: '誰が何をいつまでに（0件）' }).waitFor();
    await member.locator('[data-testid="proposal-group"][data-phase="CLOSED"]').getByRole('link', { name: '補助金交付申請の押印の廃止' }).waitFor();
    await expectNoAxeViolations(member);
    await screenshot(member, 'platinum-project');

    await member.goto(`${fx.baseUrl}/fiscal-years/${FY}/clusters/${RELATED_CLUSTER}`);
    const linked = member.getByRole('list', { name: '関連する提案' });
    await linked.getByRole('link', { name: '提案 No.1 補助金交付申請の押印の廃止' }).waitFor();
    await expect(linked.textContent()).resolves.toContain('（完了）');
    await expectNoAxeViolations(member);
    await linked.getByRole('link').click();
    await member.getByRole('heading', { level: 1, name: '提案 No.1 補助金交付申請の押印の廃止' }).waitFor();
  }, 420_000);

  it('lets the reform office withdraw a proposal with a reason, which the project then counts as 取下げ', async () => {
    const member = await browserOf(OTHER_MEMBER);
    await member.goto(`${fx.baseUrl}/fiscal-years/${FY}/platinum/proposals/new`);
    await member.getByLabel(/^件名/).fill('庁内郵便物の集配回数の見直し');
    await member.getByLabel(/^関連する事業群/).fill('27、保育');
    await button(member, '起案する').click();
    await member.getByText('事業群は番号で入力してください（読めなかったもの：保育）').waitFor();
    await member.getByLabel(/^関連する事業群/).fill('');
    await button(member, '起案する').click();
    await member.getByRole('heading', { level: 1, name: '提案 No.2 庁内郵便物の集配回数の見直し' }).waitFor();

    const office = await browserOf(OFFICE);
    await openProposal(office, 2);
    await expectNoButtons(office, ['割り当てる', '提出']);
    await button(office, '取下げ').click();
    const dialog = office.getByRole('dialog');
    await button(dialog, '取下げ').click();
    await dialog.getByText('取下げの理由を入力してください。').waitFor();
    await expectNoAxeViolations(office);
    await screenshot(office, 'platinum-withdraw-dialog');
    await dialog.getByLabel(/取下げの理由/).fill('No.1 と一体で検討するため。');
    await button(dialog, '取下げ').click();
    await dialog.waitFor({ state: 'hidden' });
    await office.getByRole('note', { name: '取下げ' }).getByText('理由：No.1 と一体で検討するため。', { exact: false }).waitFor();
    await expectNoButtons(office, ['取下げ', '保存']);

    await openProject(office);
    await office.locator('[data-testid="proposal-group"][data-phase="WITHDRAWN"]').getByRole('link', { name: '庁内郵便物の集配回数の見直し' }).waitFor();
    await office.getByLabel('段階', { exact: true }).selectOption({ label: '取下げ' });
    await eventually(async () => expect(await office.getByTestId('proposal-row').count()).toBe(1));
    await office.locator('[data-testid="proposal-row"][data-proposal-id="2"]').waitFor();
    await office.reload();
    await office.getByRole('heading', { name: '提案の一覧（段階別）' }).waitFor();
    await expect(office.getByLabel('段階', { exact: true }).inputValue()).resolves.toBe('WITHDRAWN');
    await expectNoAxeViolations(office);
  }, 180_000);

  it('shows the twenty soonest of what the project waits for, and the rest when asked for', async () => {
    const member = await tokenOf(MEMBER);
    for (let n = 1; n <= 21; n += 1) {
      const filed = await http()
        .post(`${apiBase}/proposals`)
        .auth(member, { type: 'bearer' })
        .send({ title: `窓口手続の見直し その${n}`, issue: '紙の様式が多い', rules: '各課の要綱', proposal: '電子申請に一本化する', effects: '待ち時間の短縮', relatedClusterNos: [] })
        .expect(201);
      alsoFiled.push(filed.body.id);
    }
    const office = await browserOf(OFFICE);
    await openProject(office);
    const heading = office.getByRole('heading', { name: /^誰が何をいつまでに（\d+件）$/ });
    const total = Number((await heading.textContent())!.match(/（(\d+)件）/)![1]);
    // Each draft owes its filing, and nothing before this test is still open.
    expect(total).toBe(alsoFiled.length);
    const owed = section(office, `誰が何をいつまでに（${total}件）`);
    await expect(owed.getByTestId('owed-row').count()).resolves.toBe(20);
    await button(owed, `残りの${total - 20}件も表示`).scrollIntoViewIfNeeded();
    await screenshot(office, 'platinum-owed-first-twenty');
    await button(owed, `残りの${total - 20}件も表示`).click();
    await expect(owed.getByTestId('owed-row').count()).resolves.toBe(total);
    await expect(button(owed, `残りの${total - 20}件も表示`).count()).resolves.toBe(0);
    await expectNoAxeViolations(office);
  }, 180_000);

  it('pages a member’s Platinum work on ホーム past fifty, each page from its top and in the API’s order', async () => {
    const member = await tokenOf(MEMBER);
    const owed = async (query = '') => (await http().get(`/api/v1/me/process-tasks${query}`).auth(member, { type: 'bearer' }).expect(200)).body;
    // Each draft owes its filing: enough of them for a second page.
    for (let n = (await owed()).total; n <= 55; n += 1) {
      const filed = await http()
        .post(`${apiBase}/proposals`)
        .auth(member, { type: 'bearer' })
        .send({ title: `様式の統一 その${n}`, issue: '様式が課ごとに違う', rules: '文書規程', proposal: '様式を一つにする', effects: '記入の迷いが減る', relatedClusterNos: [] })
        .expect(201);
      alsoFiled.push(filed.body.id);
    }
    const total: number = (await owed()).total;
    expect(total).toBeGreaterThan(50);

    const page = await browserOf(MEMBER);
    await page.goto(`${fx.baseUrl}/`);
    const work = page.getByRole('region', { name: '局区X方針・プラチナ市役所プロジェクト' });
    const list = work.getByRole('list', { name: '局区X方針・プラチナ市役所プロジェクトの仕事の一覧（期限の近い順）' });
    await work.getByText(`1 / ${Math.ceil(total / 50)} ページ`).waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(50);
    await button(work, '次のページ').click();
    await work.getByText(`2 / ${Math.ceil(total / 50)} ページ`).waitFor();
    // The buttons sit under fifty items: the next page is shown from the top of its own list.
    await expect(page.evaluate("document.getElementById('process-tasks-heading').getBoundingClientRect().top > -1")).resolves.toBe(true);
    const second: { subject: string }[] = (await owed('?page=2&pageSize=50')).items;
    const shown = await list.getByRole('listitem').allTextContents();
    expect(shown).toHaveLength(Math.min(50, total - 50));
    expect(shown.map((text, index) => text.includes(second[index].subject))).toEqual(second.map(() => true));
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-process-tasks-page-2');
  }, 180_000);

  it('names related clusters of a year of hundreds, past any first page, as they are typed and in the filed draft', async () => {
    // Two hundred more clusters, last in board order: No.101–300.
    await fx.pg.query(
      `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, owning_bureau_code)
       SELECT fiscal_year, 100 + n, '追加の事業群' || n, group_code, kind_code, 1000 + n, owning_bureau_code
         FROM clusters, generate_series(1, 200) AS n WHERE fiscal_year = $1 AND no = $2`,
      [FY, RELATED_CLUSTER],
    );
    const member = await browserOf(MEMBER);
    await member.goto(`${fx.baseUrl}/fiscal-years/${FY}/platinum/proposals/new`);
    await member.getByLabel(/^件名/).fill('窓口の番号札の電子化');
    await member.getByLabel(/^関連する事業群/).fill(`${RELATED_CLUSTER}, 299, 999`);
    const typed = member.getByRole('list', { name: '入力した番号の事業群' });
    await typed.getByText('No.299 追加の事業群199').waitFor();
    await typed.getByText(`No.${RELATED_CLUSTER} ごみ処理事業`).waitFor();
    await typed.getByText('No.999 （この番号の事業群は見つかりません）').waitFor();
    await member.getByLabel(/^関連する事業群/).fill(`${RELATED_CLUSTER}, 299`);
    await button(member, '起案する').click();
    const filed = await member.getByRole('heading', { level: 1, name: /^提案 No\.\d+ 窓口の番号札の電子化$/ }).textContent();
    alsoFiled.push(Number(filed!.match(/No\.(\d+)/)![1]));
    // The draft opens in its editor, which names them again.
    await typed.getByText('No.299 追加の事業群199').waitFor();
    await expect(typed.getByRole('listitem').allTextContents()).resolves.toEqual([`No.${RELATED_CLUSTER} ごみ処理事業`, 'No.299 追加の事業群199']);
    await expectNoAxeViolations(member);
    await screenshot(member, 'platinum-related-clusters-named');

    // The reform office reads the draft without its editor: the content as saved names and links them too.
    const office = await browserOf(OFFICE);
    await office.goto(member.url());
    const content = office.getByRole('article', { name: '提案の内容' });
    await content.getByRole('link', { name: 'No.299 追加の事業群199' }).waitFor();
    await expect(content.getByRole('listitem').allTextContents()).resolves.toEqual([`No.${RELATED_CLUSTER} ごみ処理事業`, 'No.299 追加の事業群199']);
    await expect(content.getByRole('link', { name: 'No.299 追加の事業群199' }).getAttribute('href')).resolves.toBe(`/fiscal-years/${FY}/clusters/299`);
    await expectNoAxeViolations(office);
    await screenshot(office, 'platinum-related-clusters-read-only');
  }, 180_000);
});
