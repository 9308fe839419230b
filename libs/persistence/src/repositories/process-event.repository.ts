import { ProcessEvent, ProcessSubject, SavedDocumentText } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { execute, queryFirst } from '../sql/typed-query';
import { appendAuditEntry, NewAuditEntry } from './audit-trail';
import { UnprojectableEventError } from './cluster-event.repository';

/** How a subject is named in the audit trail and in failures: x-policy/2024/kankyo. */
export const subjectName = (subject: ProcessSubject): string => `${subject.kind}/${subject.fiscalYear}/${subject.key}`;

interface ProjectedProcess {
  readonly process_id: string;
  readonly last_event_seq: number;
}

/**
 * The audit trail and read model of the Platinum project, its proposals and the X policies. One
 * event's audit entry and read model are written in one transaction; a repeated event is a no-op;
 * an event of another instance of the same subject, or an id reused for another change, is an
 * error, never silently dropped.
 */
export class ProcessEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async apply(event: ProcessEvent): Promise<{ applied: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const { kind, fiscalYear, key } = event.subject;
      const row = await queryFirst<ProjectedProcess>(
        manager,
        `SELECT process_id, last_event_seq FROM process_instances WHERE kind = $1 AND fiscal_year = $2 AND key = $3 FOR UPDATE`,
        [kind, fiscalYear, key],
      );
      if (row && row.process_id !== event.processId) {
        throw new UnprojectableEventError(`${event.eventId}: ${subjectName(event.subject)} は別の処理（${row.process_id}）を記録しています`);
      }
      if (!row && event.seq !== 1) throw new UnprojectableEventError(`${event.eventId}: ${subjectName(event.subject)} の開始が記録されていません`);
      if (!(await appendAuditEntry(manager, auditEntryOf(event)))) {
        await requireSameEvent(manager, event);
        return { applied: false };
      }
      if (!row) {
        await execute(
          manager,
          `INSERT INTO process_instances (kind, fiscal_year, key, process_id, phase, bureau_code, state, last_event_seq, started_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
          [kind, fiscalYear, key, event.processId, event.toPhase, event.bureauCode, JSON.stringify(event.state), event.seq, event.occurredAt],
        );
      } else if (event.seq > row.last_event_seq) {
        await execute(
          manager,
          `UPDATE process_instances SET phase = $4, bureau_code = $5, state = $6, last_event_seq = $7, updated_at = $8
           WHERE kind = $1 AND fiscal_year = $2 AND key = $3`,
          [kind, fiscalYear, key, event.toPhase, event.bureauCode, JSON.stringify(event.state), event.seq, event.occurredAt],
        );
      }
      if (event.savedText) await saveVersion(manager, event, event.savedText);
      return { applied: true };
    });
  }

  /** Keeps an event the read model could not take where admins see it (its own transaction: the event's was rolled back). */
  async recordFailure(event: ProcessEvent, problem: string): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO projection_failures (event_id, fiscal_year, cluster_no, subject, seq, action, problem) VALUES ($1, $2, NULL, $3, $4, $5, $6)
       ON CONFLICT (event_id) DO UPDATE SET problem = EXCLUDED.problem, failed_at = now()`,
      [event.eventId, event.subject.fiscalYear, subjectName(event.subject), event.seq, event.action, problem],
    );
  }
}

function auditEntryOf(event: ProcessEvent): NewAuditEntry {
  return {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    fiscalYear: event.subject.fiscalYear,
    clusterNo: null,
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    fromState: event.fromPhase,
    toState: event.toPhase,
    reportKind: event.document,
    comment: event.comment,
    details: event.details,
    subject: subjectName(event.subject),
  };
}

async function requireSameEvent(manager: EntityManager, event: ProcessEvent): Promise<void> {
  const stored = await queryFirst<{ subject: string | null; action: string; actor_id: string | null; occurred_at: Date }>(
    manager,
    `SELECT subject, action, actor_id, occurred_at FROM audit_events WHERE event_id = $1`,
    [event.eventId],
  );
  const same =
    stored &&
    stored.subject === subjectName(event.subject) &&
    stored.action === event.action &&
    stored.actor_id === event.actorId &&
    stored.occurred_at.getTime() === Date.parse(event.occurredAt);
  if (!same) throw new UnprojectableEventError(`${event.eventId}: この事象 ID は別の変更（${stored?.action ?? '不明'}）に使われています`);
}

/** The saved version's text comes from the texts the API stored, by the hash the event names. */
async function saveVersion(manager: EntityManager, event: ProcessEvent, saved: SavedDocumentText): Promise<void> {
  const { kind, fiscalYear, key } = event.subject;
  const inserted = await execute(
    manager,
    `INSERT INTO process_document_versions (kind, fiscal_year, key, document, version, title, empty, body, saved_by_id, saved_by_name, saved_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, body, $8, $9, $10 FROM report_texts WHERE hash = $11 ON CONFLICT DO NOTHING`,
    [kind, fiscalYear, key, saved.document, saved.version, saved.title, saved.empty, event.actorId, event.actorName, event.occurredAt, saved.textHash],
  );
  if (inserted.affected > 0) return;
  const known = await queryFirst(manager, `SELECT 1 FROM report_texts WHERE hash = $1`, [saved.textHash]);
  if (!known) throw new UnprojectableEventError(`${event.eventId}: 本文 ${saved.textHash} は保存されていません`);
}
