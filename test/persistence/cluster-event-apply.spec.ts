import {
  caseDelta,
  ClusterAction,
  ClusterCase,
  ClusterLifecycleEvent,
  ClusterStage,
  openClusterCase,
  OwedAction,
  owedActions,
  Role,
  ApprovalStatus,
  PROJECTION_FAILED_FAILURE_TYPE,
  SavedReportText,
} from '@app/domain';
import { BureauRepository, ClusterEventRepository, FY2024_LIFECYCLE_SETTINGS, ReportTextRepository, UnprojectableEventError, EarlierEventMissingError } from '@app/persistence';
import { DataSource } from 'typeorm';
import { projectEvent } from '../../apps/worker/src/activities/event-projection';
import { useTestDataSource } from '../support/test-data-source';

const CLUSTER_NO = 27;
const ANALYSIS = 'run-of-the-first-analysis';

describe('applying lifecycle events to the read model', () => {
  const testbed = useTestDataSource();
  let dataSource: DataSource;
  let events: ClusterEventRepository;

  beforeAll(async () => {
    dataSource = testbed.dataSource;
    events = new ClusterEventRepository(dataSource);
    await new BureauRepository(dataSource).create({ code: 'kankyo', name: '環境局' });
  });

  const kickedOff: ClusterCase = openClusterCase({
    fiscalYear: 2024,
    clusterNo: CLUSTER_NO,
    clusterName: 'ごみ処理事業',
    owningBureau: { code: 'kankyo', name: '環境局' },
    kickoff: { meetingDate: '2024-06-04', attendees: ['環境局'], notes: null },
    settings: FY2024_LIFECYCLE_SETTINGS,
  });

  const event = (
    seq: number,
    before: ClusterCase | null,
    after: ClusterCase,
    more: Partial<ClusterLifecycleEvent> = {},
  ): ClusterLifecycleEvent => ({
    eventId: `cluster/2024/${CLUSTER_NO}/${more.analysisId ?? ANALYSIS}#${seq}`,
    analysisId: ANALYSIS,
    seq,
    fiscalYear: 2024,
    clusterNo: CLUSTER_NO,
    occurredAt: `2024-06-0${4 + seq}T01:00:00.000Z`,
    actorId: null,
    actorName: 'system',
    action: before ? ClusterAction.SaveDraft : ClusterAction.Kickoff,
    fromStage: before?.stage ?? ClusterStage.NotStarted,
    toStage: after.stage,
    reportKind: null,
    comment: null,
    details: {},
    delta: caseDelta(before, after),
    owed: owedActions(after),
    deadlines: before ? null : [],
    savedText: null,
    ...more,
  });

  const drafted = (version: number): ClusterCase => ({
    ...kickedOff,
    stage: ClusterStage.InterimReport,
    reports: kickedOff.reports.map((report, index) =>
      index === 0
        ? { ...report, status: ApprovalStatus.Draft, latestVersion: { version, title: '経過報告', empty: false, savedBy: { id: null, name: 'system' }, savedAt: kickedOff.kickoff.meetingDate }, authorIds: [] }
        : report,
    ),
  });
  const interim = kickedOff.reports[0].kind;
  const savedText = (version: number, textHash: string): SavedReportText => ({ kind: interim, version, title: '経過報告', empty: false, textHash });

  const cluster = async () =>
    (await dataSource.query(`SELECT stage, last_event_seq, analysis_id, case_state FROM clusters WHERE fiscal_year = 2024 AND no = $1`, [CLUSTER_NO]))[0] as {
      stage: string;
      last_event_seq: number;
      analysis_id: string | null;
      case_state: ClusterCase;
    };
  const auditIds = async () => (await events.listForCluster(2024, CLUSTER_NO, { page: 1, pageSize: 50 })).items.map((entry) => entry.eventId);

  it('opens the analysis with the kickoff and names the row after it', async () => {
    expect(await events.apply(event(1, null, kickedOff))).toEqual({ applied: true });
    expect(await cluster()).toMatchObject({ stage: ClusterStage.Kickoff, last_event_seq: 1, analysis_id: ANALYSIS });
  });

  it('copies a saved version from the texts the API stored, by the hash the event carries', async () => {
    const body = '収集運搬の委託範囲を比較した結果、令和７年度から…'.repeat(100);
    const hash = await new ReportTextRepository(dataSource).store(body);
    expect(await events.apply(event(2, kickedOff, drafted(1), { reportKind: interim, savedText: savedText(1, hash) }))).toEqual({ applied: true });
    const [version] = await dataSource.query(`SELECT body, empty FROM report_versions WHERE fiscal_year = 2024 AND cluster_no = $1 AND version = 1`, [CLUSTER_NO]);
    expect(version).toEqual({ body, empty: false });
    const row = await cluster();
    expect(row).toMatchObject({ stage: ClusterStage.InterimReport, last_event_seq: 2 });
    // The event carried the one report it changed; the others are as the kickoff left them.
    expect(row.case_state).toEqual(drafted(1));
  });

  it('refuses an event naming a text that was never stored, and leaves the read model as it was', async () => {
    const missing = event(3, drafted(1), drafted(2), { reportKind: interim, savedText: savedText(2, 'f'.repeat(64)) });
    await expect(events.apply(missing)).rejects.toThrow(UnprojectableEventError);
    expect(await cluster()).toMatchObject({ last_event_seq: 2 });
    expect(await auditIds()).toHaveLength(2);
  });

  it('refuses, in order, an event whose predecessor is missing and writes nothing, but takes a repeat as done', async () => {
    const hash = await new ReportTextRepository(dataSource).store('次の版');
    const ahead = event(4, drafted(2), drafted(3), { reportKind: interim, savedText: savedText(3, hash) });
    await expect(events.apply(ahead, { inOrder: true })).rejects.toThrow(EarlierEventMissingError);
    expect(await cluster()).toMatchObject({ last_event_seq: 2 });
    expect(await auditIds()).toHaveLength(2);
    expect(await events.apply(event(2, kickedOff, drafted(1), { reportKind: interim }), { inOrder: true })).toEqual({ applied: false });
  });

  it('tells which of a run of events the audit trail does not have yet, in their order', async () => {
    const later = [event(7, drafted(5), drafted(6)), event(6, drafted(4), drafted(5))];
    expect((await events.unrecorded([event(1, null, kickedOff), ...later, event(2, kickedOff, drafted(1))])).map((missing) => missing.seq)).toEqual([7, 6]);
    expect(await events.unrecorded([])).toEqual([]);
  });

  it("through the worker's projection: keeps a refused event for admins and ends the activity without retries, but lets an outage be retried", async () => {
    const logged: string[] = [];
    const logger = { log: () => {}, warn: () => {}, error: (message: string) => logged.push(message) };
    const refused = event(3, drafted(1), drafted(2), { reportKind: interim, savedText: savedText(2, 'e'.repeat(64)) });
    const failure = await projectEvent(events, refused, logger);
    expect(failure).toMatchObject({ type: PROJECTION_FAILED_FAILURE_TYPE, nonRetryable: true });
    expect(failure?.message).toContain(refused.eventId);
    expect((await events.listFailures({ page: 1, pageSize: 10 })).items.map((kept) => kept.eventId)).toContain(refused.eventId);
    expect(logged).toEqual([expect.stringContaining(refused.eventId)]);
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const unreachable = { apply: () => Promise.reject(outage), recordFailure: () => Promise.resolve() };
    await expect(projectEvent(unreachable, refused, logger)).rejects.toBe(outage);
    expect(logged).toHaveLength(1);
  });

  it('records a repeated event once, and refuses an id reused for another change', async () => {
    expect(await events.apply(event(1, null, kickedOff))).toEqual({ applied: false });
    const reused = event(1, null, kickedOff, { action: ClusterAction.Withdraw, occurredAt: '2024-09-01T00:00:00.000Z' });
    await expect(events.apply(reused)).rejects.toThrow(/別の変更/);
    expect(await auditIds()).toHaveLength(2);
  });

  it('refuses the events of another analysis of the same cluster instead of dropping them', async () => {
    const otherRun = { analysisId: 'a-second-analysis' };
    await expect(events.apply(event(1, null, kickedOff, otherRun))).rejects.toThrow(UnprojectableEventError);
    await expect(events.apply(event(3, drafted(1), drafted(2), otherRun))).rejects.toThrow(/別の経営分析/);
    expect(await cluster()).toMatchObject({ analysis_id: ANALYSIS, last_event_seq: 2 });
    expect(await auditIds()).toHaveLength(2);
  });

  it('keeps what a newer event left when an older one arrives late, and still records the older one', async () => {
    const withdrawn: ClusterCase = { ...drafted(1), stage: ClusterStage.Withdrawn };
    expect(await events.apply(event(5, drafted(1), drafted(1)))).toEqual({ applied: true });
    expect(await events.apply(event(4, drafted(1), withdrawn))).toEqual({ applied: true });
    expect(await cluster()).toMatchObject({ stage: ClusterStage.InterimReport, last_event_seq: 5 });
    expect(await auditIds()).toHaveLength(4);
  });

  it('keeps an event the read model refused where admins see it', async () => {
    const refused = event(9, drafted(1), drafted(2), { analysisId: 'a-second-analysis' });
    await events.recordFailure(refused, '別の経営分析');
    const [failure] = await dataSource.query(`SELECT event_id, seq, action, problem FROM projection_failures WHERE event_id = $1`, [refused.eventId]);
    expect(failure).toEqual({ event_id: refused.eventId, seq: 9, action: ClusterAction.SaveDraft, problem: '別の経営分析' });
  });

  describe('on another cluster', () => {
    const other = { clusterNo: 28, analysisId: 'the-analysis-of-28' };
    const owed = (reportKind: string, action: OwedAction['action'], role: Role, stepLabel: string | null = null): OwedAction => ({
      reportKind,
      reportLabel: reportKind,
      action,
      role,
      bureauCode: 'kankyo',
      assignee: null,
      excludedUserIds: [],
      stepLabel,
    });
    const owedRows = async () =>
      (await dataSource.query(`SELECT report_kind, action, role, step_label, since FROM owed_actions WHERE fiscal_year = 2024 AND cluster_no = 28 ORDER BY report_kind`)) as {
        report_kind: string;
        action: string;
        role: string;
        step_label: string | null;
        since: Date;
      }[];

    it('records one event two recorders bring at once exactly once: the second waits for the first and finds it there', async () => {
      const kickoff = event(1, null, kickedOff, { ...other, owed: [owed('interim', 'write', Role.Staff)] });
      const outcomes = await Promise.all([events.apply(kickoff, { inOrder: true }), events.apply(kickoff, { inOrder: true })]);
      expect(outcomes.map((outcome) => outcome.applied).sort()).toEqual([false, true]);
      expect((await events.listForCluster(2024, 28, { page: 1, pageSize: 50 })).items.map((entry) => entry.eventId)).toEqual([kickoff.eventId]);
    });

    it('writes what each report owes over what it owed, adds what a report newly owes, and drops what no report owes any more', async () => {
      const decide = event(2, kickedOff, drafted(1), { ...other, owed: [owed('direction', 'write', Role.Staff), owed('interim', 'decide', Role.Manager, '課長')] });
      await events.apply(decide);
      expect(await owedRows()).toEqual([
        { report_kind: 'direction', action: 'write', role: Role.Staff, step_label: null, since: new Date(decide.occurredAt) },
        { report_kind: 'interim', action: 'decide', role: Role.Manager, step_label: '課長', since: new Date(decide.occurredAt) },
      ]);
      const closing = event(3, drafted(1), drafted(1), { ...other, owed: [owed('final', 'write', Role.Staff)] });
      await events.apply(closing);
      expect(await owedRows()).toEqual([{ report_kind: 'final', action: 'write', role: Role.Staff, step_label: null, since: new Date(closing.occurredAt) }]);
      await events.apply(event(4, drafted(1), drafted(1), { ...other, owed: [] }));
      expect(await owedRows()).toEqual([]);
    });

    it('writes nothing for a cluster that is not registered, not even its audit entry', async () => {
      const unknown = event(1, null, kickedOff, { clusterNo: 999, analysisId: 'the-analysis-of-999' });
      await expect(events.apply(unknown)).rejects.toThrow(/登録されていません/);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM audit_events WHERE event_id = $1`, [unknown.eventId]);
      expect(count).toBe(0);
    });
  });
});
