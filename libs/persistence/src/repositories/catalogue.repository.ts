import {
  Actor,
  analysedFlagAction,
  ClusterAction,
  ClusterCase,
  ClusterGroup,
  ClusterKind,
  ClusterStage,
  Deadline,
  LifecycleSettings,
  ReportState,
  earliestMeetingDay,
  fiscalYearLabel,
  MeetingDate,
  OverdueBeforeKickoff,
  refused,
  shiftMeetingDate,
  STAGES_OWING_NOTHING,
} from '@app/domain';
import { DataSource } from 'typeorm';
import { clusterSettingEntriesInsert } from './audit-trail';
import { Page, PageRequest, pageStatement } from '../sql/paging';
import { execute, queryFirst, queryRows, SqlExecutor } from '../sql/typed-query';
import { LIFECYCLE_SETTINGS_OF_CLUSTER_YEAR } from './fiscal-year-settings.repository';
import { REPORT_VERSIONS_WITH_NEWEST_TEXT, ReportVersions, toReportVersions } from './lifecycle-read.repository';
import { ClusterNaming, ProcessNamingCluster, processesNamingCluster, toProcessesNamingCluster } from './process-read.repository';

/** Longer than any start of a workflow may take (the API's Temporal deadline is 15 s). */
const KICKOFF_CLAIM_LEASE_SECONDS = 120;

export interface ClusterFilter {
  /** Only the clusters of these numbers. */
  readonly nos?: readonly number[];
  readonly group?: ClusterGroup;
  readonly kind?: ClusterKind;
  readonly stage?: ClusterStage;
  readonly bureau?: string;
  readonly analysedThisYear?: boolean;
  readonly overdue?: OverdueCondition;
  /**
   * Only clusters that may owe a deadline pegged to the meeting of this id; the domain judges those. A
   * cluster may owe one unless it is in a stage that owes nothing, is not kicked off and not flagged for
   * this year, or is kicked off with no planned deadline for the meeting.
   */
  readonly mayOweFor?: string;
  /** Only kicked-off clusters, running or closed, that planned a deadline pegged to the meeting of this id. */
  readonly plannedFor?: string;
}

/**
 * Only the clusters that are (or are not) 期限超過 at `at`: a kicked-off one by the time its projection
 * stored (the domain's overdueFrom), one not kicked off by the domain's verdicts for the year's calendar.
 */
export interface OverdueCondition {
  readonly overdue: boolean;
  readonly at: string;
  readonly beforeKickoff: OverdueBeforeKickoff;
}

export interface NamedCode {
  readonly code: string;
  readonly name: string;
}

export interface ClusterRow {
  readonly fiscalYear: number;
  readonly no: number;
  readonly name: string;
  readonly group: NamedCode;
  readonly kind: NamedCode | null;
  readonly analysedThisYear: boolean;
  readonly owningBureau: NamedCode | null;
  readonly stage: ClusterStage;
  readonly stageChangedAt: Date | null;
  readonly updatedAt: Date;
  readonly pending: PendingActionRow[];
  /** As the cluster's workflow last planned them; empty before kickoff. */
  readonly deadlines: Deadline[];
  /** The reports as the workflow last recorded them; empty before kickoff. */
  readonly reports: ReportState[];
}

/** A cluster and the case its workflow last recorded: null before kickoff. */
export interface ClusterWithCase {
  readonly cluster: ClusterRow;
  readonly case: ClusterCase | null;
}

/**
 * Everything a cluster's page shows, read at once: the cluster with its case, its saved versions, the
 * year's lifecycle settings, and under each name a naming was asked by, the processes that name the cluster.
 */
export interface ClusterDetailRecord<N extends string = string> extends ClusterWithCase, ReportVersions {
  readonly lifecycleSettings: LifecycleSettings | null;
  readonly naming: Readonly<Record<N, ProcessNamingCluster<unknown>[]>>;
}

/** What is owed on a cluster now, as lists show it. */
export interface PendingActionRow {
  readonly reportKind: string;
  readonly reportLabel: string;
  readonly action: string;
  readonly role: string;
  readonly bureauCode: string | null;
  readonly assigneeName: string | null;
  readonly stepLabel: string | null;
  readonly since: string;
  readonly dueAt: string | null;
  readonly provisional: boolean;
}

