import { applyCaseDelta, ClusterCase, ClusterLifecycleEvent, ClusterStage, Deadline, Meeting, overdueFrom, SavedReportText } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { execute, queryFirst, queryRows } from '../sql/typed-query';
import { saveMeeting } from './meeting.repository';
import { appendAuditEntry, auditEntryInsert, AuditEntryRow, NewAuditEntry, toAuditEntry } from './audit-trail';

export type { AuditEntryRow, NewAuditEntry } from './audit-trail';

/** An event the read model refused, as admins see it. */
export interface ProjectionFailureRow {
  readonly eventId: string;
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly seq: number;
  readonly action: string;
  readonly problem: string;
  readonly failedAt: Date;
}

/**
 * An event the read model cannot take, and would not take on a retry either: one of another
 * analysis, an id already used for a different change, a text that was never stored, or data the
 * database refuses. The worker reports it at once instead of retrying it for ever.
 */
export class UnprojectableEventError extends Error {
  override readonly name = 'UnprojectableEventError';
}

/**
 * An event recorded with `inOrder` found the read model behind it: an earlier event of the analysis
 * is not there yet. Nothing was written; the caller records the missing events first.
 */
export class EarlierEventMissingError extends Error {
  override readonly name = 'EarlierEventMissingError';
}

/** How an event is recorded: `inOrder` refuses it while an earlier event of its analysis is missing. */
export interface ApplyOptions {
  readonly inOrder?: boolean;
}

interface ProjectedCluster {
  readonly stage: string;
  readonly analysed_this_year: boolean;
  readonly analysis_id: string | null;
  readonly last_event_seq: number;
  readonly case_state: ClusterCase | null;
  readonly deadlines: Deadline[] | null;
}

/**
 * The audit trail, and the read model each entry explains. Writes the audit entry and the read model
 * of one change in one transaction, so neither is ever ahead of the other. A repeated event is a
 * no-op; an event of another analysis of the cluster, or one that reuses an id for another change,
 * is an error, never silently dropped.
 */
