import { toTokyoIsoString } from '@app/domain';
import { clusterWorkflowId } from '@app/temporal';
import { getProcessState } from '@app/workflows';
import { hostname } from 'node:os';
import request from 'supertest';
import { TEST_ADMIN_PASSWORD } from '../support/api-harness';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { AuthenticatedHttp, httpClient } from '../support/http-client';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName, USERS } from '../support/lifecycle-fixture';
import { NotificationReceivers, startNotificationReceivers } from '../support/notification-receivers';
import { expectProblem } from '../support/problem-details';
import { auditTrail, expectNothingLeftHanging, expectReadModelAgrees } from '../support/read-model-checks';
import { eventually } from '../support/worker-harness';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';
import { actedOnEverythingDueBy } from '../support/workflow-progress';

const FY = TEST_FISCAL_YEARS.scaleOut;
/** Clusters that go through a whole interim report cycle, with a retried submission and a raced approval each. */
const CYCLED = [1, 2, 3, 4, 5, 6, 7, 8];
/** Clusters kicked off and then left alone: their timers remind the drafters and escalate the lateness. */
const IDLE = [9, 10, 11];
/** Kicked off by two people at once, one through each API. */
const RACED_KICKOFF = 12;
/** Kicked off with one Idempotency-Key sent to both APIs at once. */
const RETRIED_KICKOFF = 14;
const ALL_CLUSTERS = [...CYCLED, ...IDLE, RACED_KICKOFF, RETRIED_KICKOFF];
/** The interim report falls due this long after the year's deadlines are set; a reminder goes out at kickoff and another 8 s before it. */
const DUE_IN_MS = 20_000;
const REMINDER_OFFSETS = ['P1D', 'PT8S'];
const LAST_REMINDER_MS = 8_000;
const KICKOFF = { meetingDate: `${FY}-06-04`, attendees: ['環境局 総務課長'] };
const BUREAU_USERS = {
  kankyo: { drafter: 'staff', managers: ['manager', 'manager2'], director: 'director', office: 'office' },
  kodomo: { drafter: 'otherStaff', managers: ['otherManager'], director: 'otherDirector', office: 'office2' },
} as const;

/**
 * The production shape: any number of API and worker processes on one Temporal and one PostgreSQL.
 * Two API processes and two worker processes share the run's servers and one task queue; concurrent
 * kickoffs, report cycles and X-policy approvals go through both APIs, alternating request by
 * request, with races and retries across them. Every accepted action lands once in the audit trail,
 * every notification once in each inbox, mailbox and webhook, the reminders and escalations fire once
 * on their timers while both workers poll, the read model says what each workflow holds, and the
 * histories show that both workers did the work.
 */