export interface CatalogueCategoryRow {
  readonly code: string;
  readonly name: string;
  readonly reform: string | null;
  readonly description: string | null;
  readonly groupCode: string | null;
}

export interface FiscalYearRow {
  readonly fiscalYear: number;
  readonly label: string;
  readonly copiedFrom: number | null;
  readonly clusterCount: number;
}

interface ClusterRecord {
  readonly fiscal_year: number;
  readonly no: number;
  readonly name: string;
  readonly group_code: string;
  readonly group_name: string;
  readonly kind_code: string | null;
  readonly kind_name: string | null;
  readonly analysed_this_year: boolean;
  readonly owning_bureau_code: string | null;
  readonly bureau_name: string | null;
  readonly stage: ClusterStage;
  readonly stage_changed_at: Date | null;
  readonly updated_at: Date;
  readonly deadlines: Deadline[] | null;
  readonly reports: ReportState[] | null;
  readonly pending: PendingActionRow[];
}

interface CategoryRecord {
  readonly code: string;
  readonly name: string;
  readonly reform: string | null;
  readonly description: string | null;
  readonly group_code: string | null;
}

const CLUSTER_COLUMNS = `
  c.fiscal_year, c.no, c.name, c.group_code, g.name AS group_name, c.kind_code, k.name AS kind_name,
         c.analysed_this_year, c.owning_bureau_code, b.name AS bureau_name, c.stage, c.stage_changed_at, c.updated_at, c.deadlines,
         c.case_state -> 'reports' AS reports,
         (SELECT coalesce(json_agg(json_build_object(
                   'reportKind', o.report_kind, 'reportLabel', o.report_label, 'action', o.action, 'role', o.role,
                   'bureauCode', o.bureau_code, 'assigneeName', o.assignee_name, 'stepLabel', o.step_label, 'since', o.since,
                   'dueAt', o.due_at, 'provisional', o.provisional)
                 ORDER BY o.report_kind), '[]'::json)
          FROM owed_actions o WHERE o.fiscal_year = c.fiscal_year AND o.cluster_no = c.no) AS pending`;

const CLUSTER_FROM = `
  FROM clusters c
  JOIN cluster_groups g ON g.fiscal_year = c.fiscal_year AND g.code = c.group_code
  LEFT JOIN cluster_kinds k ON k.fiscal_year = c.fiscal_year AND k.code = c.kind_code
  LEFT JOIN bureaus b ON b.code = c.owning_bureau_code`;

const CLUSTER_SELECT = `SELECT ${CLUSTER_COLUMNS} ${CLUSTER_FROM}`;

/** The board's order: group, then kind (none first), then the cluster's own place and, between equal places, its number, so pages never overlap; each row carries the first two (kept by a trigger). */
const BOARD_ORDER = 'ORDER BY c.group_sort_order, c.kind_sort_order NULLS FIRST, c.sort_order, c.no';

