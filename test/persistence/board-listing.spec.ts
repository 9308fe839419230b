import {
  ApprovalStatus,
  boardRowProgress,
  caseDelta,
  ClusterAction,
  ClusterCase,
  ClusterStage,
  clusterDeadlines,
  openClusterCase,
  overdueBeforeKickoff,
  owedActions,
  unwrittenReports,
  YearCalendar,
} from '@app/domain';
import {
  BureauRepository,
  CatalogueRepository,
  ClusterEventRepository,
  ClusterRow,
  FiscalYearSettingsRepository,
  FY2024_LIFECYCLE_SETTINGS,
  MeetingRepository,
  saveMeeting,
} from '@app/persistence';
import { DataSource } from 'typeorm';
import { useTestDataSource } from '../support/test-data-source';

const YEAR = 2024;

/**
 * The board's listing at the database: pages in board order off the places each cluster carries, and
 * the 期限超過 filter selecting exactly the clusters the domain judges overdue, kicked off or not.
 */
describe('the board listing in PostgreSQL', () => {
  const testbed = useTestDataSource();
  let dataSource: DataSource;
  let catalogue: CatalogueRepository;

  beforeAll(async () => {
    dataSource = testbed.dataSource;
    catalogue = new CatalogueRepository(dataSource);
    await new BureauRepository(dataSource).create({ code: 'kankyo', name: '環境局' });
  });

  /** Board order as the catalogue defines it: group, then kind (none first), then the cluster's own place, then its number. */
  const boardOrder = async (fiscalYear: number): Promise<number[]> =>
    (
      await dataSource.query(
        `SELECT c.no FROM clusters c
           JOIN cluster_groups g ON g.fiscal_year = c.fiscal_year AND g.code = c.group_code
           LEFT JOIN cluster_kinds k ON k.fiscal_year = c.fiscal_year AND k.code = c.kind_code
          WHERE c.fiscal_year = $1 ORDER BY g.sort_order, k.sort_order NULLS FIRST, c.sort_order, c.no`,
        [fiscalYear],
      )
    ).map((row: { no: number }) => row.no);
  const listed = async (fiscalYear: number, pageSize: number): Promise<number[]> => {
    const nos: number[] = [];
    for (let page = 1; ; page += 1) {
      const { items, total } = await catalogue.listClusters(fiscalYear, {}, { page, pageSize });
      nos.push(...items.map((row) => row.no));
      if (nos.length >= total) return nos;
    }
  };

  it('pages in board order, also for clusters written straight into the table and after a group is moved', async () => {
    expect(await listed(YEAR, 10)).toEqual(await boardOrder(YEAR));
    await catalogue.copyFiscalYear(YEAR, 2090);
    await dataSource.query(
      `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, analysed_this_year)
       SELECT 2090, 100 + no, name || '（新設）', group_code, kind_code, 0, false FROM clusters WHERE fiscal_year = 2090 AND no IN (1, 30, 57)`,
    );
    // Two more in No.101's place exactly: pages must neither repeat nor skip clusters that tie.
    await dataSource.query(
      `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, analysed_this_year)
       SELECT 2090, 200 + n, '同順位の事業群 ' || n, group_code, kind_code, 0, false FROM clusters, generate_series(1, 2) AS n WHERE fiscal_year = 2090 AND no = 1`,
    );
    const lastGroup = (await dataSource.query(`SELECT code FROM cluster_groups WHERE fiscal_year = 2090 ORDER BY sort_order DESC LIMIT 1`))[0].code;
    await dataSource.query(`UPDATE cluster_groups SET sort_order = -1 WHERE fiscal_year = 2090 AND code = $1`, [lastGroup]);
    const expected = await boardOrder(2090);
    expect(expected).toEqual(expect.arrayContaining([101, 130, 157, 201, 202]));
    expect(await listed(2090, 7)).toEqual(expected);
    expect((await catalogue.listAllClusters(2090, {})).map((row) => row.no)).toEqual(expected);
  });

  it('reads every cluster of a year of more than ten thousand, for what depends on all of them', async () => {
    await catalogue.copyFiscalYear(YEAR, 2091);
    await dataSource.query(
      `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, analysed_this_year)
       SELECT 2091, 1000 + n, '生成事業群 ' || n, 'policy-programme', NULL, 1000 + n, n % 2 = 0 FROM generate_series(1, 10000) AS n`,
    );
    expect(await catalogue.listAllClusters(2091, {})).toHaveLength(10_057);
    const [{ analysed }] = await dataSource.query(`SELECT count(*)::int AS analysed FROM clusters WHERE fiscal_year = 2091 AND analysed_this_year`);
    expect(analysed).toBeGreaterThanOrEqual(5_000);
    expect(await catalogue.listAllClusters(2091, { analysedThisYear: true, stage: ClusterStage.NotStarted })).toHaveLength(analysed);
  });

  it('lists as 期限超過 exactly the clusters the domain judges overdue, at every moment of the year', async () => {
    const events = new ClusterEventRepository(dataSource);
    const settings = (await new FiscalYearSettingsRepository(dataSource).calendarSettings(YEAR))!;
    // Cluster 40's interim report is on the agenda of a meeting before the kickoff: it falls behind before the others.
    await saveMeeting(dataSource, YEAR, { id: 'x0', name: '臨時X会議', date: { kind: 'exact', date: '2024-05-20' }, agenda: [{ clusterNo: 40, reportKind: 'interim' }] });
    await dataSource.query(`UPDATE clusters SET analysed_this_year = true, owning_bureau_code = 'kankyo' WHERE fiscal_year = $1 AND no = ANY($2)`, [YEAR, [1, 9, 27, 40, 41]]);
    const meetings = await new MeetingRepository(dataSource).list(YEAR);
    const calendar: YearCalendar = { meetings, settings };

    // 27 and 41 kicked off through the projection; 41's interim report is then approved.
    const kickOff = async (no: number, after: (opened: ClusterCase) => ClusterCase) => {
      const opened = openClusterCase({
        fiscalYear: YEAR,
        clusterNo: no,
        clusterName: `No.${no}`,
        owningBureau: { code: 'kankyo', name: '環境局' },
        kickoff: { meetingDate: '2024-06-04', attendees: [], notes: null },
        settings: FY2024_LIFECYCLE_SETTINGS,
      });
      const state = after(opened);
      await events.apply({
        eventId: `cluster/${YEAR}/${no}/analysis#1`,
        analysisId: 'analysis',
        seq: 1,
        fiscalYear: YEAR,
        clusterNo: no,
        occurredAt: '2024-06-04T01:00:00.000Z',
        actorId: null,
        actorName: 'system',
        action: ClusterAction.Kickoff,
        fromStage: ClusterStage.NotStarted,
        toStage: state.stage,
        reportKind: null,
        comment: null,
        details: {},
        delta: caseDelta(null, state),
        owed: owedActions(state),
        deadlines: clusterDeadlines(no, meetings, settings),
        savedText: null,
      });
    };
    await kickOff(27, (opened) => opened);
    await kickOff(41, (opened) => ({ ...opened, reports: opened.reports.map((report, index) => (index === 0 ? { ...report, status: ApprovalStatus.Approved } : report)) }));

    const unwritten = unwrittenReports(FY2024_LIFECYCLE_SETTINGS);
    const everyRow = await catalogue.listAllClusters(YEAR, {});
    const judged = (row: ClusterRow, at: string) =>
      boardRowProgress({ no: row.no, stage: row.stage, analysedThisYear: row.analysedThisYear, plannedDeadlines: row.deadlines, reports: row.reports.length > 0 ? row.reports : unwritten }, calendar, at)
        .overdue;
    const filtered = async (overdue: boolean, at: string) => {
      const filter = { overdue: { overdue, at, beforeKickoff: overdueBeforeKickoff(calendar, unwritten, at) } };
      const all = (await catalogue.listAllClusters(YEAR, filter)).map((row) => row.no);
      // A page of the same filter counts the same clusters and starts with the same ones.
      const page = await catalogue.listClusters(YEAR, filter, { page: 1, pageSize: 2 });
      expect({ total: page.total, first: page.items.map((row) => row.no) }).toEqual({ total: all.length, first: all.slice(0, 2) });
      return all;
    };

    const moments = ['2024-05-01T00:00:00.000Z', '2024-05-20T00:00:00.000Z', '2024-06-10T00:00:00.000Z', '2024-07-20T00:00:00.000Z', '2025-03-01T00:00:00.000Z'];
    const overdueAt: Record<string, number[]> = {};
    for (const at of moments) {
      const expected = everyRow.filter((row) => judged(row, at)).map((row) => row.no);
      expect({ at, overdue: await filtered(true, at) }).toEqual({ at, overdue: expected });
      expect({ at, notOverdue: await filtered(false, at) }).toEqual({ at, notOverdue: everyRow.filter((row) => !judged(row, at)).map((row) => row.no) });
      overdueAt[at] = [...expected].sort((a, b) => a - b);
    }
    // What the comparison covered: the agenda-named cluster alone, then the ones not kicked off, then 27 with its interim report due.
    expect(overdueAt).toEqual({
      '2024-05-01T00:00:00.000Z': [],
      '2024-05-20T00:00:00.000Z': [40],
      '2024-06-10T00:00:00.000Z': [1, 9, 40],
      '2024-07-20T00:00:00.000Z': [1, 9, 27, 40],
      '2025-03-01T00:00:00.000Z': [1, 9, 27, 40, 41],
    });
  });
});
