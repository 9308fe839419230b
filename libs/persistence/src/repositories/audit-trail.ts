import { EntityManager } from 'typeorm';
import { queryRows } from '../sql/typed-query';

/** One entry of the audit trail as it is written: who did what, when, to which year and cluster or process. */
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
  /** The process instance of a Platinum or X-policy event (x-policy/2024/kankyo); null for clusters and the calendar. */
  readonly subject: string | null;
}

/** One entry of a cluster's or a process's audit trail as it is read back. */
export interface AuditEntryRow extends Omit<NewAuditEntry, 'occurredAt' | 'fiscalYear' | 'clusterNo' | 'subject'> {
  readonly occurredAt: Date;
}

export interface AuditEntryRecord {
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

export function toAuditEntry(row: AuditEntryRecord): AuditEntryRow {
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
export async function appendAuditEntry(manager: EntityManager, entry: NewAuditEntry): Promise<boolean> {
  const inserted = await queryRows(
    manager,
    `INSERT INTO audit_events
       (event_id, occurred_at, fiscal_year, cluster_no, actor_id, actor_name, action, from_state, to_state, report_kind, comment, details, subject)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
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
      entry.subject,
    ],
  );
  return inserted.length > 0;
}

