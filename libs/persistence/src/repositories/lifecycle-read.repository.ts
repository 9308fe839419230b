import { ClusterCase, Role } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { queryFirst, queryRows } from '../sql/typed-query';

export interface ReportTextRow {
  readonly reportKind: string;
  readonly version: number;
  readonly title: string;
  readonly body: string;
  readonly savedById: string | null;
  readonly savedByName: string;
  readonly savedAt: Date;
}

/** A saved version as lists show it: without its text. */
export interface ReportVersionRow {
  readonly reportKind: string;
  readonly version: number;
  readonly title: string;
  readonly empty: boolean;
  readonly savedById: string | null;
  readonly savedByName: string;
  readonly savedAt: Date;
}

export interface TaskRow {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly clusterName: string;
  readonly stage: string;
  readonly reportKind: string;
  readonly reportLabel: string;
  readonly action: string;
  readonly stepLabel: string | null;
  readonly delegated: boolean;
  readonly since: Date;
  readonly dueAt: Date | null;
  readonly provisional: boolean;
}

export interface TaskOwner {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly bureauCode: string | null;
}

export interface ProgressCountRow {
  readonly groupCode: string;
  readonly groupName: string;
  readonly kindCode: string | null;
  readonly kindName: string | null;
  readonly stage: string;
  readonly count: number;
}

export interface BureauProgressRow {
  readonly bureauCode: string | null;
  readonly bureauName: string | null;
  readonly stage: string;
  readonly count: number;
}

interface ReportVersionRecord {
  readonly report_kind: string;
  readonly version: number;
  readonly title: string;
  readonly body: string;
  readonly saved_by_id: string | null;
  readonly saved_by_name: string;
  readonly saved_at: Date;
}

/** An owed action with its cluster's name and stage. */
interface OwedActionRecord {
  readonly fiscal_year: number;
  readonly cluster_no: number;
  readonly cluster_name: string;
  readonly stage: string;
  readonly report_kind: string;
  readonly report_label: string;
  readonly action: string;
  readonly role: string;
  readonly bureau_code: string | null;
  readonly assignee_id: string | null;
  readonly step_label: string | null;
  readonly since: Date;
  readonly due_at: Date | null;
  readonly provisional: boolean;
}

// Columns named, never `*`: a statement is prepared once per connection, and a column added while it runs would change its answer's shape.
const OWED_ACTION_SELECT = `SELECT o.fiscal_year, o.cluster_no, o.report_kind, o.report_label, o.action, o.role, o.bureau_code, o.assignee_id, o.step_label, o.since,
       o.due_at, o.provisional, c.name AS cluster_name, c.stage FROM owed_actions o
       JOIN clusters c ON c.fiscal_year = o.fiscal_year AND c.no = o.cluster_no`;

/** A cluster's saved versions without their texts, and the newest saved text of each report. */
export interface ReportVersions {
  readonly versions: ReportVersionRow[];
  readonly latestTexts: ReportTextRow[];
}

/** Every saved version of the cluster $2 of the year $1, with its body where it is its report's newest; read by {@link toReportVersions}. */
export const REPORT_VERSIONS_WITH_NEWEST_TEXT = `
  SELECT report_kind, version, title, empty, saved_by_id, saved_by_name, saved_at,
         CASE WHEN version = max(version) OVER (PARTITION BY report_kind) THEN body END AS latest_body
  FROM report_versions WHERE fiscal_year = $1 AND cluster_no = $2`;

/** The rows of {@link REPORT_VERSIONS_WITH_NEWEST_TEXT} as JSON (`json_agg`), oldest first. */
export function toReportVersions(rows: readonly (Omit<ReportVersionRecord, 'body' | 'saved_at'> & { empty: boolean; saved_at: string; latest_body: string | null })[]): ReportVersions {
  const saved = rows.map((row) => ({ ...row, saved_at: new Date(row.saved_at) }));
  return {
    versions: saved.map((row) => ({
      reportKind: row.report_kind,
      version: row.version,
      title: row.title,
      empty: row.empty,
      savedById: row.saved_by_id,
      savedByName: row.saved_by_name,
      savedAt: row.saved_at,
    })),
    latestTexts: saved.flatMap(({ latest_body: body, ...row }) => (body === null ? [] : [toReportText({ ...row, body })])),
  };
}

