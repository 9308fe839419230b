import { formatTokyoDateTime, toTokyoIsoString } from '@app/domain';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName } from '../support/lifecycle-fixture';
import { NotificationReceivers, startNotificationReceivers } from '../support/notification-receivers';
import { eventually } from '../support/worker-harness';
import { recordHistoryIfAsked } from '../support/history-recording';
import { actedOnEverythingDueBy, timerFiredSince } from '../support/workflow-progress';
import { calendarWorkflowId, clusterWorkflowId } from '@app/temporal';

interface InboxItem {
  id: string;
  kind: string;
  subject: string;
  body: string;
  fiscalYear: number | null;
  clusterNo: number | null;
  dueAt: string | null;
}

/**
 * The engine chases work on its own, on durable timers. Time is compressed by configuration, not by
 * waiting: each scenario puts its deadline a few seconds ahead (the meeting on that Tokyo day, the
 * due time at that Tokyo second) and reminds seconds before it.
 */
describe('reminders, escalation and meeting digests', () => {
  let fx: LifecycleFixture;
  let receivers: NotificationReceivers;

  beforeAll(async () => {
    receivers = await startNotificationReceivers();
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.notificationsBase, receivers.workerEnvironment);
    await fx.pg.query(`UPDATE users SET email = username || '@city.example.jp'`);
  });
  afterAll(async () => {
    await fx?.close();
    await receivers?.close();
  });

  const clusterPath = (fy: number, no: number) => `/api/v1/fiscal-years/${fy}/clusters/${no}`;

  async function inbox(user: TestUserName, fy: number): Promise<InboxItem[]> {
    const response = await fx.as(user).get('/api/v1/me/notifications?pageSize=200').expect(200);
    return (response.body.items as InboxItem[]).filter((item) => item.fiscalYear === fy);
  }

  /**
   * A year whose interim report falls due at `due` (the 1st meeting on that Tokyo day, no lead
   * time, due at that Tokyo time of day), reminding at the given offsets before it.
   */
  async function yearDueAt(fy: number, due: Date, reminderOffsets: string[], digestLeadBusinessDays = 3, addYear = true): Promise<void> {
    if (addYear) await fx.addFiscalYear(fy);
    const tokyo = toTokyoIsoString(due);
    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${fy}/calendar-settings`).expect(200)).body;
    await fx.as('office')
      .put(`/api/v1/fiscal-years/${fy}/calendar-settings`, {
        ...settings,
        deadlines: [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 0 }],
        reminderOffsets,
        digestLeadBusinessDays,
        dueTime: tokyo.slice(11, 19),
      })
      .expect(200);
    await fx.as('office').patch(`/api/v1/fiscal-years/${fy}/meetings/x1`, { date: { kind: 'exact', date: tokyo.slice(0, 10) } }).expect(200);
  }

  async function kickoff(fy: number, no: number): Promise<void> {
    await fx.pg.query(`UPDATE clusters SET owning_bureau_code = 'kankyo', analysed_this_year = true WHERE fiscal_year = $1 AND no = $2`, [fy, no]);
    await fx.as('office').post(`${clusterPath(fy, no)}/kickoff`, { meetingDate: `${fy}-06-04`, attendees: [] }).expect(201);
  }

  const secondsFromNow = (seconds: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000);
  const ofKind = (items: InboxItem[], kind: string) => items.filter((item) => item.kind === kind);

  it('reminds whoever owes the draft at the configured offset — inbox, e-mail and webhook — then escalates to the director and the reform office', async () => {
    const fy = TEST_FISCAL_YEARS.reminders;
    const due = secondsFromNow(9);
    await yearDueAt(fy, due, ['PT5S']);
    await kickoff(fy, 27);

    const reminder = await eventually(async () => {
      const [first] = ofKind(await inbox('staff', fy), 'reminder');
      expect(first).toBeDefined();
      return first;
    }, 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime() - 5_000 - 500);
    expect(reminder.subject).toContain('No.27 ごみ処理事業「経過報告」の報告書の作成・提出');
    expect(reminder.body).toContain(`期限: ${formatted(due)}`);
    expect(reminder.dueAt).toBe(toTokyoIsoString(due));
    expect(ofKind(await inbox('staff2', fy), 'reminder')).toHaveLength(1);
    expect(await inbox('manager', fy)).toEqual([]);
    expect(await inbox('otherStaff', fy)).toEqual([]);

    const escalation = await eventually(async () => {
      const [first] = ofKind(await inbox('director', fy), 'escalation');
      expect(first).toBeDefined();
      return first;
    }, 20_000);
    expect(escalation.subject).toContain('【期限超過】');
    expect(ofKind(await inbox('office', fy), 'escalation')).toHaveLength(1);
    expect(ofKind(await inbox('office2', fy), 'escalation')).toHaveLength(1);
    expect(ofKind(await inbox('otherDirector', fy), 'escalation')).toHaveLength(0);
    expect(ofKind(await inbox('staff', fy), 'reminder')).toHaveLength(1);

    const mailsTo = (address: string, kind: string) => receivers.mails.filter((mail) => mail.to.includes(address) && mail.notificationId.startsWith(`${kind}/${fy}/`));
    // E-mail and webhook follow the inbox entry within the same delivery.
    await eventually(async () => expect(mailsTo('director@city.example.jp', 'escalation')).toHaveLength(1));
    await eventually(async () => expect(receivers.hooks.filter((hook) => String(hook.headers['x-reform-notification-id']).startsWith(`escalation/${fy}/`))).toHaveLength(1));
    expect(mailsTo('staff@city.example.jp', 'reminder')).toHaveLength(1);
    expect(mailsTo('staff@city.example.jp', 'reminder')[0].text).toContain('https://reform.example.jp/api/v1/fiscal-years/2040/clusters/27');
    expect(mailsTo('manager@city.example.jp', 'reminder')).toHaveLength(0);
    const hooks = receivers.hooks.filter((hook) => String(hook.headers['x-reform-notification-id']).includes(`/${fy}/27/`));
    expect(hooks.map((hook) => [hook.body.kind, hook.signatureValid])).toEqual([
      ['reminder', true],
      ['escalation', true],
    ]);

    const detail = await fx.as('staff').get(clusterPath(fy, 27)).expect(200);
    expect(detail.body.pendingActions[0]).toMatchObject({ reportKind: 'interim', overdue: true });
    const tasks = await fx.as('staff').get('/api/v1/me/tasks').expect(200);
    expect(tasks.body.items.find((task: { fiscalYear: number }) => task.fiscalYear === fy)).toMatchObject({ overdue: true, provisional: false });
    const progress = await fx.as('office').get(`/api/v1/fiscal-years/${fy}/progress`).expect(200);
    expect(progress.body.overall.overdue).toBe(1);
    expect(progress.body.openItems).toEqual([
      expect.objectContaining({ clusterNo: 27, reportKind: 'interim', action: 'write', dueAt: toTokyoIsoString(due), provisional: false, overdue: true }),
    ]);
  });

  it('moves pending reminders with their meeting: none for the old date, the new ones on time, and the owners told', async () => {
    const fy = TEST_FISCAL_YEARS.rescheduling;
    const due = secondsFromNow(13);
    await yearDueAt(fy, due, ['P1D', 'PT4S']);
    await kickoff(fy, 27);
    // A day before the deadline has already passed: that reminder goes out at once, late but once.
    await eventually(async () => expect(ofKind(await inbox('staff', fy), 'reminder')).toHaveLength(1));

    const nextDay = toTokyoIsoString(new Date(due.getTime() + 24 * 3600 * 1000)).slice(0, 10);
    await fx.as('office').patch(`/api/v1/fiscal-years/${fy}/meetings/x1`, { date: { kind: 'exact', date: nextDay } }).expect(200);
    const moved = await eventually(async () => {
      const [notice] = ofKind(await inbox('staff', fy), 'deadline-moved');
      expect(notice).toBeDefined();
      return notice;
    });
    expect(moved.subject).toContain('【期限の変更】');
    expect(moved.body).toContain(`変更前の期限: ${formatted(due)}`);

    // The new deadline's day-before reminder falls when the old deadline would have: it arrives; the
    // old 4-second reminder and the old escalation never do. Once the workflow has acted on all that
    // was due by the old deadline, neither can still be on its way. (Generous margins keep a loaded
    // machine from reaching the old reminder's time before the meeting is moved.)
    const newDue = toTokyoIsoString(new Date(due.getTime() + 24 * 3600 * 1000));
    await eventually(async () => expect(ofKind(await inbox('staff', fy), 'reminder').map((item) => item.dueAt)).toContain(newDue), 20_000);
    await actedOnEverythingDueBy(fx.temporal, clusterWorkflowId(fy, 27), due.getTime());
    const reminders = ofKind(await inbox('staff', fy), 'reminder');
    expect(reminders.map((item) => item.dueAt).sort()).toEqual([toTokyoIsoString(due), newDue].sort());
    expect(ofKind(await inbox('director', fy), 'escalation')).toEqual([]);
    const history = await fx.as('staff').get(`${clusterPath(fy, 27)}/history`).expect(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toContain('deadlines-moved');

    // Moved back to a day already past, the deadline is missed at once: what has newly come due goes out now.
    await fx.as('office').patch(`/api/v1/fiscal-years/${fy}/meetings/x1`, { date: { kind: 'exact', date: toTokyoIsoString(due).slice(0, 10) } }).expect(200);
    await eventually(async () => expect(ofKind(await inbox('director', fy), 'escalation').map((item) => item.dueAt)).toEqual([toTokyoIsoString(due)]));
    await recordHistoryIfAsked(fx.temporal, clusterWorkflowId(fy, 27), 'rescheduled-reminders');
  });

  it('delivers each reminder exactly once when the worker is down at its time and comes back', async () => {
    const fy = TEST_FISCAL_YEARS.workerRestart;
    const due = secondsFromNow(14);
    await yearDueAt(fy, due, ['PT8S']);
    await kickoff(fy, 27);
    await eventually(async () => expect((await fx.as('staff').get(clusterPath(fy, 27)).expect(200)).body.stage).toBe('KICKOFF'));
    await fx.stopWorker();
    // The reminder's timer fires on the server while no worker is there to act on it.
    await timerFiredSince(fx.temporal, clusterWorkflowId(fy, 27), due.getTime() - 8_000);
    expect(await inbox('staff', fy)).toEqual([]);
    await fx.startWorker();

    await eventually(async () => expect(ofKind(await inbox('director', fy), 'escalation')).toHaveLength(1), 30_000);
    await eventually(async () => expect(receivers.hooks.filter((hook) => String(hook.headers['x-reform-notification-id']).startsWith(`escalation/${fy}/`))).toHaveLength(1));
    expect(ofKind(await inbox('staff', fy), 'reminder')).toHaveLength(1);
    expect(ofKind(await inbox('staff2', fy), 'reminder')).toHaveLength(1);
    expect(receivers.mails.filter((mail) => mail.to.includes('staff@city.example.jp') && mail.notificationId.startsWith(`reminder/${fy}/`))).toHaveLength(1);
    expect(receivers.hooks.filter((hook) => String(hook.headers['x-reform-notification-id']).startsWith(`reminder/${fy}/`))).toHaveLength(1);
    // About 15 s alone; stopping and starting a worker took four times that once on a loaded machine, and a
    // test cut off with its worker stopped leaves the next ones without one.
  }, 120_000);

  it('sends everyone presenting at a meeting a digest of what they present and its state', async () => {
    const fy = TEST_FISCAL_YEARS.digest;
    await fx.addFiscalYear(fy);
    await fx.pg.query(`UPDATE clusters SET owning_bureau_code = 'kankyo' WHERE fiscal_year = $1 AND no IN (22, 23)`, [fy]);
    await fx.pg.query(`UPDATE clusters SET owning_bureau_code = 'kodomo' WHERE fiscal_year = $1 AND no IN (25, 34)`, [fy]);
    await kickoff(fy, 23);
    const meetingDue = secondsFromNow(3);
    await yearDueAt(fy, meetingDue, ['P7D'], 0, false);

    const digest = await eventually(async () => {
      const [first] = ofKind(await inbox('manager', fy), 'meeting-digest');
      expect(first).toBeDefined();
      return first;
    }, 20_000);
    expect(digest.subject).toContain('第1回X会議');
    expect(digest.body).toContain('No.22 保育所・幼稚園「経過報告」: 未着手');
    expect(digest.body).toContain('No.23 子育て支援事業「経過報告」: 未作成');
    expect(digest.body).not.toContain('公園事業');
    const kodomo = await eventually(async () => {
      const digests = ofKind(await inbox('otherStaff', fy), 'meeting-digest');
      expect(digests).toHaveLength(1);
      return digests;
    });
    expect(kodomo[0].body).toContain('No.34 公園事業');
    // Digests go out one bureau after another: only once all are sent does no digest for the office mean none.
    await actedOnEverythingDueBy(fx.temporal, calendarWorkflowId(fy), meetingDue.getTime());
    expect(ofKind(await inbox('office', fy), 'meeting-digest')).toEqual([]);
    await recordHistoryIfAsked(fx.temporal, calendarWorkflowId(fy), 'calendar-with-digest');
  });
  it('reminds the reform office of the clusters it has still to kick off, and escalates nothing once all are started', async () => {
    const fy = TEST_FISCAL_YEARS.kickoffReminders;
    await fx.addFiscalYear(fy);
    const due = secondsFromNow(10);
    const tokyo = toTokyoIsoString(due);
    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${fy}/calendar-settings`).expect(200)).body;
    await fx.as('office')
      .put(`/api/v1/fiscal-years/${fy}/calendar-settings`, {
        ...settings,
        deadlines: [{ target: 'kickoff', meetingId: 'kickoff', leadBusinessDays: 0 }],
        reminderOffsets: ['PT4S'],
        dueTime: tokyo.slice(11, 19),
      })
      .expect(200);
    await fx.as('office').patch(`/api/v1/fiscal-years/${fy}/meetings/kickoff`, { date: { kind: 'exact', date: tokyo.slice(0, 10) } }).expect(200);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true, owning_bureau_code = 'kankyo' WHERE fiscal_year = $1 AND no IN (26, 27)`, [fy]);
    await fx.as('office').post(`${clusterPath(fy, 27)}/kickoff`, { meetingDate: tokyo.slice(0, 10), attendees: [] }).expect(201);

    const reminder = await eventually(async () => {
      const [first] = (await inbox('office2', fy)).filter((item) => item.kind === 'reminder');
      expect(first).toBeDefined();
      return first;
    }, 20_000);
    expect(reminder.subject).toContain('着手期限');
    expect(reminder.body).toContain('No.26 環境施策');
    expect(reminder.body).not.toContain('No.27');
    expect(await inbox('staff', fy)).toEqual([]);

    await fx.as('office').post(`${clusterPath(fy, 26)}/kickoff`, { meetingDate: tokyo.slice(0, 10), attendees: [] }).expect(201);
    await actedOnEverythingDueBy(fx.temporal, calendarWorkflowId(fy), due.getTime());
    expect(ofKind(await inbox('office2', fy), 'escalation')).toEqual([]);
  });
});

const formatted = (instant: Date): string => formatTokyoDateTime(instant.toISOString());
