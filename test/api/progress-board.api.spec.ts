import { businessDaysBefore, Role, tokyoDate } from '@app/domain';
import { INestApplication } from '@nestjs/common';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { createUser, login, startApi } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

interface BoardRow {
  no: number;
  name: string;
  analysedThisYear: boolean;
  reports: { kind: string; label: string; state: string; stepLabel: string | null }[];
  nextDeadline: { target: string; label: string; dueDate: string; meetingId: string; meetingName: string; provisional: boolean; overdue: boolean } | null;
  overdue: boolean;
}
interface BoardPage {
  items: BoardRow[];
  total: number;
}
interface DuePage {
  items: { clusterNo: number; state: string; risk: string | null }[];
  total: number;
  page: number;
  pageSize: number;
}
interface NextMeetingPanel {
  meeting: { id: string; name: string; earliestDay: string; provisional: boolean } | null;
  atRisk: DuePage;
  onTrack: DuePage;
}

/** A past year (FY2024) and a future one (FY2048, copied from it), on the catalogue and calendar of the seed. */
describe('the progress board rows, the overdue filter and the next-meeting panel', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let pg: PgClient;
  let token: string;
  const ANALYSED = [27, 23, 1];
  const FUTURE = 2048;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    await createUser(app, { username: 'staff', roles: [Role.Staff] });
    await createUser(app, { username: 'office', roles: [Role.ReformOffice] });
    token = await login(app, 'staff');
    await http().post('/api/v1/fiscal-years').auth(await login(app, 'office'), { type: 'bearer' }).send({ fiscalYear: FUTURE, copyFrom: 2024 }).expect(201);
    for (const fiscalYear of [2024, FUTURE]) await pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1 AND no = ANY($2)`, [fiscalYear, ANALYSED]);
  });
  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await database?.drop();
  });

  async function board(fiscalYear: number, query: Record<string, string | number>): Promise<BoardPage> {
    return (await http().get(`/api/v1/fiscal-years/${fiscalYear}/clusters`).query(query).auth(token, { type: 'bearer' }).expect(200)).body as BoardPage;
  }

  async function nextMeeting(fiscalYear: number, query: Record<string, number> = {}): Promise<NextMeetingPanel> {
    return (await http().get(`/api/v1/fiscal-years/${fiscalYear}/next-meeting`).query(query).auth(token, { type: 'bearer' }).expect(200)).body as NextMeetingPanel;
  }
  const clusterNos = (page: DuePage) => page.items.map((item) => item.clusterNo);

  it('gives each row its reports, 未着手 before kickoff, and the kickoff a cluster analysed this year owes: past, so 期限超過', async () => {
    const { items } = await board(2024, { pageSize: 100 });
    const analysed = items.find((row) => row.no === 27)!;
    expect(analysed.reports.length).toBeGreaterThan(0);
    expect(analysed.reports.every((report) => report.state === '未着手' && report.stepLabel === null)).toBe(true);
    expect(analysed.nextDeadline).toMatchObject({ target: 'kickoff', label: '経営分析の着手', dueDate: '2024-06-04', meetingId: 'kickoff', meetingName: 'キックオフ', overdue: true });
    expect(analysed.overdue).toBe(true);
    const notAnalysed = items.find((row) => row.no === 18)!;
    expect(notAnalysed).toMatchObject({ nextDeadline: null, overdue: false });
  });

  it('filters by overdue on the whole year, not per page', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 2; page += 1) {
      const result = await board(2024, { overdue: 'true', pageSize: 2, page });
      expect(result.total).toBe(ANALYSED.length);
      seen.push(...result.items.map((row) => row.no));
    }
    expect(seen.sort((a, b) => a - b)).toEqual([...ANALYSED].sort((a, b) => a - b));
    expect((await board(2024, { overdue: 'false', pageSize: 1 })).total).toBe(57 - ANALYSED.length);
    expect((await board(2024, { overdue: 'true', analysed: 'false' })).total).toBe(0);
    const refused = await http().get('/api/v1/fiscal-years/2024/clusters?overdue=maybe').auth(token, { type: 'bearer' }).expect(400);
    expect(refused.body.code).toBe('request.invalid');
  });

  it('gives the clusters of the numbers asked for, in board order, so a proposal can name clusters past any page', async () => {
    const asked = await http().get('/api/v1/fiscal-years/2024/clusters?no=27&no=3&no=999').auth(token, { type: 'bearer' }).expect(200);
    const page = asked.body as BoardPage;
    expect(page.total).toBe(2);
    expect(page.items.map((row) => row.no).sort((a, b) => a - b)).toEqual([3, 27]);
    expect(page.items.find((row) => row.no === 27)?.name).toBe('ごみ処理事業');
    const one = await board(2024, { no: 27 });
    expect(one.items.map((row) => row.no)).toEqual([27]);
    // Combined with the other filters as any filter is.
    expect((await board(2024, { no: 18, overdue: 'true' })).total).toBe(0);
  });

  it('refuses a number that is not a whole number from 1, and more than a hundred numbers, in Japanese', async () => {
    const notANumber = await http().get('/api/v1/fiscal-years/2024/clusters?no=27&no=abc').auth(token, { type: 'bearer' }).expect(400);
    expect(notANumber.body.fields).toEqual([{ field: 'no', problems: ['事業群番号は1〜99999の整数で指定してください'] }]);
    const many = Array.from({ length: 101 }, (_, index) => `no=${index + 1}`).join('&');
    const tooMany = await http().get(`/api/v1/fiscal-years/2024/clusters?${many}`).auth(token, { type: 'bearer' }).expect(400);
    expect(tooMany.body.fields).toEqual([{ field: 'no', problems: ['事業群番号は100件までです'] }]);
  });

  it('names the approval step of a report in 決裁中 and takes the next deadline from the planned ones', async () => {
    const step = (label: string, approved: boolean) => ({ role: 'manager', scope: 'owning-bureau', label, bureauCode: 'kankyo', delegatedTo: null, delegatedBy: null, approval: approved ? { by: { id: 'x', name: 'x' }, at: '2048-07-01T00:00:00.000Z', comment: null } : null });
    const report = (kind: string, label: string, status: string, submission: unknown = null) => ({ kind, label, stage: 'INTERIM_REPORT', status, versions: [], submission, lastReturn: null, approvedAt: null });
    const reports = [
      report('interim', '経過報告', 'IN_APPROVAL', { version: 1, submittedBy: { id: 'x', name: 'x' }, submittedAt: '2048-07-01T00:00:00.000Z', steps: [step('所管課長', true), step('所管部長', false)], currentStep: 1 }),
      report('direction', '改革の方向性の報告', 'RETURNED'),
    ];
    const deadlines = [
      { target: 'direction', meetingId: 'x2', meetingName: '第2回X会議', meetingDateLabel: '令和30年8月21日（2048-08-21）', dueDate: '2048-08-14', dueAt: '2048-08-14T08:00:00.000Z', provisional: true },
      { target: 'interim', meetingId: 'x1', meetingName: '第1回X会議', meetingDateLabel: '令和30年7月22日（2048-07-22）', dueDate: '2048-07-14', dueAt: '2048-07-14T08:00:00.000Z', provisional: false },
    ];
    await pg.query(`UPDATE clusters SET stage = 'INTERIM_REPORT', case_state = $3, deadlines = $4 WHERE fiscal_year = $1 AND no = $2`, [FUTURE, 27, JSON.stringify({ reports }), JSON.stringify(deadlines)]);
    const row = (await board(FUTURE, { pageSize: 100, stage: 'INTERIM_REPORT' })).items[0];
    expect(row.no).toBe(27);
    expect(row.reports).toEqual([
      { kind: 'interim', label: '経過報告', state: '決裁中', stepLabel: '所管部長' },
      { kind: 'direction', label: '改革の方向性の報告', state: '差戻し', stepLabel: null },
    ]);
    expect(row.nextDeadline).toMatchObject({ target: 'interim', label: '経過報告', meetingName: '第1回X会議', provisional: false, overdue: false });
  });

  it('serves the next meeting with what is due for it, flagging the kickoff due within 3 business days as at risk', async () => {
    // Move the kickoff meeting to the first day whose kickoff deadline (the meeting day itself) is within 3 business days but still ahead.
    const today = tokyoDate(new Date());
    let day = today;
    do day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    while (businessDaysBefore(day, 3) > today || day <= today);
    await pg.query(`UPDATE meetings SET date = $3, earliest_day = $4 WHERE fiscal_year = $1 AND id = $2`, [FUTURE, 'kickoff', JSON.stringify({ kind: 'exact', date: day }), day]);

    const panel = await nextMeeting(FUTURE);
    expect(panel.meeting).toMatchObject({ id: 'kickoff', name: 'キックオフ', earliestDay: day, provisional: false });
    // No.27 is kicked off (above); the two other analysed clusters owe their kickoff, both at risk: same deadline, so by number.
    expect(panel.atRisk).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(clusterNos(panel.atRisk)).toEqual([1, 23]);
    expect(panel.atRisk.items[0]).toMatchObject({ state: '未着手', risk: 'due-soon', riskLabel: '期限間近で未提出', deadline: { target: 'kickoff', dueDate: day, overdue: false } });
    expect(panel.onTrack).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    // Each list is paged on its own, in the same order.
    const second = await nextMeeting(FUTURE, { atRiskPage: 2, pageSize: 1 });
    expect(second.atRisk).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(clusterNos(second.atRisk)).toEqual([23]);
    expect((await nextMeeting(FUTURE, { atRiskPage: 3, onTrackPage: 2, pageSize: 1 })).atRisk).toEqual({ items: [], total: 2, page: 3, pageSize: 1 });
  });

  it('refuses a page that is not a whole number from 1, or a page size over 200, naming the field in Japanese', async () => {
    const response = await http().get('/api/v1/fiscal-years/2024/next-meeting').query({ atRiskPage: 0, onTrackPage: '1e3', pageSize: 201 }).auth(token, { type: 'bearer' }).expect(400);
    const fields = response.body.fields as { field: string; problems: string[] }[];
    expect(fields.map((entry) => entry.field).sort()).toEqual(['atRiskPage', 'onTrackPage', 'pageSize']);
    expect(fields.find((entry) => entry.field === 'atRiskPage')?.problems).toEqual(['期限が近い一覧のページは1〜1000000の整数で指定してください']);
    expect(fields.find((entry) => entry.field === 'pageSize')?.problems).toEqual(['1ページの件数は1〜200の整数で指定してください']);
  });

  it('has no next meeting in a year whose meetings are all past', async () => {
    const panel = await nextMeeting(2024);
    expect(panel).toEqual({ meeting: null, atRisk: { items: [], total: 0, page: 1, pageSize: 20 }, onTrack: { items: [], total: 0, page: 1, pageSize: 20 } });
  });

  it('asks for a login, and names an unknown year', async () => {
    await http().get('/api/v1/fiscal-years/2024/next-meeting').expect(401);
    const unknown = await http().get('/api/v1/fiscal-years/2099/next-meeting').auth(token, { type: 'bearer' }).expect(404);
    expect(unknown.body.code).toBe('fiscal-year.unknown');
  });
});
