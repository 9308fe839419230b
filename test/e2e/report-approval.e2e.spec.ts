import { startLifecycleFixture, LifecycleFixture, TEST_FISCAL_YEARS, TestUserName } from '../support/lifecycle-fixture';
import { expectReadModelAgrees } from '../support/read-model-checks';

/** The heart of the product on real servers: staff write and submit, managers approve or return. */
describe('report approval through the API', () => {
  let fx: LifecycleFixture;
  const draft = (title: string, body = '他都市との比較により、収集運搬の委託範囲の見直しを提案する。') => ({ title, body });

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.approvals);
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function tasksOf(user: TestUserName): Promise<{ clusterNo: number; reportKind: string; action: string }[]> {
    const response = await fx.as(user).get('/api/v1/me/tasks').expect(200);
    return response.body.items.filter((task: { fiscalYear: number }) => task.fiscalYear === fx.fiscalYear);
  }

  async function approveThroughChain(no: number, kind: string): Promise<Record<string, unknown>> {
    let body: Record<string, unknown> = {};
    for (const approver of ['manager', 'director', 'office'] as const) {
      body = (await fx.as(approver).post(`${fx.base(no)}/reports/${kind}/approve`, { comment: `${approver} 承認` }).expect(200)).body;
      await expectReadModelAgrees(fx, no);
    }
    return body;
  }

  async function writeAndSubmit(no: number, kind: string): Promise<void> {
    await fx.as('staff').put(`${fx.base(no)}/reports/${kind}`, draft(`${kind} の報告`)).expect(200);
    await fx.as('staff').post(`${fx.base(no)}/reports/${kind}/submit`).expect(200);
  }

  it('takes one cluster through all four reports with the default chain, to 完了', async () => {
    const no = 27;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await expectReadModelAgrees(fx, no);
    expect(await tasksOf('staff')).toEqual(expect.arrayContaining([expect.objectContaining({ clusterNo: no, reportKind: 'interim', action: 'write' })]));

    const saved = await fx.as('staff').put(`${fx.base(no)}/reports/interim`, draft('ごみ処理事業　経過報告（案）')).expect(200);
    expect(saved.body.stage).toBe('INTERIM_REPORT');
    expect(saved.body.reports[0]).toMatchObject({ kind: 'interim', status: 'DRAFT', latest: { version: 1, title: 'ごみ処理事業　経過報告（案）' } });
    await fx.as('staff2').put(`${fx.base(no)}/reports/interim`, draft('ごみ処理事業　経過報告', '改訂版の本文：「全角」記号も、そのまま。')).expect(200);
    const submitted = await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
    const interim = submitted.body.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(interim.status).toBe('IN_APPROVAL');
    expect(interim.submission.version).toBe(2);
    expect(interim.submission.steps.map((step: { label: string; status: string }) => [step.label, step.status])).toEqual([
      ['所管課長', 'pending'],
      ['所管局長', 'waiting'],
      ['市政変革室', 'waiting'],
    ]);
    expect(submitted.body.pendingActions).toEqual([expect.objectContaining({ reportKind: 'interim', action: 'decide', role: 'manager', bureauCode: 'kankyo' })]);
    expect(await tasksOf('manager')).toEqual([expect.objectContaining({ clusterNo: no, reportKind: 'interim', action: 'decide' })]);
    expect(await tasksOf('director')).toEqual([]);
    expect(await tasksOf('otherManager')).toEqual([]);
    await expectReadModelAgrees(fx, no);

    const afterInterim = await approveThroughChain(no, 'interim');
    expect(afterInterim.stage).toBe('DIRECTION_REPORT');

    await writeAndSubmit(no, 'direction-system');
    await writeAndSubmit(no, 'direction-budget');
    expect((await approveThroughChain(no, 'direction-system')).stage).toBe('DIRECTION_REPORT');
    expect((await approveThroughChain(no, 'direction-budget')).stage).toBe('FINAL_REPORT');

    await writeAndSubmit(no, 'final');
    const done = await approveThroughChain(no, 'final');
    expect(done.stage).toBe('COMPLETED');
    expect(done.pendingActions).toEqual([]);

    const older = await fx.as('manager').get(`${fx.base(no)}/reports/interim/versions/1`).expect(200);
    expect(older.body).toMatchObject({ version: 1, title: 'ごみ処理事業　経過報告（案）', savedBy: { name: '環境 花子' } });
    const latest = await fx.as('manager').get(`${fx.base(no)}/reports/interim/versions/2`).expect(200);
    expect(latest.body.body).toBe('改訂版の本文：「全角」記号も、そのまま。');
    // The detail lists every version and shows the text of the newest only.
    const shown = (await fx.as('staff').get(fx.base(no)).expect(200)).body.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(shown.versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
    expect(shown.latest).toMatchObject({ version: 2, body: '改訂版の本文：「全角」記号も、そのまま。' });

    const history = await fx.as('staff').get(`${fx.base(no)}/history?pageSize=200`).expect(200);
    const actions = history.body.items.map((entry: { action: string }) => entry.action);
    expect(actions[0]).toBe('kickoff');
    expect(actions.filter((action: string) => action === 'approve')).toHaveLength(12);
    expect(history.body.items[history.body.items.length - 1]).toMatchObject({ action: 'approve', fromStage: 'FINAL_REPORT', toStage: 'COMPLETED', actor: { name: '市政変革 一郎' } });
    expect(history.body.items[0].occurredAt).toMatch(/\+09:00$/);

    await fx.as('staff').put(`${fx.base(no)}/reports/final`, draft('追記')).expect(409);
  });

  it('returns a report with a required comment; the revised draft goes round the chain from the start', async () => {
    const no = 26;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await writeAndSubmit(no, 'interim');
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`).expect(200);

    const noComment = await fx.as('director').post(`${fx.base(no)}/reports/interim/return`, { comment: '  ' }).expect(400);
    expect(noComment.body.fields[0].field).toBe('comment');
    const returned = await fx.as('director').post(`${fx.base(no)}/reports/interim/return`, { comment: '数値の出典を明記してください' }).expect(200);
    const interim = returned.body.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(interim).toMatchObject({ status: 'RETURNED', submission: null, lastReturn: { comment: '数値の出典を明記してください', stepLabel: '所管局長', by: { name: '環境 局長' } } });
    expect(await tasksOf('staff')).toEqual(expect.arrayContaining([expect.objectContaining({ clusterNo: no, reportKind: 'interim', action: 'revise' })]));
    await expectReadModelAgrees(fx, no);

    await fx.as('director').post(`${fx.base(no)}/reports/interim/approve`).expect(409);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, draft('経過報告（出典追記）')).expect(200);
    const resubmitted = await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
    const steps = resubmitted.body.reports.find((report: { kind: string }) => report.kind === 'interim').submission.steps;
    expect(steps.map((step: { status: string }) => step.status)).toEqual(['pending', 'waiting', 'waiting']);
    await fx.as('director').post(`${fx.base(no)}/reports/interim/approve`).expect(403);
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`).expect(200);
    await expectReadModelAgrees(fx, no);
  });

  it('lets the submitter pull a report back before the first decision, and not after', async () => {
    const no = 25;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await writeAndSubmit(no, 'interim');
    const other = await fx.as('staff2').post(`${fx.base(no)}/reports/interim/recall`).expect(403);
    expect(other.body.detail).toContain('提出者');
    const recalled = await fx.as('staff').post(`${fx.base(no)}/reports/interim/recall`).expect(200);
    expect(recalled.body.reports.find((report: { kind: string }) => report.kind === 'interim').status).toBe('DRAFT');
    expect(await tasksOf('manager')).toEqual([]);

    await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`).expect(200);
    const late = await fx.as('staff').post(`${fx.base(no)}/reports/interim/recall`).expect(409);
    expect(late.body.detail).toContain('引戻せません');
    await expectReadModelAgrees(fx, no);
  });

  it('hands a pending step to another holder of the same role in the same bureau', async () => {
    const no = 24;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await writeAndSubmit(no, 'interim');
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/delegate`, { delegateTo: 'otherManager' }).expect(400);
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/delegate`, { delegateTo: 'nobody' }).expect(400);
    await fx.pg.query(`UPDATE users SET active = false WHERE username = 'manager2'`);
    const inactive = await fx.as('manager').post(`${fx.base(no)}/reports/interim/delegate`, { delegateTo: 'manager2' }).expect(400);
    expect(inactive.body.detail).toContain('無効化');
    await fx.pg.query(`UPDATE users SET active = true WHERE username = 'manager2'`);
    const delegated = await fx.as('manager').post(`${fx.base(no)}/reports/interim/delegate`, { delegateTo: 'manager2', comment: '出張のため' }).expect(200);
    const step = delegated.body.reports.find((report: { kind: string }) => report.kind === 'interim').submission.steps[0];
    expect(step).toMatchObject({ status: 'pending', delegatedTo: { name: '環境 副課長' } });
    expect(await tasksOf('manager2')).toEqual([expect.objectContaining({ clusterNo: no, action: 'decide' })]);
    expect(await tasksOf('manager')).toEqual([]);

    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`).expect(403);
    await fx.as('manager2').post(`${fx.base(no)}/reports/interim/approve`).expect(200);
    const history = await fx.as('staff').get(`${fx.base(no)}/history`).expect(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual(['kickoff', 'save-draft', 'submit', 'delegate', 'approve']);
    await expectReadModelAgrees(fx, no);
  });

  it('withdraws a cluster with a reason; nothing changes it afterwards', async () => {
    const no = 23;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await fx.as('office').post(`${fx.base(no)}/withdraw`, {}).expect(400);
    await fx.as('manager').post(`${fx.base(no)}/withdraw`, { reason: '見送り' }).expect(403);
    const withdrawn = await fx.as('office').post(`${fx.base(no)}/withdraw`, { reason: '国の制度改正を待って次年度に分析する' }).expect(200);
    expect(withdrawn.body).toMatchObject({ stage: 'WITHDRAWN', withdrawal: { reason: '国の制度改正を待って次年度に分析する' }, pendingActions: [] });
    const refused = await fx.as('staff').put(`${fx.base(no)}/reports/interim`, draft('x')).expect(409);
    expect(refused.body.detail).toContain('WITHDRAWN');
    await fx.as('office').post(`${fx.base(no)}/withdraw`, { reason: '再度' }).expect(409);
    await fx.as('office').post(`${fx.base(no)}/kickoff`, { meetingDate: '2031-06-04', attendees: [] }).expect(409);
  });

  it('refuses what the rules forbid, with the reason and without a trace', async () => {
    const no = 22;
    await fx.assignCluster(no);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, draft('着手前')).expect(409);
    await fx.kickoff(no);
    const { rows: before } = await fx.pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2`, [fx.fiscalYear, no]);

    const wrongStage = await fx.as('staff').put(`${fx.base(no)}/reports/final`, draft('最終報告')).expect(409);
    expect(wrongStage.body.detail).toContain('KICKOFF');
    expect(wrongStage.body.current.stage).toBe('KICKOFF');
    await fx.as('otherStaff').put(`${fx.base(no)}/reports/interim`, draft('他局')).expect(403);
    await fx.as('manager').put(`${fx.base(no)}/reports/interim`, draft('課長')).expect(403);
    await fx.as('staff').put(`${fx.base(no)}/reports/unknown-kind`, draft('?')).expect(404);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '' }).expect(400);
    await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(409);
    const { rows: after } = await fx.pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2`, [fx.fiscalYear, no]);
    expect(after[0].n).toBe(before[0].n);

    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, draft('空の報告', '   ')).expect(200);
    const empty = await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(409);
    expect(empty.body.detail).toContain('本文が空');

    await fx.as('staffAndManager').put(`${fx.base(no)}/reports/interim`, draft('兼務者の報告')).expect(200);
    await fx.as('staffAndManager').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
    const own = await fx.as('staffAndManager').post(`${fx.base(no)}/reports/interim/approve`).expect(403);
    expect(own.body.detail).toContain('自分が作成・提出した');
    expect(await tasksOf('staffAndManager')).not.toEqual(expect.arrayContaining([expect.objectContaining({ clusterNo: no, action: 'decide' })]));
    await expectReadModelAgrees(fx, no);
  });

  it('answers a repeated request with the same Idempotency-Key once, and refuses the key for another request', async () => {
    const no = 21;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await writeAndSubmit(no, 'interim');
    const first = await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: '了' }).set('Idempotency-Key', 'approve-21-a').expect(200);
    const repeat = await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: '了' }).set('Idempotency-Key', 'approve-21-a').expect(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    const { rows } = await fx.pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 AND action = 'approve'`, [fx.fiscalYear, no]);
    expect(rows[0].n).toBe(1);
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: '別の内容' }).set('Idempotency-Key', 'approve-21-a').expect(422);

    const refused = await fx.as('staff').post(`${fx.base(no)}/reports/interim/recall`).set('Idempotency-Key', 'recall-21').expect(409);
    const refusedAgain = await fx.as('staff').post(`${fx.base(no)}/reports/interim/recall`).set('Idempotency-Key', 'recall-21').expect(409);
    expect(refusedAgain.body).toEqual(refused.body);
  });

  it('lets exactly one of two simultaneous approvals of the same step succeed; the other gets 409 and the current state', async () => {
    const no = 20;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await writeAndSubmit(no, 'interim');
    const [a, b] = await Promise.all([
      fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`, { comment: 'A' }),
      fx.as('manager2').post(`${fx.base(no)}/reports/interim/approve`, { comment: 'B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.detail).toContain('所管課長の決裁は');
    expect(loser.body.current).toEqual({ stage: 'INTERIM_REPORT', reports: expect.arrayContaining([{ kind: 'interim', status: 'IN_APPROVAL', version: 1 }]) });
    const { rows } = await fx.pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 AND action = 'approve'`, [fx.fiscalYear, no]);
    expect(rows[0].n).toBe(1);
    await expectReadModelAgrees(fx, no);
  });

  it('moves a running analysis to a new owning bureau, whose staff and managers take over', async () => {
    const no = 19;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await writeAndSubmit(no, 'interim');
    const moved = await fx.as('office').patch(fx.base(no), { owningBureauCode: 'kodomo' }).expect(200);
    expect(moved.body.owningBureau).toEqual({ code: 'kodomo', name: '子ども家庭局' });
    // Once in the 履歴: the workflow's entry, not a second from the catalogue's own change.
    const history = await fx.as('staff').get(`${fx.base(no)}/history`).expect(200);
    expect(history.body.items.filter((entry: { action: string }) => entry.action === 'change-owning-bureau')).toEqual([
      expect.objectContaining({ details: { from: { code: 'kankyo', name: '環境局' }, to: { code: 'kodomo', name: '子ども家庭局' } } }),
    ]);
    await fx.as('manager').post(`${fx.base(no)}/reports/interim/approve`).expect(403);
    await fx.as('otherManager').post(`${fx.base(no)}/reports/interim/approve`).expect(200);
    const list = await fx.as('staff').get(`/api/v1/fiscal-years/${fx.fiscalYear}/clusters?bureau=kodomo`).expect(200);
    expect(list.body.items.map((item: { no: number }) => item.no)).toContain(no);
    await expectReadModelAgrees(fx, no);
  });

  it('counts clusters by group × kind × stage and by bureau', async () => {
    const progress = await fx.as('staff').get(`/api/v1/fiscal-years/${fx.fiscalYear}/progress`).expect(200);
    expect(progress.body.overall.total).toBe(57);
    expect(progress.body.overall.byStage.COMPLETED).toBe(1);
    expect(progress.body.overall.byStage.WITHDRAWN).toBe(1);
    const operations = progress.body.byCategory.find((row: { kindCode: string }) => row.kindCode === 'operations');
    expect(operations).toMatchObject({ groupName: '施策・事業グループ', total: 9 });
    expect(operations.byStage.COMPLETED).toBe(1);
    const kankyo = progress.body.byBureau.find((row: { bureauCode: string }) => row.bureauCode === 'kankyo');
    expect(kankyo.bureauName).toBe('環境局');
    expect(kankyo.total).toBeGreaterThanOrEqual(7);
  });
});