/** The WHERE clause of a filter over one year's clusters (alias c), with its parameters. */
function clusterConditions(fiscalYear: number, filter: ClusterFilter): { readonly where: string; readonly params: unknown[] } {
  const conditions = ['c.fiscal_year = $1'];
  const params: unknown[] = [fiscalYear];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.nos !== undefined) conditions.push(`c.no = ANY(${param(filter.nos)}::int[])`);
  if (filter.group !== undefined) conditions.push(`c.group_code = ${param(filter.group)}`);
  if (filter.kind !== undefined) conditions.push(`c.kind_code = ${param(filter.kind)}`);
  if (filter.stage !== undefined) conditions.push(`c.stage = ${param(filter.stage)}`);
  if (filter.bureau !== undefined) conditions.push(`c.owning_bureau_code = ${param(filter.bureau)}`);
  if (filter.analysedThisYear !== undefined) conditions.push(`c.analysed_this_year = ${param(filter.analysedThisYear)}`);
  if (filter.overdue !== undefined) {
    const { overdue, at, beforeKickoff } = filter.overdue;
    const notStarted = param(ClusterStage.NotStarted);
    // Written as alternatives an index can serve each of: kicked off and past the stored time, or not
    // kicked off with a verdict of overdue. NULL (a cluster that owes nothing) counts as not overdue.
    const isOverdue = `((c.stage <> ${notStarted} AND c.overdue_from < ${param(at)}::timestamptz)
      OR (c.stage = ${notStarted} AND c.analysed_this_year = ANY(${param(beforeKickoff.unnamedWhenAnalysed)}::boolean[]) AND c.no <> ALL(${param(beforeKickoff.named)}::int[]))
      OR (c.stage = ${notStarted} AND c.analysed_this_year AND c.no = ANY(${param(beforeKickoff.namedOverdueWhenAnalysed)}::int[]))
      OR (c.stage = ${notStarted} AND NOT c.analysed_this_year AND c.no = ANY(${param(beforeKickoff.namedOverdueWhenNotAnalysed)}::int[])))`;
    conditions.push(overdue ? isOverdue : `NOT coalesce(${isOverdue}, false)`);
  }
  if (filter.mayOweFor !== undefined) {
    const notStarted = param(ClusterStage.NotStarted);
    conditions.push(`c.stage <> ALL(${param(STAGES_OWING_NOTHING)}::text[])`);
    conditions.push(`((c.stage = ${notStarted} AND c.analysed_this_year)
      OR (c.stage <> ${notStarted} AND c.deadlines @> jsonb_build_array(jsonb_build_object('meetingId', ${param(filter.mayOweFor)}::text))))`);
  }
  if (filter.plannedFor !== undefined) {
    conditions.push(`c.stage <> ${param(ClusterStage.NotStarted)}`);
    conditions.push(`c.deadlines @> jsonb_build_array(jsonb_build_object('meetingId', ${param(filter.plannedFor)}::text))`);
  }
  return { where: conditions.join(' AND '), params };
}

