import { ProcessKind, ProcessSubject } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { queryFirst, queryRows } from '../sql/typed-query';
import { AuditEntryRecord, AuditEntryRow, toAuditEntry } from './audit-trail';
import { subjectName } from './process-event.repository';

/** One process instance as the read model holds it. */
export interface ProcessRow<S> {
  readonly subject: ProcessSubject;
  readonly phase: string;
  readonly bureauCode: string | null;
  readonly state: S;
  readonly startedAt: Date;
  readonly updatedAt: Date;
}

/** A saved version of one of a process's documents. */
export interface ProcessVersionRow {
  readonly document: string;
  readonly version: number;
  readonly title: string;
  readonly empty: boolean;
  readonly savedBy: { readonly id: string | null; readonly name: string };
  readonly savedAt: Date;
}

interface InstanceRecord {
  readonly kind: ProcessKind;
  readonly fiscal_year: number;
  readonly key: string;
  readonly phase: string;
  readonly bureau_code: string | null;
  readonly state: unknown;
  readonly started_at: Date;
  readonly updated_at: Date;
}

interface VersionRecord {
  readonly document: string;
  readonly version: number;
  readonly title: string;
  readonly empty: boolean;
  readonly saved_by_id: string | null;
  readonly saved_by_name: string;
  readonly saved_at: Date;
}

/** The fields of a process's state that list cluster numbers. */
export type ClusterListField = 'relatedClusterNos' | 'clusterNos';

const INSTANCE_COLUMNS = 'kind, fiscal_year, key, phase, bureau_code, state, started_at, updated_at';

/** Which process names a cluster, and how: the kind, and the field of its state that lists cluster numbers. */
export interface ClusterNaming {
  readonly kind: ProcessKind;
  readonly field: ClusterListField;
}

/** A process naming a cluster, with the text it has published (an X policy's), if any. */
export type ProcessNamingCluster<S> = ProcessRow<S> & { readonly publishedText: string | null };

/**
 * The instances of a kind in the year $1 whose state lists the cluster $2 under the naming's field,
 * wherever it sits (a proposal's `relatedClusterNos`, an X policy's issues' `clusterNos`), each with the
 * text it published: a cluster's page asks on every read, and a year holds hundreds of proposals that
 * name other clusters. Its own parameters are numbered from `first`; its rows are read by {@link toProcessesNamingCluster}.
 */
export function processesNamingCluster(naming: ClusterNaming, first: number): { readonly sql: string; readonly params: unknown[] } {
  return {
    sql: `SELECT ${INSTANCE_COLUMNS}, (SELECT t.body FROM report_texts t WHERE t.hash = state #>> '{publication,textHash}') AS published_text
          FROM process_instances
          WHERE kind = $${first} AND fiscal_year = $1 AND jsonb_path_exists(state, $${first + 1}::jsonpath, jsonb_build_object('no', $2::int))`,
    params: [naming.kind, `lax $.**.${naming.field} ? (@ == $no)`],
  };
}

/** The rows of {@link processesNamingCluster} as JSON (`json_agg`), in the order of their keys. */
export function toProcessesNamingCluster<S>(records: readonly (Omit<InstanceRecord, 'started_at' | 'updated_at'> & { started_at: string; updated_at: string; published_text: string | null })[]): ProcessNamingCluster<S>[] {
  return records.map((record) => ({
    ...toRow<S>({ ...record, started_at: new Date(record.started_at), updated_at: new Date(record.updated_at) }),
    publishedText: record.published_text,
  }));
}

function toRow<S>(record: InstanceRecord): ProcessRow<S> {
  return {
    subject: { kind: record.kind, fiscalYear: record.fiscal_year, key: record.key },
    phase: record.phase,
    bureauCode: record.bureau_code,
    state: record.state as S,
    startedAt: record.started_at,
    updatedAt: record.updated_at,
  };
}

