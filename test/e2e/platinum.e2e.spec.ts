import { getProcessState } from '@app/workflows';
import { Worker } from '@temporalio/worker';
import { recordHistoryIfAsked } from '../support/history-recording';
import { testReplayOptions } from '../support/test-temporal';
import { startLifecycleFixture, LifecycleFixture, TEST_FISCAL_YEARS, USERS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

/** The year's プラチナ市役所プロジェクト on the real servers: the PT, one proposal from draft to closed, and one withdrawn. */
describe('the Platinum project through the API', () => {
  let fx: LifecycleFixture;
  const year = TEST_FISCAL_YEARS.platinum;
  const api = `/api/v1/fiscal-years/${year}/platinum`;
  const proposal = (id: number) => `${api}/proposals/${id}`;
  const PROPOSAL = {
    title: '補助金交付申請の押印の廃止',
    issue: '補助金の交付申請に押印を求めており、電子申請ができない',
    rules: '北九州市補助金等交付規則 第5条',
    proposal: '押印欄を削り、電子申請を可能にする',
    effects: '申請者の来庁が年約3,000件減る（「見込み」）',
    relatedClusterNos: [27],
  };

  beforeAll(async () => {
    fx = await startLifecycleFixture(year);
  });
  afterAll(async () => {
    for (const id of ['', '/1', '/2', '/3']) await fx?.temporal.workflow.getHandle(`platinum/${year}${id}`).terminate('test finished').catch(() => undefined);
    await fx?.close();
  });

  async function expectReadModelAgrees(id: number): Promise<void> {
    const workflowState = await fx.temporal.workflow.getHandle(`platinum/${year}/${id}`).query(getProcessState);
    const { rows } = await fx.pg.query(`SELECT state, phase, last_event_seq FROM process_instances WHERE kind = 'platinum-proposal' AND fiscal_year = $1 AND key = $2`, [year, String(id)]);
    expect(rows[0].state).toEqual(workflowState);
    const audit = await fx.pg.query(`SELECT to_state FROM audit_events WHERE subject = $1 ORDER BY id`, [`platinum-proposal/${year}/${id}`]);
    expect(audit.rows).toHaveLength(rows[0].last_event_seq);
    expect(audit.rows[audit.rows.length - 1].to_state).toBe(rows[0].phase);
  }

  it('forms the PT: the reform office names members and a leader, sets deadlines and records the formation', async () => {
    const before = await fx.as('staff').get(api).expect(200);
    expect(before.body).toMatchObject({ started: false, phase: 'FORMING', phaseLabel: '結成前', members: [] });
    expectProblem(await fx.as('staff').post(`${api}/proposals`, PROPOSAL), 409, 'platinum.not-formed');
    expectProblem(await fx.as('staff').put(`${api}/members`, { members: ['staff'], leader: 'staff' }), 403, 'access.denied');
    expectProblem(await fx.as('office').put(`${api}/members`, { members: ['staff', 'nobody'], leader: 'staff' }), 400, 'request.invalid');

    // A deadline pegged to a meeting the year does not have is refused beside the field that names it.
    const noMeeting = expectProblem(await fx.as('office').put(`${api}/deadlines`, { deadlines: [{ target: 'proposals', meetingId: 'x9', leadBusinessDays: 5 }] }), 400, 'request.invalid');
    expect(noMeeting.fields).toEqual([{ field: 'deadlines.0.meetingId', problems: ['PTの提案の期限の基準となる会議（x9）がありません。会議を選び直してください'] }]);
    await fx.as('office').put(`${api}/deadlines`, { deadlines: [{ target: 'proposals', meetingId: 'x1', leadBusinessDays: 5 }, { target: 'decisions', date: `${year}-11-29` }] }).expect(200);
    const named = await fx.as('office').put(`${api}/members`, { members: ['staff', 'otherStaff', 'manager'], leader: 'manager' }).expect(200);
    expect(named.body.members.map((member: { username: string; name: string; leader: boolean }) => [member.username, member.name, member.leader])).toEqual([
      ['staff', USERS.staff.displayName, false],
      ['otherStaff', USERS.otherStaff.displayName, false],
      ['manager', USERS.manager.displayName, true],
    ]);
    const formed = await fx.as('office').post(`${api}/formation`, { date: `${year}-06-20` }).expect(200);
    expect(formed.body).toMatchObject({ phase: 'SURFACING', phaseLabel: '課題抽出', formation: { date: `${year}-06-20` } });
    expect(formed.body.deadlines.map((deadline: { target: string; label: string }) => [deadline.target, deadline.label])).toEqual([
      ['proposals', 'PTの提案'],
      ['decisions', '制度所管局の結論'],
    ]);
    expectProblem(await fx.as('office').post(`${api}/formation`, { date: `${year}-06-21` }), 409, 'platinum.already-formed');
    expect((await fx.as('staff').get(api).expect(200)).body.permitted).toMatchObject({ createProposal: true, setMembers: false });
    expect((await fx.as('director').get(api).expect(200)).body.permitted).toMatchObject({ createProposal: false });
  });

  it('takes a proposal from a PT member\'s draft through the leader, the owning bureau\'s decision and both directors\' policies, to 完了', async () => {
    expectProblem(await fx.as('director').post(`${api}/proposals`, PROPOSAL), 403, 'platinum.not-member');
    expectProblem(await fx.as('staff').post(`${api}/proposals`, { ...PROPOSAL, relatedClusterNos: [9999] }), 400, 'request.invalid');
    const created = await fx.as('staff').post(`${api}/proposals`, PROPOSAL).expect(201);
    expect(created.body).toMatchObject({ id: 1, phase: 'DRAFTING', title: PROPOSAL.title, content: { ...PROPOSAL } });
    const outsider = await fx.as('director').get(proposal(1)).expect(200);
    expect(outsider.body).toMatchObject({ title: null, content: null, proposalRestricted: true });

    await fx.as('staff').post(`${proposal(1)}/submit`).expect(200);
    expectProblem(await fx.as('director').post(`${proposal(1)}/approve`, {}), 403, 'step.not-yours');
    expectProblem(await fx.as('manager').post(`${proposal(1)}/delegate`, { delegateTo: 'manager2' }), 400, 'delegate.invalid');
    await fx.as('manager').post(`${proposal(1)}/return`, { comment: '効果を数字で' }).expect(200);
    await fx.as('otherStaff').put(proposal(1), { ...PROPOSAL, effects: '来庁が年3,000件、郵送が年1,200件減る' }).set('If-Match', '"1"').expect(200);
    await fx.as('otherStaff').post(`${proposal(1)}/submit`).expect(200);
    const approved = await fx.as('manager').post(`${proposal(1)}/approve`, { comment: 'リーダー了' }).expect(200);
    expect(approved.body).toMatchObject({ phase: 'SUBMITTED', phaseLabel: '提出済' });
    expect((await fx.as('director').get(proposal(1)).expect(200)).body).toMatchObject({ title: PROPOSAL.title, proposalRestricted: false });
    await expectReadModelAgrees(1);

    expectProblem(await fx.as('staff').put(`${proposal(1)}/decision`, { outcome: 'adopt', reasons: 'x', changes: '', changeBy: '' }), 409, 'proposal.not-assigned');
    const assigned = await fx.as('office').post(`${proposal(1)}/assign`, { owningBureau: 'kodomo', concernedBureaus: ['kodomo', 'kankyo'] }).expect(200);
    expect(assigned.body).toMatchObject({ phase: 'BUREAU_REVIEW', owningBureau: { code: 'kodomo', name: '子ども家庭局' } });
    expect(assigned.body.owed).toEqual([expect.objectContaining({ who: '子ども家庭局の担当職員', deadline: expect.objectContaining({ target: 'decisions', dueDate: `${year}-11-29` }) })]);

    expectProblem(await fx.as('staff').put(`${proposal(1)}/decision`, { outcome: 'adopt', reasons: '支障なし', changes: '', changeBy: '' }), 403, 'document.not-drafter');
    await fx.as('otherStaff').put(`${proposal(1)}/decision`, { outcome: 'adopt-in-part', reasons: '法令上の根拠がない部分は廃止', changes: '規則第5条の押印欄を削る', changeBy: `令和${year - 2018 + 1}年4月1日` }).expect(200);
    await fx.as('otherStaff').post(`${proposal(1)}/decision/submit`).expect(200);
    await fx.as('otherManager').post(`${proposal(1)}/decision/approve`, {}).expect(200);
    const decided = await fx.as('otherDirector').post(`${proposal(1)}/decision/approve`, {}).expect(200);
    expect(decided.body).toMatchObject({ phase: 'RESPONSE_POLICY', decisionOutcome: 'adopt-in-part', decisionOutcomeLabel: '一部採用', decision: { reasons: '法令上の根拠がない部分は廃止' } });
    expect(decided.body.pendingPolicies.map((bureau: { code: string }) => bureau.code)).toEqual(['kodomo', 'kankyo']);

    const directorTasks = (await fx.as('director').get('/api/v1/me/process-tasks').expect(200)).body;
    expect(directorTasks.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'platinum-proposal', subject: `プラチナ市役所プロジェクトの提案 No.1「${PROPOSAL.title}」`, what: '環境局の対応方針' })]),
    );
    expectProblem(await fx.as('director').put(`${proposal(1)}/policies/kodomo`, { text: '代わりに述べる' }), 403, 'proposal.not-concerned');
    await fx.as('otherDirector').put(`${proposal(1)}/policies/kodomo`, { text: '子ども家庭局の様式も同時に押印を廃止する' }).expect(200);
    const closed = await fx.as('director').put(`${proposal(1)}/policies/kankyo`, { text: '環境局所管の補助金も同様に見直す' }).expect(200);
    expect(closed.body).toMatchObject({ phase: 'CLOSED', phaseLabel: '完了', pendingPolicies: [], owed: [] });
    expect(closed.body.policies.map((policy: { bureau: { code: string }; text: string }) => [policy.bureau.code, policy.text])).toEqual([
      ['kodomo', '子ども家庭局の様式も同時に押印を廃止する'],
      ['kankyo', '環境局所管の補助金も同様に見直す'],
    ]);
    expectProblem(await fx.as('office').post(`${proposal(1)}/withdraw`, { reason: '遅すぎる' }), 409, 'proposal.closed');
    await expectReadModelAgrees(1);
    const cluster = await fx.as('otherStaff').get(fx.base(27)).expect(200);
    expect(cluster.body.linkedProposals).toEqual([{ id: 1, title: PROPOSAL.title, phase: 'CLOSED', phaseLabel: '完了' }]);
  });

  it('lets the reform office withdraw a proposal with a reason, and counts and filters the year\'s proposals', async () => {
    await fx.as('manager').post(`${api}/proposals`, { ...PROPOSAL, title: '出張旅費の事前申請の簡素化', relatedClusterNos: [] }).expect(201);
    expectProblem(await fx.as('office').post(`${proposal(2)}/withdraw`, { reason: ' ' }), 400, 'request.invalid');
    const withdrawn = await fx.as('office').post(`${proposal(2)}/withdraw`, { reason: '他の提案と重複' }).expect(200);
    expect(withdrawn.body).toMatchObject({ phase: 'WITHDRAWN', withdrawal: { reason: '他の提案と重複' } });

    const project = await fx.as('director').get(api).expect(200);
    const counts = Object.fromEntries(project.body.countsByPhase.map((count: { key: string; count: number }) => [count.key, count.count]));
    expect(counts).toMatchObject({ CLOSED: 1, WITHDRAWN: 1, DRAFTING: 0 });
    expect(project.body.countsByDecision).toEqual(expect.arrayContaining([{ key: 'adopt-in-part', label: '一部採用', count: 1 }, { key: null, label: '未決', count: 1 }]));

    const byCluster = await fx.as('director').get(`${api}/proposals?cluster=27`).expect(200);
    expect(byCluster.body.items.map((item: { id: number }) => item.id)).toEqual([1]);
    const byDecision = await fx.as('director').get(`${api}/proposals?decision=adopt-in-part&bureau=kodomo`).expect(200);
    expect(byDecision.body).toMatchObject({ total: 1, items: [{ id: 1, owningBureau: { code: 'kodomo' } }] });
    expectProblem(await fx.as('director').get(`${api}/proposals?phase=SOMETHING`), 400, 'request.invalid');
    expectProblem(await fx.as('director').get(proposal(99)), 404, 'proposal.unknown');
  });

  it('offers the decision\'s current step to the other holders of its role, hands it on, and returns it to the role\'s holders when the delegate loses the role', async () => {
    await fx.as('staff').post(`${api}/proposals`, { ...PROPOSAL, title: '公用車予約の電子化', relatedClusterNos: [] }).expect(201);
    await fx.as('staff').post(`${proposal(3)}/submit`).expect(200);
    await fx.as('manager').post(`${proposal(3)}/approve`, {}).expect(200);
    await fx.as('office').post(`${proposal(3)}/assign`, { owningBureau: 'kankyo', concernedBureaus: ['kankyo'] }).expect(200);
    expectProblem(await fx.as('manager').get(`${proposal(3)}/decision/delegates`), 409, 'document.not-in-approval');
    await fx.as('staff2').put(`${proposal(3)}/decision`, { outcome: 'adopt', reasons: '支障なし', changes: '予約システムを導入', changeBy: '年度内' }).expect(200);
    await fx.as('staff2').post(`${proposal(3)}/decision/submit`).expect(200);
    const candidates = await fx.as('manager').get(`${proposal(3)}/decision/delegates`).expect(200);
    expect(candidates.body.map((candidate: { username: string }) => candidate.username).sort()).toEqual(['manager2', 'staffAndManager']);
    expectProblem(await fx.as('director').get(`${proposal(3)}/decision/delegates`), 403, 'step.not-yours');
    expectProblem(await fx.as('otherManager').get(`${proposal(3)}/decision/delegates`), 403, 'step.not-yours');
    expectProblem(await fx.as('staff').get(`${proposal(3)}/decision/delegates`), 403, 'access.denied');
    const delegated = await fx.as('manager').post(`${proposal(3)}/decision/delegate`, { delegateTo: 'manager2' }).expect(200);
    expect(delegated.body.decisionDocument.submission.steps[0].delegatedTo).toMatchObject({ name: USERS.manager2.displayName });

    const users = await fx.as('admin').get('/api/v1/users?pageSize=200').expect(200);
    const deputy = users.body.items.find((user: { username: string }) => user.username === 'manager2');
    await fx.as('admin').patch(`/api/v1/users/${deputy.id}`, { roles: ['staff'] }).expect(200);
    const released = await fx.as('manager').get(proposal(3)).expect(200);
    expect(released.body.decisionDocument.submission.steps[0].delegatedTo).toBeNull();
    expect(released.body.permitted.approveDecision).toBe(true);
    const history = await fx.as('office').get(`${proposal(3)}/history?pageSize=50`).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'release-delegation', actionLabel: '代理の解除' });
    await fx.temporal.workflow.getHandle(`platinum/${year}/3`).terminate('test finished');
  });

  it('keeps every act of a proposal in its history, comments only for those who may read them', async () => {
    const history = await fx.as('office').get(`${proposal(1)}/history?pageSize=50`).expect(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'start',
      'save-proposal',
      'submit-proposal',
      'return-proposal',
      'save-proposal',
      'submit-proposal',
      'approve-proposal',
      'assign',
      'save-decision',
      'submit-decision',
      'approve-decision',
      'approve-decision',
      'state-policy',
      'state-policy',
    ]);
    expect(history.body.items.find((entry: { action: string }) => entry.action === 'return-proposal').comment).toBe('効果を数字で');
    const outsider = await fx.as('otherManager').get(`${proposal(1)}/history?pageSize=50`).expect(200);
    expect(outsider.body.items.every((entry: { comment: string | null }) => entry.comment === null)).toBe(true);
  });

  it('pages what the caller owes, each page in the order of the whole', async () => {
    for (const title of ['会議資料のペーパーレス化', '庁内照会の一元化', '押印欄の削除']) {
      await fx.as('manager').post(`${api}/proposals`, { ...PROPOSAL, title, relatedClusterNos: [] }).expect(201);
    }
    const whole = (await fx.as('manager').get('/api/v1/me/process-tasks').expect(200)).body;
    expect(whole).toMatchObject({ page: 1, pageSize: 50, total: whole.items.length });
    expect(whole.items.filter((task: { what: string }) => task.what === '提案の作成・提出')).toHaveLength(3);
    const pages = [];
    for (let page = 1; page <= Math.ceil(whole.total / 2); page += 1) {
      pages.push((await fx.as('manager').get(`/api/v1/me/process-tasks?page=${page}&pageSize=2`).expect(200)).body);
    }
    expect(pages.map((page) => [page.items.length, page.total])).toEqual(pages.map((_, index) => [Math.min(2, whole.total - index * 2), whole.total]));
    expect(pages.flatMap((page) => page.items)).toEqual(whole.items);
    expectProblem(await fx.as('manager').get('/api/v1/me/process-tasks?pageSize=0'), 400, 'request.invalid');
  });

  it.each([
    ['the project', '', 'platinum-project-formed'],
    ['a proposal walked to 完了', '/1', 'platinum-proposal-every-action'],
  ])('replays the history of %s against today\'s workflow code', async (_, suffix, name) => {
    const workflowId = `platinum/${year}${suffix}`;
    const history = await fx.temporal.workflow.getHandle(workflowId).fetchHistory();
    await recordHistoryIfAsked(fx.temporal, workflowId, name);
    await expect(Worker.runReplayHistory(testReplayOptions(), history)).resolves.toBeUndefined();
  });
});
