import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { eventually } from '../support/worker-harness';

interface DueItem {
  clusterNo: number;
  clusterName: string;
  bureauName: string | null;
  target: string;
  label: string;
  dueAt: string;
  meetingDateLabel: string;
  provisional: boolean;
  done: boolean;
}

/** What falls due for an X meeting: the deadlines of kicked-off clusters pegged to it, done or not. */
describe('deadlines due for a meeting through the API', () => {
  let fx: LifecycleFixture;
  const fy = TEST_FISCAL_YEARS.meetingDue;
  const duePath = (meetingId: string) => `/api/v1/fiscal-years/${fy}/meetings/${meetingId}/due`;

  beforeAll(async () => {
    fx = await startLifecycleFixture(fy);
    await fx.assignCluster(27);
    await fx.kickoff(27);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('lists each kicked-off cluster owing a report for the meeting, with its due date, and the kickoff as done', async () => {
    const interim = (await fx.as('staff').get(duePath('x1')).expect(200)).body as DueItem[];
    expect(interim).toEqual([
      expect.objectContaining({ clusterNo: 27, clusterName: 'ごみ処理事業', bureauName: '環境局', target: 'interim', label: '経過報告', provisional: false, done: false }),
    ]);
    const kickoff = (await fx.as('manager').get(duePath('kickoff')).expect(200)).body as DueItem[];
    expect(kickoff).toEqual([expect.objectContaining({ clusterNo: 27, target: 'kickoff', done: true })]);
    // Clusters not kicked off owe nothing yet, so a meeting only they would report to has nothing due.
    expect((await fx.as('staff').get(duePath('x4')).expect(200)).body).toEqual([]);
  });

  it('shows the re-planned deadline once the meeting moves', async () => {
    await fx.as('office').patch(`/api/v1/fiscal-years/${fy}/meetings/x1`, { date: { kind: 'third', month: `${fy}-09`, third: 'mid' } }).expect(200);
    await eventually(async () => {
      const [item] = (await fx.as('staff').get(duePath('x1')).expect(200)).body as DueItem[];
      expect(item).toMatchObject({ clusterNo: 27, provisional: true, meetingDateLabel: `令和${fy - 2018}年9月中旬（${fy}-09 中旬）` });
      expect(item.dueAt < `${fy}-09-11`).toBe(true);
    });
  });

  it('needs a login, and names an unknown meeting or year', async () => {
    await fx.as(null).get(duePath('x1')).expect(401);
    const unknown = await fx.as('staff').get(duePath('nope')).expect(404);
    expect(unknown.body.code).toBe('meeting.unknown');
    await fx.as('staff').get(`/api/v1/fiscal-years/2099/meetings/x1/due`).expect(404);
  });
});
