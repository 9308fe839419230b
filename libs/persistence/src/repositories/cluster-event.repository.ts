import { ClusterLifecycleEvent, Meeting } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { execute, queryRows } from '../sql/typed-query';
import { saveMeeting } from './meeting.repository';

/** One entry of the audit trail as it is written: who did what, when, to which year and cluster. */
export interface NewAuditEntry {
  /** Stable per effect, so a retried write is recorded once. */
  readonly eventId: string;
  /** ISO 8601 instant. */
  readonly occurredAt: string;
  readonly fiscalYear: number;
  /** Null for changes of the year as a whole, such as its calendar. */
  readonly clusterNo: number | null;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly reportKind: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
}

/** One entry of a cluster's audit trail as it is read back. */
export interface AuditEntryRow extends Omit<NewAuditEntry, 'occurredAt' | 'fiscalYear' | 'clusterNo'> {
  readonly occurredAt: Date;
}

interface AuditEntryRecord {
  readonly event_id: string;
  readonly occurred_at: Date;
  readonly actor_id: string | null;
  readonly actor_name: string;
  readonly action: string;
  readonly from_state: string | null;
  readonly to_state: string | null;
  readonly report_kind: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
}

/**
 * The audit trail, and the read model each entry explains. Writes the audit entry and the read model
 * of one change in one transaction, so neither is ever ahead of the other; a repeated event id is a
 * no-op, and of a cluster's events an older seq never overwrites a newer.
 */
export class ClusterEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async apply(event: ClusterLifecycleEvent): Promise<{ applied: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const appended = await appendAuditEntry(manager, {
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
      });
      if (!appended) return { applied: false };
      if (event.savedText) {
        await execute(
          manager,
          `INSERT INTO report_versions (fiscal_year, cluster_no, report_kind, version, title, body, saved_by_id, saved_by_name, saved_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [
            event.fiscalYear,
            event.clusterNo,
            event.savedText.kind,
            event.savedText.version,
            event.savedText.title,
            event.savedText.body,
            event.actorId,
            event.actorName,
            event.occurredAt,
          ],
        );
      }
      const moved = await queryRows(
        manager,
        `UPDATE clusters SET
           stage = $3,
           stage_changed_at = CASE WHEN stage IS DISTINCT FROM $3 THEN $4::timestamptz ELSE stage_changed_at END,
           owning_bureau_code = $6,
           case_state = $7,
           deadlines = $8,
           last_event_seq = $5,
           updated_at = now()
         WHERE fiscal_year = $1 AND no = $2 AND last_event_seq < $5 RETURNING no`,
        [event.fiscalYear, event.clusterNo, event.toStage, event.occurredAt, event.seq, event.state.owningBureau.code, JSON.stringify(event.state), JSON.stringify(event.deadlines ?? [])],
      );
      if (moved.length > 0) await replaceOwedActions(manager, event);
      return { applied: true };
    });
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

function toAuditEntry(row: AuditEntryRecord): AuditEntryRow {
  return {
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    reportKind: row.report_kind,
    comment: row.comment,
    details: row.details,
  };
}

/** The only writer of audit_events; false when the event id is there already. */
async function appendAuditEntry(manager: EntityManager, entry: NewAuditEntry): Promise<boolean> {
  const inserted = await queryRows(
    manager,
    `INSERT INTO audit_events
       (event_id, occurred_at, fiscal_year, cluster_no, actor_id, actor_name, action, from_state, to_state, report_kind, comment, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (event_id) DO NOTHING RETURNING id`,
    [
      entry.eventId,
      entry.occurredAt,
      entry.fiscalYear,
      entry.clusterNo,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.fromState,
      entry.toState,
      entry.reportKind,
      entry.comment,
      JSON.stringify(entry.details),
    ],
  );
  return inserted.length > 0;
}

/** What people owe on the cluster is replaced as a whole: the event carries the complete list. */
async function replaceOwedActions(manager: EntityManager, event: ClusterLifecycleEvent): Promise<void> {
  await execute(manager, `DELETE FROM owed_actions WHERE fiscal_year = $1 AND cluster_no = $2`, [event.fiscalYear, event.clusterNo]);
  for (const owed of event.owed) {
    const deadline = (event.deadlines ?? []).find((candidate) => candidate.target === owed.reportKind);
    await execute(
      manager,
      `INSERT INTO owed_actions
         (fiscal_year, cluster_no, report_kind, report_label, action, role, bureau_code, assignee_id, assignee_name, excluded_user_ids, step_label, since,
          due_at, provisional)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        event.fiscalYear,
        event.clusterNo,
        owed.reportKind,
        owed.reportLabel,
        owed.action,
        owed.role,
        owed.bureauCode,
        owed.assignee?.id ?? null,
        owed.assignee?.name ?? null,
        owed.excludedUserIds,
        owed.stepLabel,
        event.occurredAt,
        deadline?.dueAt ?? null,
        deadline?.provisional ?? false,
      ],
    );
  }
}
