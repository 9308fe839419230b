import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { Meeting } from '@app/domain';
import { clusterWorkflowId, PayloadEncryptionCodec } from '@app/temporal';
import { defaultPayloadConverter } from '@temporalio/common';
import request from 'supertest';
import { login } from '../support/api-harness';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { TEST_PAYLOAD_KEYS } from '../support/test-temporal';
import { eventually } from '../support/worker-harness';

// ical.js declares ESM types only; under jest it loads its CommonJS build, an independent iCalendar parser.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL: typeof ICALModule = require('ical.js');

interface MeetingView {
  id: string;
  agenda: { clusterNo: number; reportKind: string; clusterName: string; reportLabel: string }[];
  name: string;
  dateLabel: string;
  earliestDay: string;
  provisional: boolean;
}

/** The X-meeting calendar: 上旬/中旬/下旬 dates, agendas, moving a meeting, and the iCalendar feed. */
describe('X meetings and deadlines through the API', () => {
  let fx: LifecycleFixture;
  const fy = TEST_FISCAL_YEARS.meetings;
  const meetingsPath = `/api/v1/fiscal-years/${fy}/meetings`;

  beforeAll(async () => {
    fx = await startLifecycleFixture(fy);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('serves the FY2024 calendar from the seed, with its 上旬/下旬 dates and the agendas of the 1st and 2nd meetings', async () => {
    const response = await fx.as('staff').get('/api/v1/fiscal-years/2024/meetings').expect(200);
    const meetings = response.body as MeetingView[];
    expect(meetings.map((meeting) => [meeting.name, meeting.dateLabel, meeting.provisional])).toEqual([
      ['キックオフ', '令和6年6月4日（2024-06-04）', false],
      ['第1回X会議', '令和6年7月22日（2024-07-22）', false],
      ['第2回X会議', '令和6年8月21日（2024-08-21）', false],
      ['第3回X会議', '令和6年10月上旬（2024-10 上旬）', true],
      ['第4回X会議', '令和6年11月上旬（2024-11 上旬）', true],
      ['第5回X会議', '令和6年12月下旬（2024-12 下旬）', true],
    ]);
    expect(meetings[1].agenda.map((item) => item.clusterName)).toEqual(['保育所・幼稚園', '子育て支援事業', '青少年関連事業', '公園事業']);
    expect(meetings[2].agenda.map((item) => [item.clusterName, item.reportLabel])).toEqual([['文化振興施策', '経過報告']]);
  });

  it('plans a deadline pegged to an early-October meeting against 1 October, provisionally, and fixes it when the date is set', async () => {
    const before = await fx.as('staff').get(fx.base(27)).expect(200);
    const budget = before.body.deadlines.find((deadline: { target: string }) => deadline.target === 'direction-budget');
    // 5 business days before Wednesday 1 October 2036: 24 September, Monday 22 September being 秋分の日.
    expect(budget).toMatchObject({ meetingName: '第3回X会議', meetingDateLabel: '令和18年10月上旬（2036-10 上旬）', provisional: true, dueDate: '2036-09-24' });
    expect(budget.dueAt).toBe('2036-09-24T17:00:00.000+09:00');

    const fixed = await fx.as('office').patch(`${meetingsPath}/x3`, { date: { kind: 'exact', date: '2036-10-08' } }).expect(200);
    expect(fixed.body).toMatchObject({ id: 'x3', dateLabel: '令和18年10月8日（2036-10-08）', provisional: false });
    const after = await fx.as('staff').get(fx.base(27)).expect(200);
    expect(after.body.deadlines.find((deadline: { target: string }) => deadline.target === 'direction-budget')).toMatchObject({
      provisional: false,
      dueDate: '2036-10-01',
    });
  });

  it('moves the deadlines of a running analysis with its meeting and records who moved it', async () => {
    await fx.assignCluster(26);
    await fx.kickoff(26);
    const interim = async () =>
      (await fx.as('staff').get(fx.base(26)).expect(200)).body.deadlines.find((deadline: { target: string }) => deadline.target === 'interim');
    expect(await interim()).toMatchObject({ meetingId: 'x1', dueDate: '2036-07-14' });

    await fx.as('office').patch(`${meetingsPath}/x1`, { date: { kind: 'third', month: '2036-09', third: 'mid' } }).expect(200);
    await eventually(async () => expect(await interim()).toMatchObject({ provisional: true, meetingDateLabel: '令和18年9月中旬（2036-09 中旬）', dueDate: '2036-09-04' }));
    const history = await fx.as('staff').get(`${fx.base(26)}/history`).expect(200);
    expect(history.body.items[history.body.items.length - 1]).toMatchObject({ action: 'deadlines-moved', actor: { name: '市政変革 一郎' } });
    const tasks = await fx.as('staff').get('/api/v1/me/tasks').expect(200);
    expect(tasks.body.items.find((task: { clusterNo: number; fiscalYear: number }) => task.clusterNo === 26 && task.fiscalYear === fy)).toMatchObject({
      dueAt: '2036-09-04T17:00:00.000+09:00',
      provisional: true,
      overdue: false,
    });
    const { rows } = await fx.pg.query(`SELECT actor_name, action, from_state, to_state FROM audit_events WHERE fiscal_year = $1 AND cluster_no IS NULL`, [fy]);
    expect(rows).toEqual(
      expect.arrayContaining([{ actor_name: '市政変革 一郎', action: 'change-meeting', from_state: '令和18年7月22日（2036-07-22）', to_state: '令和18年9月中旬（2036-09 中旬）' }]),
    );
  });

  it('tells each running analysis of a change with its own agenda items only, however full the agendas', async () => {
    await fx.assignCluster(25);
    await fx.kickoff(25);
    const before = ((await fx.as('office').get(meetingsPath).expect(200)).body as MeetingView[]).find((meeting) => meeting.id === 'x4')!;
    // Every cluster's final report on the 4th meeting's agenda, as a year's full agendas would have them.
    const agenda = Array.from({ length: 57 }, (_, index) => ({ clusterNo: index + 1, reportKind: 'final' }));
    await fx.as('office').patch(`${meetingsPath}/x4`, { agenda }).expect(200);
    try {
      await expectToldItsOwnAgendaOnly();
    } finally {
      // The meeting as it was, for the feeds tested below.
      await fx.as('office').patch(`${meetingsPath}/x4`, { agenda: before.agenda.map(({ clusterNo, reportKind }) => ({ clusterNo, reportKind })) }).expect(200);
    }
  });

  async function expectToldItsOwnAgendaOnly() {
    const final = async () => (await fx.as('staff').get(fx.base(25)).expect(200)).body.deadlines.find((deadline: { target: string }) => deadline.target === 'final');
    await eventually(async () => expect(await final()).toMatchObject({ meetingId: 'x4' }));

    // What the analysis was told is in its history, sealed: opened, it names no other cluster.
    const history = await fx.temporal.workflow.getHandle(clusterWorkflowId(fy, 25)).fetchHistory();
    const told = (history.events ?? [])
      .map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input)
      .filter((input) => input?.name === 'replanForCalendar')
      .map((input) => input!.args!.payloads![0]);
    const [opened] = await new PayloadEncryptionCodec(TEST_PAYLOAD_KEYS).decode([told[told.length - 1]]);
    const { calendar } = defaultPayloadConverter.fromPayload<{ calendar: { meetings: Meeting[] } }>(opened);
    expect(calendar.meetings.find((meeting) => meeting.id === 'x4')?.agenda).toEqual([{ clusterNo: 25, reportKind: 'final' }]);
    expect(calendar.meetings.flatMap((meeting) => meeting.agenda).every((item) => item.clusterNo === 25)).toBe(true);
  }

  it('lets only the reform office change meetings, and explains bad requests', async () => {
    await fx.as('manager').patch(`${meetingsPath}/x2`, { name: '変更' }).expect(403);
    await fx.as(null).patch(`${meetingsPath}/x2`, { name: '変更' }).expect(401);
    await fx.as('office').patch(`${meetingsPath}/nope`, { name: '変更' }).expect(404);
    await fx.as('office').patch(`${meetingsPath}/x2`, {}).expect(400);
    const blankName = await fx.as('office').patch(`${meetingsPath}/x2`, { name: '   ' }).expect(400);
    expect(blankName.body.fields.map(({ field }: { field: string }) => field)).toEqual(['name']);
    const badDate = await fx.as('office').patch(`${meetingsPath}/x2`, { date: { kind: 'third', month: '2036-13', third: 'early' } }).expect(400);
    expect(badDate.body.fields[0].field).toBe('date.month');
    const impossible = await fx.as('office').patch(`${meetingsPath}/x2`, { date: { kind: 'exact', date: '2036-02-30' } }).expect(400);
    expect(impossible.body.detail).toContain('2036-02-30');
    await fx.as('office').patch(`${meetingsPath}/x2`, { agenda: [{ clusterNo: 99, reportKind: 'interim' }] }).expect(400);
    await fx.as('office').patch(`${meetingsPath}/x2`, { agenda: [{ clusterNo: 13, reportKind: 'nope' }] }).expect(400);
    const agenda = await fx.as('office').patch(`${meetingsPath}/x2`, { agenda: [{ clusterNo: 27, reportKind: 'interim' }] }).expect(200);
    expect(agenda.body.agenda).toEqual([{ clusterNo: 27, clusterName: 'ごみ処理事業', reportKind: 'interim', reportLabel: '経過報告' }]);
    await fx.as('office').post(meetingsPath, { id: 'x6', name: '第6回X会議', date: { kind: 'third', month: '2037-02', third: 'late' } }).expect(201);
    await fx.as('office').post(meetingsPath, { id: 'x6', name: '重複', date: { kind: 'exact', date: '2037-02-25' } }).expect(409);
  });

  it('exports the meetings and the caller’s own deadlines as iCalendar, marking provisional dates', async () => {
    const response = await fx.as('staff').get(`/api/v1/fiscal-years/${fy}/calendar.ics`).expect(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const summaries = events.map((event) => event.summary);
    expect(summaries).toEqual(expect.arrayContaining(['キックオフ', '第1回X会議（9月中旬・日程未確定）', '第3回X会議']));
    const fifth = calendar.getAllSubcomponents('vevent').find((component) => String(component.getFirstPropertyValue('summary')).startsWith('第5回X会議'));
    expect(fifth?.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(fifth?.getFirstPropertyValue('x-reform-provisional')).toBe('TRUE');
    expect(fifth?.getFirstPropertyValue('dtstart')?.toString()).toBe('2036-12-21');
    const deadline = events.find((event) => event.summary.includes('No.26'));
    expect(deadline?.summary).toContain('【期限・暫定】');
    expect(deadline?.startDate.toJSDate().toISOString()).toBe('2036-09-04T08:00:00.000Z');
    const officeFeed = await fx.as('office').get(`/api/v1/fiscal-years/${fy}/calendar.ics`).expect(200);
    expect(officeFeed.text).not.toContain('No.26');
  });

  it('serves the feed to a calendar app holding the subscription link, and to nobody once the link has ended', async () => {
    const ics = (query: string) => request(fx.app.getHttpServer()).get(`/api/v1/fiscal-years/${fy}/calendar.ics${query}`);
    const { feedToken, expiresAt } = (await fx.as('staff2').post('/api/v1/auth/calendar-feed-link').expect(200)).body;
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);
    const subscribed = await ics(`?feed=${encodeURIComponent(feedToken)}`).expect(200);
    // The staff member's own bureau's deadlines, without any header: what a calendar app sends.
    expect(subscribed.text).toContain('No.26');
    await ics('').expect(401);
    await ics('?feed=not-a-token').expect(401);
    // The link opens the feed only: as a bearer token it is refused everywhere else.
    await request(fx.app.getHttpServer()).get('/api/v1/me').auth(feedToken, { type: 'bearer' }).expect(401);
    // Logging out ends it with the user's other tokens.
    const staffToken = await login(fx.app, 'staff2');
    await request(fx.app.getHttpServer()).post('/api/v1/auth/logout').auth(staffToken, { type: 'bearer' }).expect(204);
    await ics(`?feed=${encodeURIComponent(feedToken)}`).expect(401);
  });
});