/** Reads and edits each fiscal year's cluster catalogue and its lifecycle read model. */
export class CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listFiscalYears(): Promise<FiscalYearRow[]> {
    const rows = await queryRows<{ fiscal_year: number; label: string; copied_from: number | null; cluster_count: number }>(
      this.dataSource,
      `SELECT f.fiscal_year, f.label, f.copied_from, count(c.no)::int AS cluster_count
       FROM fiscal_years f LEFT JOIN clusters c ON c.fiscal_year = f.fiscal_year
       GROUP BY f.fiscal_year ORDER BY f.fiscal_year`,
    );
    return rows.map((row) => ({ fiscalYear: row.fiscal_year, label: row.label, copiedFrom: row.copied_from, clusterCount: row.cluster_count }));
  }

  async fiscalYearExists(fiscalYear: number): Promise<boolean> {
    return (await queryFirst(this.dataSource, `SELECT 1 FROM fiscal_years WHERE fiscal_year = $1`, [fiscalYear])) !== null;
  }

  async listClusters(fiscalYear: number, filter: ClusterFilter, page: PageRequest): Promise<Page<ClusterRow>> {
    const { where, params } = clusterConditions(fiscalYear, filter);
    // The page is chosen in board order off an index, and only its rows are read whole, with their reports and owed actions.
    const keys = pageStatement(`SELECT c.no FROM clusters c WHERE ${where} ${BOARD_ORDER}`, params, page);
    const [[{ total }], rows] = await Promise.all([
      queryRows<{ total: number }>(this.dataSource, `SELECT count(*)::int AS total FROM clusters c WHERE ${where}`, params),
      queryRows<ClusterRecord>(this.dataSource, `${CLUSTER_SELECT} WHERE c.fiscal_year = $1 AND c.no = ANY(ARRAY(${keys.sql})) ${BOARD_ORDER}`, keys.params),
    ]);
    return { items: rows.map(toClusterRow), total, page: page.page, pageSize: page.pageSize };
  }

  /** Every cluster of the year the filter lets through, in board order: for what depends on all of them, however many there are. */
  async listAllClusters(fiscalYear: number, filter: ClusterFilter): Promise<ClusterRow[]> {
    const { where, params } = clusterConditions(fiscalYear, filter);
    return (await queryRows<ClusterRecord>(this.dataSource, `${CLUSTER_SELECT} WHERE ${where} ${BOARD_ORDER}`, params)).map(toClusterRow);
  }

  async findCluster(fiscalYear: number, no: number): Promise<ClusterRow | null> {
    const row = await queryFirst<ClusterRecord>(this.dataSource, `${CLUSTER_SELECT} WHERE c.fiscal_year = $1 AND c.no = $2`, [fiscalYear, no]);
    return row ? toClusterRow(row) : null;
  }

  /**
   * A cluster's detail in one statement, where side by side it was five: it is read after every action
   * to answer it, and each statement costs the API a socket write and PostgreSQL a round trip.
   */
  async findClusterDetail<N extends string>(fiscalYear: number, no: number, namings: Readonly<Record<N, ClusterNaming>>): Promise<ClusterDetailRecord<N> | null> {
    const params: unknown[] = [fiscalYear, no];
    const names = Object.keys(namings) as N[];
    const naming = names.map((name, index) => {
      const query = processesNamingCluster(namings[name], params.length + 1);
      params.push(...query.params);
      return `(SELECT coalesce(json_agg(p ORDER BY length(p.key), p.key), '[]'::json) FROM (${query.sql}) p) AS naming_${index}`;
    });
    type NamingColumns = Record<`naming_${number}`, Parameters<typeof toProcessesNamingCluster>[0]>;
    const row = await queryFirst<ClusterRecord & NamingColumns & { case_state: ClusterCase | null; lifecycle_settings: LifecycleSettings | null; versions: Parameters<typeof toReportVersions>[0] }>(
      this.dataSource,
      `SELECT ${CLUSTER_COLUMNS}, c.case_state,
              (${LIFECYCLE_SETTINGS_OF_CLUSTER_YEAR}) AS lifecycle_settings,
              (SELECT coalesce(json_agg(v ORDER BY v.report_kind, v.version), '[]'::json) FROM (${REPORT_VERSIONS_WITH_NEWEST_TEXT}) v) AS versions
              ${naming.map((column) => `, ${column}`).join('')}
       ${CLUSTER_FROM} WHERE c.fiscal_year = $1 AND c.no = $2`,
      params,
    );
    if (!row) return null;
    return {
      cluster: toClusterRow(row),
      case: row.case_state,
      ...toReportVersions(row.versions),
      lifecycleSettings: row.lifecycle_settings,
      naming: Object.fromEntries(names.map((name, index) => [name, toProcessesNamingCluster(row[`naming_${index}`])])) as Record<N, ProcessNamingCluster<unknown>[]>,
    };
  }

  /** Of these cluster numbers, those the year's catalogue has. */
  async existingClusterNos(fiscalYear: number, nos: readonly number[]): Promise<number[]> {
    if (nos.length === 0) return [];
    const rows = await queryRows<{ no: number }>(this.dataSource, `SELECT no FROM clusters WHERE fiscal_year = $1 AND no = ANY($2::int[]) ORDER BY no`, [fiscalYear, [...nos]]);
    return rows.map((row) => row.no);
  }

  /**
   * Claims the cluster's kickoff: true for the one request that may start its analysis, decided here
   * so that two requests cannot both pass. Only a cluster not yet started can be claimed; a claim whose
   * request died is taken over after a lease.
   */
  async claimKickoff(fiscalYear: number, no: number): Promise<boolean> {
    const { affected } = await execute(
      this.dataSource,
      `UPDATE clusters SET kickoff_claimed_at = now()
       WHERE fiscal_year = $1 AND no = $2 AND stage = 'NOT_STARTED'
         AND (kickoff_claimed_at IS NULL OR kickoff_claimed_at < now() - make_interval(secs => $3))`,
      [fiscalYear, no, KICKOFF_CLAIM_LEASE_SECONDS],
    );
    return affected > 0;
  }

  /** Gives the claim up after a start that failed, so a retry can claim it at once. */
  async releaseKickoffClaim(fiscalYear: number, no: number): Promise<void> {
    await execute(this.dataSource, `UPDATE clusters SET kickoff_claimed_at = NULL WHERE fiscal_year = $1 AND no = $2 AND stage = 'NOT_STARTED'`, [
      fiscalYear,
      no,
    ]);
  }

  async listGroups(fiscalYear: number): Promise<CatalogueCategoryRow[]> {
    const rows = await queryRows<CategoryRecord>(
      this.dataSource,
      `SELECT code, name, reform, description, NULL AS group_code FROM cluster_groups WHERE fiscal_year = $1 ORDER BY sort_order`,
      [fiscalYear],
    );
    return rows.map(toCategoryRow);
  }

  async listKinds(fiscalYear: number): Promise<CatalogueCategoryRow[]> {
    const rows = await queryRows<CategoryRecord>(
      this.dataSource,
      `SELECT code, name, NULL AS reform, description, group_code FROM cluster_kinds WHERE fiscal_year = $1 ORDER BY sort_order`,
      [fiscalYear],
    );
    return rows.map(toCategoryRow);
  }

  /**
   * Changes only the fields given, together; the caller has checked that the cluster exists. A change
   * of either is in the cluster's audit trail (a running analysis's new bureau is there already, from
   * its workflow, and in the row by the time this runs: it changes nothing more).
   */
  async updateCluster(
    fiscalYear: number,
    no: number,
    changes: { analysedThisYear?: boolean; owningBureauCode?: string | null },
    changedBy: Actor,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (changes.owningBureauCode !== undefined) {
        if (changes.owningBureauCode !== null) {
          const bureau = await queryFirst<{ code: string }>(manager, `SELECT code FROM bureaus WHERE code = $1`, [changes.owningBureauCode]);
          if (!bureau) {
            const problem = `局コード「${changes.owningBureauCode}」は登録されていません`;
            throw refused('bureau.unknown', problem, { fields: [{ field: 'owningBureauCode', problems: [problem] }] });
          }
        }
        await this.changeOwningBureau(manager, fiscalYear, no, changes.owningBureauCode, changedBy);
      }
      if (changes.analysedThisYear !== undefined) await this.setAnalysedThisYear(fiscalYear, [no], changes.analysedThisYear, changedBy, manager);
    });
  }

  /** The cluster's owning bureau, with an audit entry saying from which to which, if it changes. */
  private async changeOwningBureau(executor: SqlExecutor, fiscalYear: number, no: number, bureauCode: string | null, changedBy: Actor): Promise<void> {
    const audited = clusterSettingEntriesInsert('changed', { fiscalYear, action: ClusterAction.ChangeOwningBureau, actor: changedBy }, 4);
    const bureau = (code: string) => `(SELECT jsonb_build_object('code', code, 'name', name) FROM bureaus WHERE code = ${code})`;
    await execute(
      executor,
      `WITH before AS (SELECT no, owning_bureau_code AS was FROM clusters WHERE fiscal_year = $1 AND no = $2 FOR UPDATE),
            changed AS (
              UPDATE clusters c SET owning_bureau_code = $3, updated_at = now() FROM before b
               WHERE c.fiscal_year = $1 AND c.no = b.no AND b.was IS DISTINCT FROM $3::text
               RETURNING c.no, c.stage, jsonb_build_object('from', ${bureau('b.was')}, 'to', ${bureau('$3::text')}) AS details),
            audited AS (${audited.sql})
       SELECT count(*) FROM changed`,
      [fiscalYear, no, bureauCode, ...audited.params],
    );
  }

  /**
   * Sets whether each of the numbered clusters is analysed this year, in one statement: all of them, or
   * none when a number is not a cluster of the year (`missing`). `changed` are those whose flag was
   * otherwise before, each with an entry in its audit trail; the rest already had it.
   */
  async setAnalysedThisYear(
    fiscalYear: number,
    nos: readonly number[],
    analysed: boolean,
    changedBy: Actor,
    executor: SqlExecutor = this.dataSource,
  ): Promise<{ missing: number[]; changed: number[] }> {
    const audited = clusterSettingEntriesInsert('changed', { fiscalYear, action: analysedFlagAction(analysed), actor: changedBy }, 4);
    const [row] = await queryRows<{ missing: number[] | null; changed: number[] | null }>(
      executor,
      `WITH wanted AS (SELECT DISTINCT unnest($2::int[]) AS no),
            missing AS (SELECT w.no FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.fiscal_year = $1 AND c.no = w.no)),
            changed AS (
              UPDATE clusters SET analysed_this_year = $3, updated_at = now()
               WHERE fiscal_year = $1 AND no IN (SELECT no FROM wanted) AND analysed_this_year <> $3 AND NOT EXISTS (SELECT 1 FROM missing)
               RETURNING no, stage, '{}'::jsonb AS details),
            audited AS (${audited.sql})
       SELECT (SELECT array_agg(no ORDER BY no) FROM missing) AS missing, (SELECT array_agg(no ORDER BY no) FROM changed) AS changed`,
      [fiscalYear, [...nos], analysed, ...audited.params],
    );
    return { missing: row.missing ?? [], changed: row.changed ?? [] };
  }

  /**
   * Opens a new fiscal year with the groups, kinds, clusters and owning bureaus of an earlier one.
   * Lifecycle state is not copied, and which clusters are analysed is decided afresh each year.
   */
  async copyFiscalYear(from: number, to: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const source = await queryFirst<{ fiscal_year: number }>(manager, `SELECT fiscal_year FROM fiscal_years WHERE fiscal_year = $1`, [from]);
      if (!source) throw refused('fiscal-year.unknown', `複製元の${fiscalYearLabel(from)}（${from}）は登録されていません`);
      const created = await queryFirst<{ fiscal_year: number }>(
        manager,
        `INSERT INTO fiscal_years (fiscal_year, label, copied_from, lifecycle_settings, calendar_settings)
         SELECT $1, $2, $3, lifecycle_settings, calendar_settings FROM fiscal_years WHERE fiscal_year = $3
         ON CONFLICT DO NOTHING RETURNING fiscal_year`,
        [to, fiscalYearLabel(to), from],
      );
      if (!created) throw refused('fiscal-year.exists', `${fiscalYearLabel(to)}（${to}）は既に登録されています`);
      await execute(
        manager,
        `INSERT INTO cluster_groups (fiscal_year, code, name, reform, description, sort_order)
         SELECT $2, code, name, reform, description, sort_order FROM cluster_groups WHERE fiscal_year = $1`,
        [from, to],
      );
      await execute(
        manager,
        `INSERT INTO cluster_kinds (fiscal_year, code, group_code, name, description, sort_order)
         SELECT $2, code, group_code, name, description, sort_order FROM cluster_kinds WHERE fiscal_year = $1`,
        [from, to],
      );
      const clusters = await queryRows(
        manager,
        `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, owning_bureau_code)
         SELECT $2, no, name, group_code, kind_code, sort_order, owning_bureau_code FROM clusters WHERE fiscal_year = $1
         RETURNING no`,
        [from, to],
      );
      // The previous year's calendar, moved by whole years, is a draft the reform office then adjusts.
      const meetings = await queryRows<{ id: string; name: string; date: MeetingDate; agenda: unknown }>(
        manager,
        `SELECT id, name, date, agenda FROM meetings WHERE fiscal_year = $1`,
        [from],
      );
      for (const meeting of meetings) {
        const date = shiftMeetingDate(meeting.date, to - from);
        await execute(
          manager,
          `INSERT INTO meetings (fiscal_year, id, name, date, earliest_day, agenda) VALUES ($1, $2, $3, $4, $5, $6)`,
          [to, meeting.id, meeting.name, JSON.stringify(date), earliestMeetingDay(date), JSON.stringify(meeting.agenda)],
        );
      }
      return clusters.length;
    });
  }
}

function named(code: string | null, name: string | null): NamedCode | null {
  return code === null ? null : { code, name: name ?? code };
}

function toClusterRow(row: ClusterRecord): ClusterRow {
  return {
    fiscalYear: row.fiscal_year,
    no: row.no,
    name: row.name,
    group: { code: row.group_code, name: row.group_name },
    kind: named(row.kind_code, row.kind_name),
    analysedThisYear: row.analysed_this_year,
    owningBureau: named(row.owning_bureau_code, row.bureau_name),
    stage: row.stage,
    stageChangedAt: row.stage_changed_at,
    updatedAt: row.updated_at,
    pending: row.pending,
    deadlines: row.deadlines ?? [],
    reports: row.reports ?? [],
  };
}

function toCategoryRow(row: CategoryRecord): CatalogueCategoryRow {
  return { code: row.code, name: row.name, reform: row.reform, description: row.description, groupCode: row.group_code };
}
