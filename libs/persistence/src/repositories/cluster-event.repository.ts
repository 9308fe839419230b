import { ClusterLifecycleEvent } from '@app/domain';
import { DataSource } from 'typeorm';

export interface AuditEntryRow {
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
}

/**
 * Writes the audit entry and the read model of one lifecycle event in one transaction, so neither
 * is ever ahead of the other; a repeated event id is a no-op, an older seq never overwrites a newer.
 */
export class ClusterEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async apply(event: ClusterLifecycleEvent): Promise<{ applied: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO audit_events
           (event_id, occurred_at, fiscal_year, cluster_no, actor_id, actor_name, action, from_state, to_state, comment, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (event_id) DO NOTHING RETURNING id`,
        [
          event.eventId,
          event.occurredAt,
          event.fiscalYear,
          event.clusterNo,
          event.actorId,
          event.actorName,
          event.action,
          event.fromStage,
          event.toStage,
          event.comment,
          JSON.stringify(event.details),
        ],
      );
      if (inserted.length === 0) return { applied: false };
      await manager.query(
        `UPDATE clusters SET stage = $3, stage_changed_at = $4, last_event_seq = $5, updated_at = now()
         WHERE fiscal_year = $1 AND no = $2 AND last_event_seq < $5`,
        [event.fiscalYear, event.clusterNo, event.toStage, event.occurredAt, event.seq],
      );
      return { applied: true };
    });
  }

  async listForCluster(fiscalYear: number, clusterNo: number): Promise<AuditEntryRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT event_id, occurred_at, actor_id, actor_name, action, from_state, to_state, comment, details
       FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 ORDER BY id`,
      [fiscalYear, clusterNo],
    );
    return rows.map((row) => ({
      eventId: String(row.event_id),
      occurredAt: row.occurred_at as Date,
      actorId: (row.actor_id as string | null) ?? null,
      actorName: String(row.actor_name),
      action: String(row.action),
      fromState: (row.from_state as string | null) ?? null,
      toState: (row.to_state as string | null) ?? null,
      comment: (row.comment as string | null) ?? null,
      details: (row.details as Record<string, unknown>) ?? {},
    }));
  }
}