describe('two APIs and two workers on one Temporal and one PostgreSQL', () => {
  let fx: LifecycleFixture;
  let receivers: NotificationReceivers;
  let apis: ApiProcess[] = [];
  let workers: WorkerProcess[] = [];
  const tokens = {} as Record<TestUserName, string>;
  const as = (api: ApiProcess, user: TestUserName | null): AuthenticatedHttp => httpClient(api.url, user ? tokens[user] : null);
  const year = `/api/v1/fiscal-years/${FY}`;
  const cluster = (no: number) => `${year}/clusters/${no}`;

  beforeAll(async () => {
    receivers = await startNotificationReceivers();
    fx = await startLifecycleFixture(FY, {}, { inProcessWorker: false });
    await fx.pg.query(`UPDATE users SET email = username || '@city.example.jp'`);
    for (const no of ALL_CLUSTERS) await fx.assignCluster(no);
    const where = { databaseUrl: fx.databaseUrl, temporalAddress: fx.temporalSettings.address, taskQueue: fx.taskQueue };
    [apis, workers] = await Promise.all([
      Promise.all([startApiProcess(where), startApiProcess(where)]),
      Promise.all([startWorkerProcess({ ...where, environment: receivers.workerEnvironment }), startWorkerProcess({ ...where, environment: receivers.workerEnvironment })]),
    ]);
    // From here on only the two API processes answer.
    await fx.closeApi();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((app) => app.stop()));
    if (fx) {
      // Nothing else will drive them; ending them keeps the shared server tidy.
      for await (const running of fx.temporal.workflow.list({ query: `TaskQueue = '${fx.taskQueue}' AND ExecutionStatus = 'Running'` })) {
        await fx.temporal.workflow.getHandle(running.workflowId).terminate('test finished').catch(() => undefined);
      }
      await fx.close();
    }
    await receivers?.close();
  });

  it('signs people in on either API: a token from one is good at the other, and a logout or a lockout on one holds on both', async () => {
    const users = [...(Object.keys(USERS) as (keyof typeof USERS)[]), 'admin' as const];
    await Promise.all(
      users.map(async (username, index) => {
        const password = username === 'admin' ? TEST_ADMIN_PASSWORD : 'password-1234';
        const answer = await as(apis[index % 2], null).post('/api/v1/auth/login', { username, password }).expect(200);
        tokens[username] = answer.body.accessToken;
      }),
    );
    const [a, b] = apis;
    // Each sees the one database, the one Temporal and a worker polling the task queue.
    for (const api of apis) await as(api, null).get('/api/v1/health').expect(200);
    await as(b, 'admin').get('/api/v1/me').expect(200);

    const { body: session } = await as(a, null).post('/api/v1/auth/login', { username: 'staffAndManager', password: 'password-1234' }).expect(200);
    await httpClient(b.url, session.accessToken).get('/api/v1/me').expect(200);
    await httpClient(b.url, session.accessToken).post('/api/v1/auth/logout').expect(204);
    expectProblem(await httpClient(a.url, session.accessToken).get('/api/v1/me'), 401, 'auth.required');

    // Failures are counted in PostgreSQL, whichever API they reach: the fifth in a row locks the username on both.
    const failedLogin = (api: ApiProcess) => as(api, null).post('/api/v1/auth/login', { username: 'no-such-user', password: 'wrong-password' });
    for (let attempt = 0; attempt < 4; attempt++) expectProblem(await failedLogin(apis[attempt % 2]), 401, 'auth.login-failed');
    for (const api of [a, b, a]) expectProblem(await failedLogin(api), 429, 'auth.locked');
  });

  it('drives concurrent actions through both APIs while both workers poll, and every effect lands exactly once', async () => {
    const [a, b] = apis;
    const due = new Date(Math.ceil((Date.now() + DUE_IN_MS) / 1000) * 1000);
    const tokyo = toTokyoIsoString(due);
    const settings = (await as(b, 'office').get(`${year}/calendar-settings`).expect(200)).body;
    await as(a, 'office')
      .put(`${year}/calendar-settings`, { ...settings, deadlines: [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 0 }], reminderOffsets: REMINDER_OFFSETS, digestLeadBusinessDays: 0, dueTime: tokyo.slice(11, 19) })
      .expect(200);
    await as(b, 'office2').patch(`${year}/meetings/x1`, { date: { kind: 'exact', date: tokyo.slice(0, 10) } }).expect(200);
    await as(a, 'office')
      .put(`${year}/x-policy-settings`, { items: [{ id: 'rules', question: '押印・書面・来庁を求める手続はいくつありますか' }], deadlines: [{ target: 'plan', meetingId: 'x2', leadBusinessDays: 5 }] })
      .expect(200);

    // The idle clusters first, so that their last reminder is still ahead on a timer.
    await Promise.all(IDLE.map((no, index) => as(apis[index % 2], 'office').post(`${cluster(no)}/kickoff`, KICKOFF).expect(201)));
    expect(Date.now()).toBeLessThan(due.getTime() - LAST_REMINDER_MS);

    await Promise.all([
      ...CYCLED.map(async (no) => {
        await as(apis[no % 2], 'office').post(`${cluster(no)}/kickoff`, KICKOFF).expect(201);
        await reportCycle(no);
      }),
      racedKickoff(),
      retriedKickoff(),
      startXPolicies().then(() => Promise.all([xPolicyCycle('kankyo'), xPolicyCycle('kodomo')])),
    ]);

    // The reminders and escalations due by the deadline have fired and been acted on, on every cluster still owing its report.
    for (const no of [...IDLE, RACED_KICKOFF, RETRIED_KICKOFF]) await actedOnEverythingDueBy(fx.temporal, clusterWorkflowId(FY, no), due.getTime(), due.getTime() - Date.now() + 30_000);

    // Every accepted action is in the audit trail once, and the read model says what each workflow holds.
    const cycle = ['kickoff', 'save-draft interim', 'submit interim', 'approve interim', 'approve interim', 'approve interim'];
    for (const no of CYCLED) expect(await auditTrail(fx, no)).toEqual(cycle);
    for (const no of [...IDLE, RACED_KICKOFF, RETRIED_KICKOFF]) expect(await auditTrail(fx, no)).toEqual(['kickoff']);
    for (const no of ALL_CLUSTERS) await expectReadModelAgrees(fx, no);
    for (const bureau of ['kankyo', 'kodomo']) {
      const { rows } = await fx.pg.query(`SELECT action FROM audit_events WHERE subject = $1 ORDER BY id`, [`x-policy/${FY}/${bureau}`]);
      expect(rows.map((row) => row.action)).toEqual(['start', 'save-self-inspection', 'save-issues', 'submit', 'approve', 'approve', 'publish']);
      await expectProcessReadModelAgrees(bureau);
    }
    await expectNothingLeftHanging(fx);

    // Each idle cluster reminded its three drafters twice (at kickoff, and on its timer) and escalated to the director and the reform office once.
    for (const no of IDLE) {
      const { rows } = await fx.pg.query<{ kind: string; username: string }>(
        `SELECT n.kind, u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.fiscal_year = $1 AND n.cluster_no = $2 ORDER BY 1, 2`,
        [FY, no],
      );
      expect(rows.map((row) => `${row.kind} ${row.username}`)).toEqual([
        'escalation director',
        'escalation office',
        'escalation office2',
        ...['staff', 'staff2', 'staffAndManager'].flatMap((drafter) => [`reminder ${drafter}`, `reminder ${drafter}`]),
      ]);
    }
    // Every notification, whichever worker sent it, was mailed once to each recipient and called out once.
    const inbox = await eventually(async () => {
      const { rows } = await fx.pg.query<{ notification_key: string; email: string }>(`SELECT n.notification_key, u.email FROM notifications n JOIN users u ON u.id = n.user_id`);
      const deliveries = await fx.pg.query<{ status: string }>(`SELECT status FROM notification_deliveries`);
      expect(deliveries.rows.map((row) => row.status)).toEqual(Array(rows.length + new Set(rows.map((row) => row.notification_key)).size).fill('delivered'));
      return rows;
    }, 30_000);
    expect(receivers.mails.flatMap((mail) => mail.to.map((to) => `${mail.notificationId} ${to}`)).sort()).toEqual(inbox.map((row) => `${row.notification_key} ${row.email}`).sort());
    expect(receivers.hooks.map((hook) => String(hook.headers['x-reform-notification-id'])).sort()).toEqual([...new Set(inbox.map((row) => row.notification_key))].sort());

    // Both workers did the work: each ran workflow tasks and activities; and each API started analyses.
    const work = await workOnTheTaskQueue();
    const workerIdentities = workers.map((worker) => worker.identity).sort();
    expect(new Set(workerIdentities).size).toBe(2);
    expect([...work.workflowTasks.keys()].sort()).toEqual(workerIdentities);
    expect([...work.activities.keys()].sort()).toEqual(workerIdentities);
    expect([...work.clusterStarters].sort()).toEqual(apis.map((api) => `${api.pid}@${hostname()}`).sort());
  }, 120_000);

  /** Save, submit, approve along the chain, each request through the other API than the one before. */
  async function reportCycle(no: number): Promise<void> {
    const report = `${cluster(no)}/reports/interim`;
    const [first, second] = no % 2 ? [apis[0], apis[1]] : [apis[1], apis[0]];
    await as(first, 'staff').put(report, { title: `経過報告 No.${no}`, body: '委託範囲の見直しを提案する。' }).expect(200);
    const submit = (api: ApiProcess) => as(api, 'staff').post(`${report}/submit`).set('Idempotency-Key', `submit-${FY}-${no}`);
    expectOneEffect(await Promise.all([submit(first), submit(second)]), 200);
    await racedApproval(report, [as(second, 'manager'), as(first, 'manager2')]);
    await as(first, 'director').post(`${report}/approve`, { comment: '局長了' }).expect(200);
    await as(second, 'office').post(`${report}/approve`, {}).expect(200);
    // Sent again later through either API, the submission answers from its stored answer and acts no more.
    for (const api of [first, second]) expect((await submit(api).expect(200)).headers['idempotent-replayed']).toBe('true');
  }

  async function racedKickoff(): Promise<void> {
    const answers = await Promise.all([as(apis[0], 'office'), as(apis[1], 'office2')].map((http) => http.post(`${cluster(RACED_KICKOFF)}/kickoff`, KICKOFF)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expectProblem(answers.find((answer) => answer.status === 409)!, 409, 'cluster.already-started');
  }

  async function retriedKickoff(): Promise<void> {
    const kickoff = (api: ApiProcess) => as(api, 'office').post(`${cluster(RETRIED_KICKOFF)}/kickoff`, KICKOFF).set('Idempotency-Key', `kickoff-${FY}-${RETRIED_KICKOFF}`);
    expectOneEffect(await Promise.all(apis.map(kickoff)), 201);
    for (const api of apis) expect((await kickoff(api).expect(201)).headers['idempotent-replayed']).toBe('true');
  }

  /** Both APIs asked at once to start every bureau's X policy: each bureau is started once, by one of them. */
  async function startXPolicies(): Promise<void> {
    const answers = await Promise.all(apis.map((api) => as(api, 'office').post(`${year}/x-policies/start`, {}).expect(200)));
    const started = answers.flatMap((answer) => answer.body.started as string[]);
    expect(started.sort()).toEqual(['kankyo', 'kodomo']);
    for (const answer of answers) expect([...answer.body.started, ...answer.body.existing].sort()).toEqual(['kankyo', 'kodomo']);
  }

  async function xPolicyCycle(bureau: keyof typeof BUREAU_USERS): Promise<void> {
    const users = BUREAU_USERS[bureau];
    const plan = `${year}/x-policies/${bureau}`;
    const [first, second] = bureau === 'kankyo' ? [apis[0], apis[1]] : [apis[1], apis[0]];
    await as(first, users.drafter).put(`${plan}/self-inspection`, { answers: [{ itemId: 'rules', answer: '押印を求める手続が12件ある。' }] }).expect(200);
    const issues = [{ id: 'seal-free', title: '押印の廃止', response: '規則を改正する', schedule: '年度内', clusterNos: [] }];
    await as(second, users.drafter).put(`${plan}/issues`, { issues }).expect(200);
    await as(first, users.drafter).post(`${plan}/submit`).expect(200);
    if (users.managers.length === 2) await racedApproval(plan, [as(second, users.managers[0]), as(first, users.managers[1])]);
    else await as(second, users.managers[0]).post(`${plan}/approve`, {}).expect(200);
    await as(first, users.director).post(`${plan}/approve`, {}).expect(200);
    const published = await as(second, users.office).post(`${plan}/approve`, {}).expect(200);
    expect(published.body.phase).toBe('PUBLISHED');
  }

  /** Two holders of one step approve it at once, one through each API: exactly one decides it, the other gets 409. */
  async function racedApproval(path: string, approvers: AuthenticatedHttp[]): Promise<void> {
    const answers = await Promise.all(approvers.map((http) => http.post(`${path}/approve`, { comment: null })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expectProblem(answers.find((answer) => answer.status === 409)!, 409, 'step.already-decided');
  }

  async function expectProcessReadModelAgrees(bureau: string): Promise<void> {
    const state = await fx.temporal.workflow.getHandle(`x-policy/${FY}/${bureau}`).query(getProcessState);
    const { rows } = await fx.pg.query(`SELECT state, phase, last_event_seq FROM process_instances WHERE kind = 'x-policy' AND fiscal_year = $1 AND key = $2`, [FY, bureau]);
    expect(rows[0].state).toEqual(state);
    const audit = await fx.pg.query(`SELECT to_state FROM audit_events WHERE subject = $1 ORDER BY id`, [`x-policy/${FY}/${bureau}`]);
    expect(audit.rows).toHaveLength(rows[0].last_event_seq);
    expect(audit.rows[audit.rows.length - 1].to_state).toBe(rows[0].phase);
  }

  /** Who ran the workflow tasks and activities of every workflow on the task queue, and who started the analyses. */
  async function workOnTheTaskQueue() {
    const workflowTasks = new Map<string, number>();
    const activities = new Map<string, number>();
    const clusterStarters = new Set<string>();
    const count = (tally: Map<string, number>, identity: string | null | undefined) => tally.set(identity ?? '', (tally.get(identity ?? '') ?? 0) + 1);
    for await (const execution of fx.temporal.workflow.list({ query: `TaskQueue = '${fx.taskQueue}'` })) {
      const { events } = await fx.temporal.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
      for (const event of events ?? []) {
        if (event.workflowTaskCompletedEventAttributes) count(workflowTasks, event.workflowTaskCompletedEventAttributes.identity);
        if (event.activityTaskStartedEventAttributes) count(activities, event.activityTaskStartedEventAttributes.identity);
        if (event.workflowExecutionStartedEventAttributes && execution.workflowId.startsWith(`cluster/${FY}/`)) clusterStarters.add(event.workflowExecutionStartedEventAttributes.identity ?? '');
      }
    }
    return { workflowTasks, activities, clusterStarters };
  }
});

/** The same request sent to both APIs at once under one Idempotency-Key: one acts, the other answers the same or is told to come back. */
function expectOneEffect(answers: request.Response[], status: number): void {
  const acted = answers.filter((answer) => answer.status === status && answer.headers['idempotent-replayed'] !== 'true');
  expect(acted).toHaveLength(1);
  for (const other of answers.filter((answer) => !acted.includes(answer))) {
    if (other.status === 409) expectProblem(other, 409, 'idempotency.in-progress');
    else expect([other.status, other.headers['idempotent-replayed']]).toEqual([status, 'true']);
  }
}
