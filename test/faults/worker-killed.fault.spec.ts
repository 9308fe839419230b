import { toTokyoIsoString } from '@app/domain';
import { backendsGone, holdClusterRow, projectionsWaiting } from '../support/fault-injection';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { NotificationReceivers, startNotificationReceivers } from '../support/notification-receivers';
import { expectUnavailable, retryWhileRefused, timed } from '../support/outage-answers';
import { auditTrail, expectNothingLeftHanging, expectReadModelAgrees, reportVersions } from '../support/read-model-checks';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/worker-harness';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

const FY = TEST_FISCAL_YEARS.workerKilled;
/** How long an action waits on Temporal before 503 (15 s in production). */
const DEADLINE_MS = 4_000;
/** A 503 comes when the deadline has passed, not when the outage ends: a little after it at most. */
const ANSWERED_WITHIN_MS = DEADLINE_MS + 3_000;
const draft = (title: string) => ({ title, body: `${title}の本文。委託範囲の見直しを提案する。` });

/**
 * The worker is killed outright (SIGKILL, no shutdown) at several points of a report cycle: with no
 * request in flight, while a save, a submission and an approval wait for the API to record them (they
 * need no worker by then), while a withdrawal (which closes its analysis, so the workflow records it)
 * waits for its projection, and after another withdrawal's projection was committed but before the
 * worker could tell Temporal. Requests meanwhile get 503 in time; their
 * retries with the same Idempotency-Key act once; the trail, the read model and the notifications
 * show every accepted action exactly once.
 */
