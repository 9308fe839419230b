import { Actor } from '@app/domain';
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

/** The columns an entry is written with, in the order both inserts below give them. */
const AUDIT_COLUMNS = `(event_id, occurred_at, fiscal_year, cluster_no, actor_id, actor_name, action, from_state, to_state, report_kind, comment, details, subject)`;

/** An audit entry's insert, written only where the event id is not there yet: with {@link clusterSettingEntriesInsert}, the one way rows enter audit_events. */
export interface AuditEntryInsert {
  /** `INSERT … SELECT … ON CONFLICT (event_id) DO NOTHING RETURNING id`, its parameters numbered from the `first` given. */
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * The insert of one audit entry, as a statement of its own or a part of a larger one. `from` names
 * what the values are selected from: with a row locked in the same statement, the entry is written
 * only after the lock is held, and only if the row is there.
 */
export function auditEntryInsert(entry: NewAuditEntry, first = 1, from = ''): AuditEntryInsert {
  // Typed here: selected values, unlike VALUES, do not take the types of the columns they go to.
  const types = ['text', 'timestamptz', 'int', 'int', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'jsonb', 'text'];
  const values = types.map((type, index) => `$${first + index}::${type}`).join(', ');
  return {
    sql: `INSERT INTO audit_events ${AUDIT_COLUMNS}
          SELECT ${values} ${from}
          ON CONFLICT (event_id) DO NOTHING RETURNING id`,
    params: [
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
  };
}

/**
 * One audit entry per cluster a statement changed, as a part of that statement (`WITH changed AS
 * (UPDATE clusters … RETURNING no, stage, details), audited AS (<this>)`): a change of a thousand clusters
 * and its thousand entries are written together or not at all. The entries name the change and who made
 * it, the stage the cluster was in and the change's details; each gets an id of its own, the statement
 * running once per request.
 */
export function clusterSettingEntriesInsert(changed: string, change: { readonly fiscalYear: number; readonly action: string; readonly actor: Actor }, first: number): AuditEntryInsert {
  return {
    sql: `INSERT INTO audit_events ${AUDIT_COLUMNS}
          SELECT 'cluster-setting/' || gen_random_uuid(), now(), $${first}::int, no, $${first + 1}::uuid, $${first + 2}::text, $${first + 3}::text, stage, stage, NULL, NULL, details, NULL
            FROM ${changed}
          RETURNING id`,
    params: [change.fiscalYear, change.actor.id, change.actor.name, change.action],
  };
}

/** Appends an audit entry on its own; false when the event id is there already. */
export async function appendAuditEntry(manager: EntityManager, entry: NewAuditEntry): Promise<boolean> {
  const { sql, params } = auditEntryInsert(entry);
  return (await queryRows(manager, sql, params)).length > 0;
}