export class ClusterEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Four round trips for an action (BEGIN, the lock with the audit entry, the read model, COMMIT):
   * this runs on every action, in the request that answers it, so each statement saved is saved there.
   */
  async apply(event: ClusterLifecycleEvent, options: ApplyOptions = {}): Promise<{ applied: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const cluster = await lockAndAppend(manager, event);
      if (!cluster) throw new UnprojectableEventError(`${event.eventId}: 事業群 ${event.fiscalYear}/${event.clusterNo} は登録されていません`);
      // Each event carries only what it changed, so one applied over a missing one would lose that one's change.
      // Thrown, the transaction takes the audit entry back with it.
      if (options.inOrder && cluster.analysis_id === event.analysisId && event.seq > cluster.last_event_seq + 1) {
        throw new EarlierEventMissingError(`${event.eventId}: 読み取りモデルは第${cluster.last_event_seq}事象までです`);
      }
      if (!cluster.appended) {
        await requireSameEvent(manager, event);
        return { applied: false };
      }
      requireSameAnalysis(cluster, event);
      if (event.savedText) await saveVersion(manager, event, event.savedText);
      if (event.seq <= cluster.last_event_seq) return { applied: true };
      await writeReadModel(manager, event, cluster);
      return { applied: true };
    });
  }

  /** Those of the events the audit trail does not have yet, in the order given: one statement instead of a transaction each. */
  async unrecorded(events: readonly ClusterLifecycleEvent[]): Promise<ClusterLifecycleEvent[]> {
    if (events.length === 0) return [];
    const recorded = await queryRows<{ event_id: string }>(this.dataSource, `SELECT event_id FROM audit_events WHERE event_id = ANY($1::text[])`, [
      events.map((event) => event.eventId),
    ]);
    const known = new Set(recorded.map((row) => row.event_id));
    return events.filter((event) => !known.has(event.eventId));
  }

  /** Keeps an event the read model could not take where admins see it (its own transaction: the event's was rolled back). */
  async recordFailure(event: ClusterLifecycleEvent, problem: string): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO projection_failures (event_id, fiscal_year, cluster_no, seq, action, problem) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id) DO UPDATE SET problem = EXCLUDED.problem, failed_at = now()`,
      [event.eventId, event.fiscalYear, event.clusterNo, event.seq, event.action, problem],
    );
  }

  /**
   * Records a change of one of the year's meetings: its audit entry and the meeting row in one
   * transaction. A repeated event id changes nothing, so a retry cannot undo a later change.
   */
  async applyMeetingChange(entry: NewAuditEntry, meeting: Meeting): Promise<{ applied: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await appendAuditEntry(manager, entry))) return { applied: false };
      await saveMeeting(manager, entry.fiscalYear, meeting);
      return { applied: true };
    });
  }

  /** Events the read model could not take, newest first: what admins must look into. */
  listFailures(page: PageRequest): Promise<Page<ProjectionFailureRow>> {
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM projection_failures`,
        rows: `SELECT event_id, fiscal_year, cluster_no, seq, action, problem, failed_at FROM projection_failures ORDER BY failed_at DESC, id DESC`,
        params: [],
      },
      page,
      (row: { event_id: string; fiscal_year: number; cluster_no: number; seq: number; action: string; problem: string; failed_at: Date }) => ({
        eventId: row.event_id,
        fiscalYear: row.fiscal_year,
        clusterNo: row.cluster_no,
        seq: row.seq,
        action: row.action,
        problem: row.problem,
        failedAt: row.failed_at,
      }),
    );
  }

  /** The cluster's audit trail, oldest first. */
  listForCluster(fiscalYear: number, clusterNo: number, page: PageRequest): Promise<Page<AuditEntryRow>> {
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2`,
        rows: `SELECT event_id, occurred_at, actor_id, actor_name, action, from_state, to_state, report_kind, comment, details
               FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 ORDER BY occurred_at, id`,
        params: [fiscalYear, clusterNo],
      },
      page,
      toAuditEntry,
    );
  }
}

/**
 * Locks the cluster's row and appends the event's audit entry in one statement, the lock taken first
 * (the entry is selected from the locked row): a second recorder of the same event waits for the first
 * and then finds the entry there. Null, with nothing written, for a cluster that is not registered.
 */
async function lockAndAppend(manager: EntityManager, event: ClusterLifecycleEvent): Promise<(ProjectedCluster & { readonly appended: boolean }) | null> {
  const audit = auditEntryInsert(auditEntryOf(event), 3, 'FROM locked');
  return queryFirst(
    manager,
    `WITH locked AS (
       SELECT stage, analysed_this_year, analysis_id, last_event_seq, case_state, deadlines FROM clusters WHERE fiscal_year = $1 AND no = $2 FOR UPDATE),
     appended AS (${audit.sql})
     SELECT locked.*, EXISTS (SELECT 1 FROM appended) AS appended FROM locked`,
    [event.fiscalYear, event.clusterNo, ...audit.params],
  );
}

/**
 * The cluster's row after the event, and what people owe on it, in one statement. The event carries
 * the complete list of what is owed: each report's entry is written over, and those of reports no
 * longer owed are deleted (the delete sees the table as the statement found it, so never the new rows).
 */
async function writeReadModel(manager: EntityManager, event: ClusterLifecycleEvent, cluster: ProjectedCluster): Promise<void> {
  const state = applyCaseDelta(cluster.case_state, event.delta);
  // An event that leaves the deadlines as they are does not repeat them: the row holds them.
  const deadlines = event.deadlines ?? cluster.deadlines ?? [];
  // A kicked-off cluster's deadlines are its own plan, so no calendar is needed to judge them.
  const situation = { no: event.clusterNo, stage: event.toStage as ClusterStage, analysedThisYear: cluster.analysed_this_year, plannedDeadlines: deadlines, reports: state.reports };
  await execute(
    manager,
    `WITH cluster AS (
       UPDATE clusters SET
         stage = $3,
         stage_changed_at = CASE WHEN stage IS DISTINCT FROM $3 THEN $4::timestamptz ELSE stage_changed_at END,
         owning_bureau_code = $6,
         case_state = $7,
         deadlines = coalesce($8::jsonb, deadlines),
         last_event_seq = $5,
         analysis_id = $9,
         overdue_from = $10,
         updated_at = now()
       WHERE fiscal_year = $1::int AND no = $2::int),
     owed AS (
       SELECT * FROM jsonb_to_recordset($11::jsonb) AS owed(report_kind text, report_label text, action text, role text, bureau_code text,
         assignee_id uuid, assignee_name text, excluded_user_ids uuid[], step_label text, due_at timestamptz, provisional boolean)),
     written AS (
       INSERT INTO owed_actions
         (fiscal_year, cluster_no, report_kind, report_label, action, role, bureau_code, assignee_id, assignee_name, excluded_user_ids, step_label, since,
          due_at, provisional)
       SELECT $1::int, $2::int, owed.report_kind, owed.report_label, owed.action, owed.role, owed.bureau_code, owed.assignee_id, owed.assignee_name,
              owed.excluded_user_ids, owed.step_label, $4::timestamptz, owed.due_at, owed.provisional
         FROM owed
       ON CONFLICT (fiscal_year, cluster_no, report_kind) DO UPDATE SET
         report_label = EXCLUDED.report_label, action = EXCLUDED.action, role = EXCLUDED.role, bureau_code = EXCLUDED.bureau_code,
         assignee_id = EXCLUDED.assignee_id, assignee_name = EXCLUDED.assignee_name, excluded_user_ids = EXCLUDED.excluded_user_ids,
         step_label = EXCLUDED.step_label, since = EXCLUDED.since, due_at = EXCLUDED.due_at, provisional = EXCLUDED.provisional)
     DELETE FROM owed_actions WHERE fiscal_year = $1::int AND cluster_no = $2::int AND report_kind <> ALL (ARRAY(SELECT report_kind FROM owed))`,
    [
      event.fiscalYear,
      event.clusterNo,
      event.toStage,
      event.occurredAt,
      event.seq,
      state.owningBureau.code,
      JSON.stringify(state),
      event.deadlines ? JSON.stringify(event.deadlines) : null,
      event.analysisId,
      overdueFrom(situation, { meetings: [], settings: null }),
      JSON.stringify(owedRows(event, deadlines)),
    ],
  );
}

/** What people owe after the event, each with the deadline of its report. */
function owedRows(event: ClusterLifecycleEvent, deadlines: readonly Deadline[]) {
  return event.owed.map((owed) => {
    const deadline = deadlines.find((candidate) => candidate.target === owed.reportKind);
    return {
      report_kind: owed.reportKind,
      report_label: owed.reportLabel,
      action: owed.action,
      role: owed.role,
      bureau_code: owed.bureauCode,
      assignee_id: owed.assignee?.id ?? null,
      assignee_name: owed.assignee?.name ?? null,
      excluded_user_ids: owed.excludedUserIds,
      step_label: owed.stepLabel,
      due_at: deadline?.dueAt ?? null,
      provisional: deadline?.provisional ?? false,
    };
  });
}

function auditEntryOf(event: ClusterLifecycleEvent): NewAuditEntry {
  return {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    fiscalYear: event.fiscalYear,
    clusterNo: event.clusterNo,
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    fromState: event.fromStage,
    toState: event.toStage,
    reportKind: event.reportKind,
    comment: event.comment,
    details: event.details,
    subject: null,
  };
}

/** A repeated event id is a retry only if it names the same change; anything else is a second effect under one id. */
async function requireSameEvent(manager: EntityManager, event: ClusterLifecycleEvent): Promise<void> {
  const stored = await queryFirst<{ fiscal_year: number; cluster_no: number | null; action: string; actor_id: string | null; occurred_at: Date }>(
    manager,
    `SELECT fiscal_year, cluster_no, action, actor_id, occurred_at FROM audit_events WHERE event_id = $1`,
    [event.eventId],
  );
  const same =
    stored &&
    stored.fiscal_year === event.fiscalYear &&
    stored.cluster_no === event.clusterNo &&
    stored.action === event.action &&
    stored.actor_id === event.actorId &&
    stored.occurred_at.getTime() === Date.parse(event.occurredAt);
  if (!same) throw new UnprojectableEventError(`${event.eventId}: この事象 ID は別の変更（${stored?.action ?? '不明'}）に使われています`);
}

/**
 * The row projects one analysis of the cluster for the year: the kickoff of a cluster not yet started
 * opens it, and events of any other analysis are refused (a cluster closed once is not analysed again).
 */
function requireSameAnalysis(cluster: ProjectedCluster, event: ClusterLifecycleEvent): void {
  if (cluster.analysis_id === event.analysisId) return;
  // Rows projected before analyses were named adopt the first named event of their running analysis.
  const unnamedRunning = cluster.analysis_id === null && cluster.stage !== 'NOT_STARTED' && event.delta.kind === 'changed';
  const opening = cluster.analysis_id === null && cluster.stage === 'NOT_STARTED' && event.delta.kind === 'opened';
  if (opening || unnamedRunning) return;
  throw new UnprojectableEventError(
    `${event.eventId}: 事業群 ${event.fiscalYear}/${event.clusterNo} は別の経営分析（${cluster.analysis_id ?? '名前なし'}、段階 ${cluster.stage}）を記録しています`,
  );
}

/** The saved version's text comes from the texts the API stored, by the hash the event names. */
async function saveVersion(manager: EntityManager, event: ClusterLifecycleEvent, saved: SavedReportText): Promise<void> {
  const values = `$1, $2, $3, $4, $5, $6, $7, $8, $9`;
  const params = [event.fiscalYear, event.clusterNo, saved.kind, saved.version, saved.title, event.actorId, event.actorName, event.occurredAt, saved.empty];
  const inserted =
    saved.textHash === null
      ? await execute(
          manager,
          `INSERT INTO report_versions (fiscal_year, cluster_no, report_kind, version, title, saved_by_id, saved_by_name, saved_at, empty, body)
           VALUES (${values}, $10) ON CONFLICT DO NOTHING`,
          [...params, saved.body ?? ''],
        )
      : await execute(
          manager,
          `INSERT INTO report_versions (fiscal_year, cluster_no, report_kind, version, title, saved_by_id, saved_by_name, saved_at, empty, body)
           SELECT ${values}, body FROM report_texts WHERE hash = $10 ON CONFLICT DO NOTHING`,
          [...params, saved.textHash],
        );
  if (inserted.affected > 0) return;
  const known = await queryFirst(manager, `SELECT 1 FROM report_texts WHERE hash = $1`, [saved.textHash]);
  if (saved.textHash !== null && !known) throw new UnprojectableEventError(`${event.eventId}: 本文 ${saved.textHash} は保存されていません`);
}