describe('the worker killed during a report cycle', () => {
  let fx: LifecycleFixture;
  let receivers: NotificationReceivers;
  let proxy: TcpProxy;
  let worker: WorkerProcess | undefined;
  const reports = (no: number) => `${fx.base(no)}/reports/interim`;
  const startWorker = async () => {
    worker = await startWorkerProcess({ databaseUrl: fx.databaseUrl, temporalAddress: proxy.address, taskQueue: fx.taskQueue, environment: receivers.workerEnvironment });
  };

  beforeAll(async () => {
    receivers = await startNotificationReceivers();
    fx = await startLifecycleFixture(FY, {}, { inProcessWorker: false, temporalRequestTimeoutMs: DEADLINE_MS });
    proxy = await startTcpProxy(fx.temporalSettings.address);
    await fx.pg.query(`UPDATE users SET email = username || '@city.example.jp'`);
    await startWorker();
    // The interim report falls due in two hours and its reminder a day before: due now, sent at kickoff.
    const due = toTokyoIsoString(new Date(Date.now() + 2 * 3600_000));
    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${FY}/calendar-settings`).expect(200)).body;
    const deadlines = [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 0 }];
    await fx.as('office').put(`/api/v1/fiscal-years/${FY}/calendar-settings`, { ...settings, deadlines, reminderOffsets: ['P1D'], digestLeadBusinessDays: 0, dueTime: due.slice(11, 19) }).expect(200);
    await fx.as('office').patch(`/api/v1/fiscal-years/${FY}/meetings/x1`, { date: { kind: 'exact', date: due.slice(0, 10) } }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    await fx?.close();
    await proxy?.close();
    await receivers?.close();
  });

  const deliveredAll = (count: number) =>
    eventually(async () => {
      const { rows } = await fx.pg.query(`SELECT status FROM notification_deliveries`);
      expect(rows.map((row) => row.status)).toEqual(Array(count).fill('delivered'));
    }, 30_000);

  it('answers 503 in time while it is gone, acts once on each retry, and leaves the trail, the read model and the notifications exact', async () => {
    for (const no of [27, 28]) {
      await fx.assignCluster(no);
      await fx.kickoff(no);
      await fx.as('staff').put(reports(no), draft('経過報告（案）')).expect(200);
    }
    // The reminders (inbox, an e-mail to each of the bureau's three drafters and a webhook call each)
    // are out before a kill: an e-mail sent by a worker killed before it could record so is sent again.
    await deliveredAll(8);

    // Killed with no request in flight: a submission and a kickoff sent meanwhile are answered 503, and act once when retried.
    await worker!.kill();
    await fx.assignCluster(29);
    const submit = () => fx.as('staff').post(`${reports(27)}/submit`).set('Idempotency-Key', 'submit-27');
    const kickoff = () => fx.as('office').post(`${fx.base(29)}/kickoff`, { meetingDate: `${FY}-06-04`, attendees: [] }).set('Idempotency-Key', 'kickoff-29');
    for (const answer of await Promise.all([timed(submit), timed(kickoff)])) expectUnavailable(answer, 'temporal.unavailable', ANSWERED_WITHIN_MS);
    await startWorker();
    expect((await retryWhileRefused(submit, ['temporal.unavailable'], ANSWERED_WITHIN_MS)).response.status).toBe(200);
    expect((await retryWhileRefused(kickoff, ['temporal.unavailable'], ANSWERED_WITHIN_MS)).response.status).toBe(201);
    await deliveredAll(12);
    await fx.assignCluster(30);
    await fx.kickoff(30);
    await deliveredAll(16);

    // Killed while a save of No.28, taken by its workflow, waits for the API to record it: a save
    // needs no worker after that, so it is answered and recorded once.
    const row28 = await holdClusterRow(fx.databaseUrl, FY, 28);
    const save28 = () => fx.as('staff').put(reports(28), draft('経過報告（改訂）')).set('Idempotency-Key', 'save-28-v2');
    const saving = timed(save28);
    await projectionsWaiting(fx, 1);
    await worker!.kill();
    await row28.release();
    const savedWhileGone = await saving;
    expect(savedWhileGone.response.status).toBe(200);
    expect(savedWhileGone.response.body.reports[0].latest).toMatchObject({ version: 2, title: '経過報告（改訂）' });
    expect(await reportVersions(fx, 28, 'interim')).toEqual(['1 経過報告（案）', '2 経過報告（改訂）']);
    await startWorker();

    // Killed while four actions are in flight. The approval of No.27 and the submission of No.28, taken
    // by their workflows, wait for the API to record them: answered once, with no worker. (Each workflow
    // waits for the killed worker's sticky queue to time out, 10 s, before the new worker takes its task:
    // the first tries answer 503, and a retry with the same key is answered by the Update.) The withdrawal
    // of No.29 closes its analysis, so its workflow records it: it waits for its projection. The
    // withdrawal of No.30 has been projected, but the worker's report of it to Temporal is held back.
    const held = await Promise.all([27, 28, 29, 30].map((no) => holdClusterRow(fx.databaseUrl, FY, no)));
    const approve27 = () => fx.as('manager').post(`${reports(27)}/approve`, { comment: '承認します' }).set('Idempotency-Key', 'approve-27');
    const submit28 = () => fx.as('staff').post(`${reports(28)}/submit`).set('Idempotency-Key', 'submit-28');
    const withdraw = (no: number) => () => fx.as('office').post(`${fx.base(no)}/withdraw`, { reason: '事業の統合' }).set('Idempotency-Key', `withdraw-${no}`);
    const recordedByTheApi = [approve27, submit28].map((send) => retryWhileRefused(send, ['temporal.unavailable'], ANSWERED_WITHIN_MS));
    const recordedByTheWorker = [timed(withdraw(29)), timed(withdraw(30))];
    await projectionsWaiting(fx, 4, 30_000);
    proxy.freeze();
    await held[3].release();
    await eventually(async () => expect(await auditTrail(fx, 30)).toEqual(['kickoff', 'withdraw']));
    await worker!.kill();
    proxy.cut();
    for (const row of held.slice(0, 2)) await row.release();
    const [approvedWhileGone, submittedWhileGone] = await Promise.all(recordedByTheApi);
    const killedWorkersProjection = await projectionsWaiting(fx, 1);
    await held[2].release();
    await backendsGone(fx, killedWorkersProjection);
    expect(approvedWhileGone.response.status).toBe(200);
    expect(approvedWhileGone.response.body.reports[0].submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'pending', 'waiting']);
    expect(submittedWhileGone.response.status).toBe(200);
    expect(submittedWhileGone.response.body.reports[0]).toMatchObject({ status: 'IN_APPROVAL', submission: { version: 2 } });
    // The killed worker's withdrawal of No.29 never reached the read model; No.30's did, once.
    expect(await auditTrail(fx, 29)).toEqual(['kickoff']);
    for (const answer of await Promise.all(recordedByTheWorker)) expectUnavailable(answer, 'temporal.unavailable', ANSWERED_WITHIN_MS);

    await startWorker();
    // Temporal gives a killed worker's activity to another once its start-to-close timeout (30 s) has passed.
    for (const withdrawal of await Promise.all([29, 30].map((no) => retryWhileRefused(withdraw(no), ['temporal.unavailable'], ANSWERED_WITHIN_MS)))) {
      expect(withdrawal.response.status).toBe(200);
      expect(withdrawal.response.body.stage).toBe('WITHDRAWN');
    }
    // Answered from the stored answer now, acting no more.
    for (const again of [approve27, submit28, save28, withdraw(29)]) expect((await again().expect(200)).headers['idempotent-replayed']).toBe('true');

    // The rest of the cycle runs as usual.
    for (const approver of ['manager', 'director', 'office'] as const) await fx.as(approver).post(`${reports(28)}/approve`).expect(200);
    for (const approver of ['director', 'office'] as const) await fx.as(approver).post(`${reports(27)}/approve`).expect(200);

    const approvals = ['approve interim', 'approve interim', 'approve interim'];
    expect(await auditTrail(fx, 27)).toEqual(['kickoff', 'save-draft interim', 'submit interim', ...approvals]);
    expect(await auditTrail(fx, 28)).toEqual(['kickoff', 'save-draft interim', 'save-draft interim', 'submit interim', ...approvals]);
    expect(await reportVersions(fx, 27, 'interim')).toEqual(['1 経過報告（案）']);
    expect(await reportVersions(fx, 28, 'interim')).toEqual(['1 経過報告（案）', '2 経過報告（改訂）']);
    for (const no of [29, 30]) expect(await auditTrail(fx, no)).toEqual(['kickoff', 'withdraw']);
    for (const no of [27, 28, 29, 30]) await expectReadModelAgrees(fx, no);
    await expectNothingLeftHanging(fx);

    // One reminder per cluster (No.29's and No.30's at their late kickoffs), in each drafter's inbox once, mailed once to each and called out once.
    const inbox = await fx.pg.query<{ notification_key: string; email: string }>(
      `SELECT n.notification_key, u.email FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.fiscal_year = $1 ORDER BY 1, 2`,
      [FY],
    );
    expect(inbox.rows.map((row) => `${row.notification_key.split('/').slice(0, 3).join('/')} ${row.email}`)).toEqual([
      `reminder/${FY}/27 staff2@city.example.jp`,
      `reminder/${FY}/27 staff@city.example.jp`,
      `reminder/${FY}/27 staffAndManager@city.example.jp`,
      `reminder/${FY}/28 staff2@city.example.jp`,
      `reminder/${FY}/28 staff@city.example.jp`,
      `reminder/${FY}/28 staffAndManager@city.example.jp`,
      `reminder/${FY}/29 staff2@city.example.jp`,
      `reminder/${FY}/29 staff@city.example.jp`,
      `reminder/${FY}/29 staffAndManager@city.example.jp`,
      `reminder/${FY}/30 staff2@city.example.jp`,
      `reminder/${FY}/30 staff@city.example.jp`,
      `reminder/${FY}/30 staffAndManager@city.example.jp`,
    ]);
    const mailed = receivers.mails.flatMap((mail) => mail.to.map((to) => `${mail.notificationId} ${to}`)).sort();
    expect(mailed).toEqual(inbox.rows.map((row) => `${row.notification_key} ${row.email}`));
    const called = receivers.hooks.map((hook) => String(hook.headers['x-reform-notification-id'])).sort();
    expect(called).toEqual([...new Set(inbox.rows.map((row) => row.notification_key))]);
  }, 150_000);
});