/** Reads of the lifecycle read model that lists, details and counts are drawn from. */
export class LifecycleReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findCase(fiscalYear: number, clusterNo: number): Promise<ClusterCase | null> {
    const row = await queryFirst<{ case_state: ClusterCase | null }>(
      this.dataSource,
      `SELECT case_state FROM clusters WHERE fiscal_year = $1 AND no = $2`,
      [fiscalYear, clusterNo],
    );
    return row?.case_state ?? null;
  }

  async findText(fiscalYear: number, clusterNo: number, reportKind: string, version: number): Promise<ReportTextRow | null> {
    const row = await queryFirst<ReportVersionRecord>(
      this.dataSource,
      `SELECT report_kind, version, title, body, saved_by_id, saved_by_name, saved_at FROM report_versions WHERE fiscal_year = $1 AND cluster_no = $2 AND report_kind = $3 AND version = $4`,
      [fiscalYear, clusterNo, reportKind, version],
    );
    return row ? toReportText(row) : null;
  }

  /** The current steps delegated to the user (代理), across every running analysis. */
  async stepsDelegatedTo(userId: string): Promise<{ readonly fiscalYear: number; readonly clusterNo: number; readonly reportKind: string }[]> {
    const rows = await queryRows<{ fiscal_year: number; cluster_no: number; report_kind: string }>(
      this.dataSource,
      `SELECT fiscal_year, cluster_no, report_kind FROM owed_actions WHERE assignee_id = $1 AND action = 'decide' ORDER BY fiscal_year, cluster_no, report_kind`,
      [userId],
    );
    return rows.map((row) => ({ fiscalYear: row.fiscal_year, clusterNo: row.cluster_no, reportKind: row.report_kind }));
  }

  /**
   * What the user owes now: drafts of their bureau's reports (staff), and decisions on steps whose
   * role they hold in the step's bureau, or that were delegated to them, on reports they did not write.
   */
  tasksFor(owner: TaskOwner, page: PageRequest): Promise<Page<TaskRow>> {
    const where = `
      (o.assignee_id = $1 OR (o.assignee_id IS NULL AND o.role = ANY($2::text[]) AND (o.bureau_code IS NULL OR o.bureau_code = $3)))
      AND NOT ($1 = ANY(o.excluded_user_ids))`;
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM owed_actions o WHERE ${where}`,
        rows: `${OWED_ACTION_SELECT} WHERE ${where} ORDER BY o.due_at NULLS LAST, o.since, o.fiscal_year, o.cluster_no, o.report_kind`,
        params: [owner.id, owner.roles, owner.bureauCode],
      },
      page,
      toTaskRow,
    );
  }

  /** Every open item of the year, soonest deadline first, for the progress view. */
  async openItems(fiscalYear: number): Promise<(TaskRow & { role: string; bureauCode: string | null })[]> {
    const rows = await queryRows<OwedActionRecord>(
      this.dataSource,
      `${OWED_ACTION_SELECT} WHERE o.fiscal_year = $1 ORDER BY o.due_at NULLS LAST, o.cluster_no, o.report_kind`,
      [fiscalYear],
    );
    return rows.map((row) => ({ ...toTaskRow(row), role: row.role, bureauCode: row.bureau_code }));
  }

  async progressByCategory(fiscalYear: number): Promise<ProgressCountRow[]> {
    const rows = await queryRows<{ group_code: string; group_name: string; kind_code: string | null; kind_name: string | null; stage: string; count: number }>(
      this.dataSource,
      // Counted on the clusters' own index first; the few counts are then named.
      `SELECT c.group_code, g.name AS group_name, c.kind_code, k.name AS kind_name, c.stage, c.count
       FROM (SELECT group_code, kind_code, stage, count(*)::int AS count FROM clusters WHERE fiscal_year = $1 GROUP BY group_code, kind_code, stage) c
       JOIN cluster_groups g ON g.fiscal_year = $1 AND g.code = c.group_code
       LEFT JOIN cluster_kinds k ON k.fiscal_year = $1 AND k.code = c.kind_code
       ORDER BY g.sort_order, k.sort_order NULLS FIRST, c.stage`,
      [fiscalYear],
    );
    return rows.map((row) => ({
      groupCode: row.group_code,
      groupName: row.group_name,
      kindCode: row.kind_code,
      kindName: row.kind_name,
      stage: row.stage,
      count: row.count,
    }));
  }

  async progressByBureau(fiscalYear: number): Promise<BureauProgressRow[]> {
    const rows = await queryRows<{ owning_bureau_code: string | null; bureau_name: string | null; stage: string; count: number }>(
      this.dataSource,
      `SELECT c.owning_bureau_code, b.name AS bureau_name, c.stage, c.count
       FROM (SELECT owning_bureau_code, stage, count(*)::int AS count FROM clusters WHERE fiscal_year = $1 GROUP BY owning_bureau_code, stage) c
       LEFT JOIN bureaus b ON b.code = c.owning_bureau_code
       ORDER BY c.owning_bureau_code NULLS LAST, c.stage`,
      [fiscalYear],
    );
    return rows.map((row) => ({ bureauCode: row.owning_bureau_code, bureauName: row.bureau_name, stage: row.stage, count: row.count }));
  }
}

function toTaskRow(row: OwedActionRecord): TaskRow {
  return {
    fiscalYear: row.fiscal_year,
    clusterNo: row.cluster_no,
    clusterName: row.cluster_name,
    stage: row.stage,
    reportKind: row.report_kind,
    reportLabel: row.report_label,
    action: row.action,
    stepLabel: row.step_label,
    delegated: row.assignee_id !== null,
    since: row.since,
    dueAt: row.due_at,
    provisional: row.provisional,
  };
}

function toReportText(row: ReportVersionRecord): ReportTextRow {
  return {
    reportKind: row.report_kind,
    version: row.version,
    title: row.title,
    body: row.body,
    savedById: row.saved_by_id,
    savedByName: row.saved_by_name,
    savedAt: row.saved_at,
  };
}
