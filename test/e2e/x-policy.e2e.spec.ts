import { getProcessState } from '@app/workflows';
import { Worker } from '@temporalio/worker';
import { recordHistoryIfAsked } from '../support/history-recording';
import { testReplayOptions } from '../support/test-temporal';
import { startLifecycleFixture, LifecycleFixture, TEST_FISCAL_YEARS, USERS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

/** A bureau's 局区X方針 on the real servers: self-inspection, issues, the chain, publication and published progress. */
describe('a bureau\'s X policy through the API', () => {
  let fx: LifecycleFixture;
  const year = TEST_FISCAL_YEARS.xPolicy;
  const api = `/api/v1/fiscal-years/${year}`;
  const kankyo = `${api}/x-policies/kankyo`;
  const ISSUES = [
    { id: 'seal-free', title: '押印を求める手続の見直し', response: '法令上の根拠がない9件は規則を改正して押印を廃止する', schedule: '令和42年12月までに規則改正', clusterNos: [27] },
    { id: 'online', title: '申請の電子化', response: '「電子申請」の対象を全手続に広げる', schedule: '年度内', clusterNos: [] },
  ];

  beforeAll(async () => {
    fx = await startLifecycleFixture(year);
  });
  afterAll(async () => {
    for (const code of ['kankyo', 'kodomo']) {
      await fx?.temporal.workflow.getHandle(`x-policy/${year}/${code}`).terminate('test finished').catch(() => undefined);
    }
    await fx?.close();
  });

  async function expectReadModelAgrees(): Promise<void> {
    const workflowState = await fx.temporal.workflow.getHandle(`x-policy/${year}/kankyo`).query(getProcessState);
    const { rows } = await fx.pg.query(`SELECT state, phase, last_event_seq FROM process_instances WHERE kind = 'x-policy' AND fiscal_year = $1 AND key = 'kankyo'`, [year]);
    expect(rows[0].state).toEqual(workflowState);
    const audit = await fx.pg.query(`SELECT action, to_state FROM audit_events WHERE subject = $1 ORDER BY id`, [`x-policy/${year}/kankyo`]);
    expect(audit.rows).toHaveLength(rows[0].last_event_seq);
    expect(audit.rows[audit.rows.length - 1].to_state).toBe(rows[0].phase);
  }

  it('is set up by the reform office and started for every bureau, once', async () => {
    expectProblem(await fx.as('office').post(`${api}/x-policies/start`, {}), 409, 'x-policy-settings.incomplete');
    expectProblem(await fx.as('staff').put(`${api}/x-policy-settings`, { items: [], deadlines: [] }), 403, 'access.denied');
    const settings = await fx.as('office')
      .put(`${api}/x-policy-settings`, {
        items: [
          { id: 'rules', question: '市民や事業者に押印・書面・来庁を求める手続はいくつありますか' },
          { id: 'digital', question: '電子申請できる手続の割合は' },
        ],
        deadlines: [{ target: 'plan', meetingId: 'x2', leadBusinessDays: 5 }],
      })
      .expect(200);
    // The meeting falls on a Saturday that year: five business days before it is the Monday.
    expect(settings.body.deadlines).toEqual([expect.objectContaining({ target: 'plan', label: '課題と対応策の公表', dueDate: `${year}-08-16`, meetingName: '第2回X会議' })]);
    expectProblem(await fx.as('staff').put(`${kankyo}/self-inspection`, { answers: [] }), 404, 'x-policy.unknown');

    const started = await fx.as('office').post(`${api}/x-policies/start`, {}).expect(200);
    expect(started.body).toEqual({ started: ['kankyo', 'kodomo'], existing: [] });
    expect((await fx.as('office').post(`${api}/x-policies/start`, {}).expect(200)).body).toEqual({ started: [], existing: ['kankyo', 'kodomo'] });

    // The started bureaus answer the items they started with: one of those cannot be removed now, a new one can be added.
    const removed = expectProblem(await fx.as('office').put(`${api}/x-policy-settings`, { items: [{ id: 'rules', question: '押印・書面・来庁を求める手続は' }], deadlines: [] }), 400, 'request.invalid');
    expect(removed.fields).toEqual([{ field: 'items', problems: ['自己点検の項目「digital」は開始済みの環境局・子ども家庭局が回答するため削除できません'] }]);

    const list = await fx.as('otherStaff').get(`${api}/x-policies`).expect(200);
    expect(list.body.items.map((item: { bureau: { code: string }; phaseLabel: string }) => [item.bureau.code, item.phaseLabel])).toEqual([
      ['kankyo', '自己点検'],
      ['kodomo', '自己点検'],
    ]);
    await expectReadModelAgrees();
  });

  it('takes the self-inspection and the issues as versions of one plan, refusing what it cannot take', async () => {
    const answers = [
      { itemId: 'rules', answer: '押印を求める手続が12件あり、うち9件は法令上の根拠がない。' },
      { itemId: 'digital', answer: '約３割（全角数字もそのまま）' },
    ];
    const inspected = await fx.as('staff').put(`${kankyo}/self-inspection`, { answers }).set('If-Match', '"0"').expect(200);
    expect(inspected.body).toMatchObject({ phase: 'ISSUES', phaseLabel: '課題と対応策', selfInspection: [{ itemId: 'rules', answer: answers[0].answer }, { itemId: 'digital', answer: answers[1].answer }] });

    expectProblem(await fx.as('staff').put(`${kankyo}/issues`, { issues: [{ ...ISSUES[0], clusterNos: [999] }] }), 400, 'request.invalid');
    expectProblem(await fx.as('otherStaff').put(`${kankyo}/issues`, { issues: ISSUES }), 403, 'document.not-drafter');
    expectProblem(await fx.as('staff').put(`${kankyo}/issues`, { issues: ISSUES }).set('If-Match', '"0"'), 412, 'document.version-stale');

    const saved = await fx.as('staff2').put(`${kankyo}/issues`, { issues: ISSUES }).set('If-Match', '"1"').expect(200);
    expect(saved.body.issues).toEqual(ISSUES);
    expect(saved.body.selfInspection.map((entry: { answer: string }) => entry.answer)).toEqual(answers.map((answer) => answer.answer));
    expect(saved.body.plan.versions.map((version: { version: number; savedBy: { name: string } }) => [version.version, version.savedBy.name])).toEqual([
      [1, USERS.staff.displayName],
      [2, USERS.staff2.displayName],
    ]);
    expect(saved.body.permitted).toMatchObject({ submit: true, approve: false });
    await expectReadModelAgrees();
  });

  it('goes along its chain to publication, and others read only what is published', async () => {
    await fx.as('staff').post(`${kankyo}/submit`).expect(200);
    expectProblem(await fx.as('director').post(`${kankyo}/approve`, {}), 403, 'step.not-yours');
    await fx.as('manager').post(`${kankyo}/approve`, { comment: '課長了' }).expect(200);
    const directorTasks = await fx.as('director').get('/api/v1/me/process-tasks').expect(200);
    expect(directorTasks.body).toEqual({
      items: [
        expect.objectContaining({ kind: 'x-policy', subject: '環境局の局区X方針', what: '「課題と対応策」の決裁（局長）', webPath: `/fiscal-years/${year}/x-policies/kankyo`, provisional: false }),
      ],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    expect((await fx.as('manager').get('/api/v1/me/process-tasks').expect(200)).body).toMatchObject({ items: [], total: 0 });
    const returned = await fx.as('director').post(`${kankyo}/return`, { comment: 'スケジュールを具体的に' }).expect(200);
    expect(returned.body).toMatchObject({ phase: 'ISSUES', plan: { status: 'RETURNED', lastReturn: { comment: 'スケジュールを具体的に', stepLabel: '局長' } } });

    await fx.as('staff').post(`${kankyo}/submit`).expect(200);
    for (const approver of ['manager', 'director'] as const) await fx.as(approver).post(`${kankyo}/approve`, { comment: `${approver} 承認` }).expect(200);
    // Until the last approval nothing is public: not the draft under approval, not its bureau.
    expect((await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies`).expect(200)).body.items).toEqual([]);
    expectProblem(await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies/kankyo`), 409, 'x-policy.not-published');
    await fx.as('office').post(`${kankyo}/approve`, { comment: 'office 承認' }).expect(200);
    const published = await fx.as('staff').get(kankyo).expect(200);
    expect(published.body).toMatchObject({ phase: 'PUBLISHED', phaseLabel: '公表済み', publishedIssueCount: 2, deadline: null });
    expect(published.body.publication.issues).toEqual(ISSUES);

    const outsider = await fx.as('otherStaff').get(kankyo).expect(200);
    expect(outsider.body).toMatchObject({ textsRestricted: true, issues: null });
    expect(outsider.body.selfInspection.every((entry: { answer: string | null }) => entry.answer === null)).toBe(true);
    expect(outsider.body.plan.lastReturn.comment).toBeNull();
    expect(outsider.body.publication.issues).toEqual(ISSUES);
    await expectReadModelAgrees();
    const cluster = await fx.as('otherStaff').get(fx.base(27)).expect(200);
    expect(cluster.body.linkedXPolicyIssues).toEqual([{ bureauCode: 'kankyo', bureauName: '環境局', issueId: 'seal-free', title: ISSUES[0].title }]);
  });

  it('publishes progress once the director approves it, and the public page shows only what was published', async () => {
    const progress = `${kankyo}/issues/seal-free/progress`;
    expectProblem(await fx.as('staff').post(`${kankyo}/issues/unknown/progress`, { text: '進捗' }), 404, 'x-policy.issue-unknown');
    await fx.as('staff').post(progress, { text: '9件のうち6件の規則改正を終えた' }).expect(200);
    expectProblem(await fx.as('staff').post(progress, { text: 'もう一度' }), 409, 'x-policy.progress-in-approval');
    const before = await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies/kankyo`).expect(200);
    expect(before.body.issues[0].progress).toEqual([]);

    const key = 'approve-progress-once';
    const approved = await fx.as('director').post(`${progress}/approve`, {}).set('Idempotency-Key', key).expect(200);
    const again = await fx.as('director').post(`${progress}/approve`, {}).set('Idempotency-Key', key).expect(200);
    expect(again.body).toEqual(approved.body);
    expect(approved.body.progress).toEqual([expect.objectContaining({ issueId: 'seal-free', seq: 1, status: 'APPROVED', text: '9件のうち6件の規則改正を終えた' })]);

    const publicView = await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies`).expect(200);
    expect(publicView.body.items).toHaveLength(1);
    const [kankyoPublished] = publicView.body.items;
    expect(kankyoPublished).toMatchObject({ bureau: { code: 'kankyo', name: '環境局' }, issues: [{ id: 'seal-free', progress: [{ seq: 1, text: '9件のうち6件の規則改正を終えた' }] }, { id: 'online' }] });
    expect(kankyoPublished.publishedAt).toMatch(/\+09:00$/);
    const everything = JSON.stringify(publicView.body);
    for (const secret of [USERS.staff.displayName, USERS.director.displayName, 'スケジュールを具体的に', 'office 承認', '押印を求める手続が12件']) expect(everything).not.toContain(secret);
    expectProblem(await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies/kodomo`), 409, 'x-policy.not-published');
    await expectReadModelAgrees();
  });

  it('publishes a second progress update only once approved, a returned one never', async () => {
    const progress = `${kankyo}/issues/seal-free/progress`;
    const publicProgress = async () => (await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies/kankyo`).expect(200)).body.issues[0].progress.map((entry: { seq: number; text: string }) => [entry.seq, entry.text]);
    await fx.as('staff2').post(progress, { text: '残り3件は条例改正が必要' }).expect(200);
    expect(await publicProgress()).toEqual([[1, '9件のうち6件の規則改正を終えた']]);
    await fx.as('director').post(`${progress}/return`, { comment: '見通しも書いてください' }).expect(200);
    expect(await publicProgress()).toEqual([[1, '9件のうち6件の規則改正を終えた']]);
    await fx.as('staff2').post(progress, { text: '残り3件は条例改正が必要で、12月議会に提案する' }).expect(200);
    expect(await publicProgress()).toEqual([[1, '9件のうち6件の規則改正を終えた']]);
    await fx.as('director').post(`${progress}/approve`, {}).expect(200);
    expect(await publicProgress()).toEqual([
      [1, '9件のうち6件の規則改正を終えた'],
      [2, '残り3件は条例改正が必要で、12月議会に提案する'],
    ]);
    const everything = JSON.stringify((await fx.as(null).get(`/api/v1/public/fiscal-years/${year}/x-policies`).expect(200)).body);
    for (const secret of ['見通しも書いてください', '残り3件は条例改正が必要"', USERS.staff2.displayName]) expect(everything).not.toContain(secret);
    await expectReadModelAgrees();
  });

  it('keeps every act in its history, with comments only for those who may read them', async () => {
    const history = await fx.as('staff').get(`${kankyo}/history?pageSize=50`).expect(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'start',
      'save-self-inspection',
      'save-issues',
      'submit',
      'approve',
      'return',
      'submit',
      'approve',
      'approve',
      'publish',
      'post-progress',
      'approve-progress',
      'post-progress',
      'return-progress',
      'post-progress',
      'approve-progress',
    ]);
    expect(history.body.items.find((entry: { action: string }) => entry.action === 'return').comment).toBe('スケジュールを具体的に');
    const outsider = await fx.as('otherStaff').get(`${kankyo}/history?pageSize=50`).expect(200);
    expect(outsider.body.items.every((entry: { comment: string | null }) => entry.comment === null)).toBe(true);
  });

  it('replays its history against today\'s workflow code', async () => {
    const workflowId = `x-policy/${year}/kankyo`;
    const history = await fx.temporal.workflow.getHandle(workflowId).fetchHistory();
    await recordHistoryIfAsked(fx.temporal, workflowId, 'x-policy-every-action');
    await expect(Worker.runReplayHistory(testReplayOptions(), history)).resolves.toBeUndefined();
  });
});
