import { ClusterAction, ClusterCase, ClusterLifecycleEvent, ClusterStage, openClusterCase, owedActions } from '@app/domain';
import { BureauRepository, ClusterEventRepository, createDataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/test-environment';
import { FY2024_LIFECYCLE_SETTINGS } from '@app/persistence';

const CLUSTER_NO = 27;

describe('applying lifecycle events to the read model', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let events: ClusterEventRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(createDataSourceOptions(database.url)).initialize();
    events = new ClusterEventRepository(dataSource);
    await new BureauRepository(dataSource).create({ code: 'kankyo', name: '環境局' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const kickedOff: ClusterCase = openClusterCase({
    fiscalYear: 2024,
    clusterNo: CLUSTER_NO,
    clusterName: 'ごみ処理事業',
    owningBureau: { code: 'kankyo', name: '環境局' },
    kickoff: { meetingDate: '2024-06-04', attendees: ['環境局'], notes: null },
    settings: FY2024_LIFECYCLE_SETTINGS,
  });

  const event = (seq: number, state: ClusterCase): ClusterLifecycleEvent => ({
    eventId: `cluster/2024/${CLUSTER_NO}#${seq}`,
    seq,
    fiscalYear: 2024,
    clusterNo: CLUSTER_NO,
    occurredAt: `2024-06-0${4 + seq}T01:00:00.000Z`,
    actorId: null,
    actorName: 'system',
    action: ClusterAction.Kickoff,
    fromStage: ClusterStage.NotStarted,
    toStage: state.stage,
    reportKind: null,
    comment: null,
    details: {},
    state,
    owed: owedActions(state),
    deadlines: [],
    savedText: null,
  });

  const owedReports = async () =>
    (await dataSource.query(`SELECT report_kind FROM owed_actions WHERE fiscal_year = 2024 AND cluster_no = $1 ORDER BY report_kind`, [CLUSTER_NO])).map(
      (row: { report_kind: string }) => row.report_kind,
    );

  it('keeps what the newer event left when an older one arrives late, and still records the older one', async () => {
    expect(await events.apply(event(2, kickedOff))).toEqual({ applied: true });
    const afterNewer = await owedReports();
    expect(afterNewer.length).toBeGreaterThan(0);

    const withdrawn: ClusterCase = { ...kickedOff, stage: ClusterStage.Withdrawn };
    expect(await events.apply(event(1, withdrawn))).toEqual({ applied: true });

    expect(await owedReports()).toEqual(afterNewer);
    const [cluster] = await dataSource.query(`SELECT stage, last_event_seq FROM clusters WHERE fiscal_year = 2024 AND no = $1`, [CLUSTER_NO]);
    expect(cluster).toEqual({ stage: ClusterStage.Kickoff, last_event_seq: 2 });
    const audit = await events.listForCluster(2024, CLUSTER_NO, { page: 1, pageSize: 10 });
    expect(audit.items.map((entry) => entry.eventId)).toEqual([`cluster/2024/${CLUSTER_NO}#1`, `cluster/2024/${CLUSTER_NO}#2`]);
  });

  it('records a repeated event id once', async () => {
    expect(await events.apply(event(2, kickedOff))).toEqual({ applied: false });
    expect((await events.listForCluster(2024, CLUSTER_NO, { page: 1, pageSize: 10 })).total).toBe(2);
  });
});