/** Reads of the Platinum and X-policy read model: instances, their documents' versions and texts, and their audit trail. */
export class ProcessReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find<S>(subject: ProcessSubject): Promise<ProcessRow<S> | null> {
    const record = await queryFirst<InstanceRecord>(
      this.dataSource,
      `SELECT ${INSTANCE_COLUMNS} FROM process_instances WHERE kind = $1 AND fiscal_year = $2 AND key = $3`,
      [subject.kind, subject.fiscalYear, subject.key],
    );
    return record ? toRow<S>(record) : null;
  }

  /** Every instance of a kind in a year, in key order (bureau code, proposal number). */
  async listAll<S>(kind: ProcessKind, fiscalYear: number): Promise<ProcessRow<S>[]> {
    const records = await queryRows<InstanceRecord>(
      this.dataSource,
      `SELECT ${INSTANCE_COLUMNS} FROM process_instances WHERE kind = $1 AND fiscal_year = $2 ORDER BY length(key), key`,
      [kind, fiscalYear],
    );
    return records.map((record) => toRow<S>(record));
  }

  /** One page of a kind's instances in a year, optionally of some phases and one bureau. */
  list<S>(kind: ProcessKind, fiscalYear: number, filter: { readonly phases?: readonly string[]; readonly bureauCode?: string }, page: PageRequest): Promise<Page<ProcessRow<S>>> {
    const where = `kind = $1 AND fiscal_year = $2 AND ($3::text[] IS NULL OR phase = ANY($3)) AND ($4::text IS NULL OR bureau_code = $4)`;
    const params = [kind, fiscalYear, filter.phases ?? null, filter.bureauCode ?? null];
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM process_instances WHERE ${where}`,
        rows: `SELECT ${INSTANCE_COLUMNS} FROM process_instances WHERE ${where} ORDER BY length(key), key`,
        params,
      },
      page,
      (record: InstanceRecord) => toRow<S>(record),
    );
  }

  /** Every running instance of the kinds, in any year, oldest year first. */
  async listRunning<S>(kinds: readonly ProcessKind[], closedPhases: readonly string[]): Promise<ProcessRow<S>[]> {
    const records = await queryRows<InstanceRecord>(
      this.dataSource,
      `SELECT ${INSTANCE_COLUMNS} FROM process_instances WHERE kind = ANY($1) AND NOT (phase = ANY($2)) ORDER BY fiscal_year, kind, length(key), key`,
      [kinds, closedPhases],
    );
    return records.map((record) => toRow<S>(record));
  }

  /** Workflow-id parts of the year's instances still running, which re-plan when a meeting moves. */
  async running(fiscalYear: number, closedPhases: readonly string[]): Promise<ProcessSubject[]> {
    const records = await queryRows<{ kind: ProcessKind; key: string }>(
      this.dataSource,
      `SELECT kind, key FROM process_instances WHERE fiscal_year = $1 AND NOT (phase = ANY($2)) ORDER BY kind, key`,
      [fiscalYear, closedPhases],
    );
    return records.map((record) => ({ kind: record.kind, fiscalYear, key: record.key }));
  }

  /** Running instances of a kind, in any year, with a step delegated to the user somewhere in their state. */
  async delegatedTo<S>(kind: ProcessKind, userId: string, closedPhases: readonly string[]): Promise<ProcessRow<S>[]> {
    const records = await queryRows<InstanceRecord>(
      this.dataSource,
      `SELECT ${INSTANCE_COLUMNS} FROM process_instances
       WHERE kind = $1 AND NOT (phase = ANY($3)) AND jsonb_path_exists(state, 'strict $.**.delegatedTo.id ? (@ == $id)', jsonb_build_object('id', $2::text))
       ORDER BY fiscal_year, length(key), key`,
      [kind, userId, closedPhases],
    );
    return records.map((record) => toRow<S>(record));
  }

  async versions(subject: ProcessSubject, document: string): Promise<ProcessVersionRow[]> {
    const records = await queryRows<VersionRecord>(
      this.dataSource,
      `SELECT document, version, title, empty, saved_by_id, saved_by_name, saved_at FROM process_document_versions
       WHERE kind = $1 AND fiscal_year = $2 AND key = $3 AND document = $4 ORDER BY version`,
      [subject.kind, subject.fiscalYear, subject.key, document],
    );
    return records.map((record) => ({
      document: record.document,
      version: record.version,
      title: record.title,
      empty: record.empty,
      savedBy: { id: record.saved_by_id, name: record.saved_by_name },
      savedAt: record.saved_at,
    }));
  }

  /** The words of one saved version, or null when there is no such version. */
  async versionText(subject: ProcessSubject, document: string, version: number): Promise<string | null> {
    const record = await queryFirst<{ body: string }>(
      this.dataSource,
      `SELECT body FROM process_document_versions WHERE kind = $1 AND fiscal_year = $2 AND key = $3 AND document = $4 AND version = $5`,
      [subject.kind, subject.fiscalYear, subject.key, document, version],
    );
    return record?.body ?? null;
  }

  /** Stored texts by hash (what was published names its texts so): a map of those found. */
  async texts(hashes: readonly string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const records = await queryRows<{ hash: string; body: string }>(this.dataSource, `SELECT hash, body FROM report_texts WHERE hash = ANY($1)`, [[...new Set(hashes)]]);
    return new Map(records.map((record) => [record.hash, record.body]));
  }

  /** The instance's audit trail, oldest first. */
  history(subject: ProcessSubject, page: PageRequest): Promise<Page<AuditEntryRow>> {
    const name = subjectName(subject);
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM audit_events WHERE subject = $1`,
        rows: `SELECT event_id, occurred_at, actor_id, actor_name, action, from_state, to_state, report_kind, comment, details
               FROM audit_events WHERE subject = $1 ORDER BY occurred_at, id`,
        params: [name],
      },
      page,
      (record: AuditEntryRecord) => toAuditEntry(record),
    );
  }
}
