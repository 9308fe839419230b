import { businessDaysBefore } from '../calendar/business-days';
import { CalendarSettings, KICKOFF_LABEL, KICKOFF_TARGET } from '../calendar/calendar-settings';
import { agendaClusterNos, Deadline, yearDeadlines } from '../calendar/deadlines';
import { Meeting } from '../calendar/meeting';
import { earliestMeetingDay } from '../calendar/meeting-date';
import { tokyoDate } from '../calendar/tokyo-dates';
import { ReportState } from './cluster-case';
import { currentStepOf, ApprovalStatus } from '../approval/approval-document';
import { ClusterStage } from './cluster-stage';

/** A report's state in the words the progress board uses. */
export enum ReportProgressState {
  NotStarted = '未着手',
  Writing = '作成中',
  InApproval = '決裁中',
  Returned = '差戻し',
  Approved = '承認済',
}

export interface ReportProgress {
  readonly kind: string;
  readonly label: string;
  readonly state: ReportProgressState;
  /** For 決裁中: the step awaiting its decision, e.g. 所管課長. */
  readonly stepLabel: string | null;
}

const STATE_OF: Readonly<Record<ApprovalStatus, ReportProgressState>> = {
  [ApprovalStatus.NotStarted]: ReportProgressState.NotStarted,
  [ApprovalStatus.Draft]: ReportProgressState.Writing,
  [ApprovalStatus.InApproval]: ReportProgressState.InApproval,
  [ApprovalStatus.Returned]: ReportProgressState.Returned,
  [ApprovalStatus.Approved]: ReportProgressState.Approved,
};

export function reportProgress(report: ReportState): ReportProgress {
  const state = STATE_OF[report.status];
  return {
    kind: report.kind,
    label: report.label,
    state,
    stepLabel: state === ReportProgressState.InApproval ? (currentStepOf(report)?.label ?? null) : null,
  };
}

/** Where a cluster stands, as far as its deadlines are concerned. */
export interface DeadlineSituation {
  readonly no: number;
  readonly stage: ClusterStage;
  readonly analysedThisYear: boolean;
  /** As the cluster's workflow planned them at kickoff; empty before. */
  readonly plannedDeadlines: readonly Deadline[];
  readonly reports: readonly ReportState[];
}

export interface DeadlineProgress extends Deadline {
  readonly label: string;
  readonly done: boolean;
  readonly overdue: boolean;
}

/** The calendar a not-yet-started cluster's deadlines are drawn from. */
export interface YearCalendar {
  readonly meetings: readonly Meeting[];
  readonly settings: CalendarSettings | null;
}

/** Each calendar's plan for its clusters not yet kicked off, worked out once however many rows a read judges against it. */
const plansBeforeKickoff = new WeakMap<YearCalendar, (clusterNo: number) => readonly Deadline[]>();

/** As the workflow planned them once kicked off; before that, from the calendar as it stands. */
export function deadlinesOf(cluster: DeadlineSituation, calendar: YearCalendar): readonly Deadline[] {
  if (cluster.stage !== ClusterStage.NotStarted) return cluster.plannedDeadlines;
  if (!calendar.settings) return [];
  let plan = plansBeforeKickoff.get(calendar);
  if (!plan) plansBeforeKickoff.set(calendar, (plan = yearDeadlines(calendar.meetings, calendar.settings)));
  return plan(cluster.no);
}

/** Whether a deadline is met: the cluster kicked off, the report approved, or the cluster withdrawn. */
function isMet(deadline: Deadline, cluster: Pick<DeadlineSituation, 'stage' | 'reports'>): boolean {
  if (deadline.target === KICKOFF_TARGET) return cluster.stage !== ClusterStage.NotStarted;
  return cluster.reports.find((candidate) => candidate.kind === deadline.target)?.status === ApprovalStatus.Approved || cluster.stage === ClusterStage.Withdrawn;
}

/** Past its due time: what makes an unmet deadline, and the cluster owing it, 期限超過. */
export function isPastDue(dueAt: string | null, now: string): boolean {
  return dueAt !== null && Date.parse(dueAt) < Date.parse(now);
}

/** Whether a deadline is met (kicked off, report approved, or the cluster withdrawn) and, if not, whether it has passed. */
export function deadlineProgress(deadline: Deadline, cluster: Pick<DeadlineSituation, 'stage' | 'reports'>, now: string): DeadlineProgress {
  const report = cluster.reports.find((candidate) => candidate.kind === deadline.target);
  const done = isMet(deadline, cluster);
  return {
    ...deadline,
    label: deadline.target === KICKOFF_TARGET ? KICKOFF_LABEL : (report?.label ?? deadline.target),
    done,
    overdue: !done && isPastDue(deadline.dueAt, now),
  };
}

/** Stages in which a cluster owes no deadline any more, whatever its deadlines say. */
export const STAGES_OWING_NOTHING: readonly ClusterStage[] = [ClusterStage.Withdrawn, ClusterStage.Completed];

/**
 * The deadlines the cluster has not met yet, soonest first. A cluster not kicked off owes nothing
 * unless it is analysed this year; a withdrawn or completed one owes nothing.
 */
function unmetDeadlines(cluster: DeadlineSituation, calendar: YearCalendar): Deadline[] {
  if (STAGES_OWING_NOTHING.includes(cluster.stage)) return [];
  if (cluster.stage === ClusterStage.NotStarted && !cluster.analysedThisYear) return [];
  return deadlinesOf(cluster, calendar)
    .filter((deadline) => !isMet(deadline, cluster))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** What the cluster still owes, soonest first, each with whether it has passed. */
export function owedDeadlines(cluster: DeadlineSituation, calendar: YearCalendar, now: string): DeadlineProgress[] {
  return unmetDeadlines(cluster, calendar).map((deadline) => deadlineProgress(deadline, cluster, now));
}

/**
 * When the cluster becomes 期限超過 if nothing changes: the due time of the soonest deadline it still
 * owes, or null when it owes none. It depends on the cluster's state alone, not on the time, so the
 * read model keeps it for every kicked-off cluster and lists the overdue ones by it.
 */
export function overdueFrom(cluster: DeadlineSituation, calendar: YearCalendar): string | null {
  return unmetDeadlines(cluster, calendar)[0]?.dueAt ?? null;
}

/**
 * Which clusters not yet kicked off are 期限超過 at `now`, in a form a query can apply: their deadlines
 * come from the year's calendar, alike for every cluster the meetings' agendas do not name (so one
 * verdict for each value of analysedThisYear), and the named ones are judged one by one.
 */
export interface OverdueBeforeKickoff {
  /** The values of analysedThisYear with which a cluster no agenda names is overdue. */
  readonly unnamedWhenAnalysed: readonly boolean[];
  readonly named: readonly number[];
  readonly namedOverdueWhenAnalysed: readonly number[];
  readonly namedOverdueWhenNotAnalysed: readonly number[];
}

export function overdueBeforeKickoff(calendar: YearCalendar, unwritten: readonly ReportState[], now: string): OverdueBeforeKickoff {
  const named = agendaClusterNos(calendar.meetings);
  const overdue = (no: number, analysedThisYear: boolean) =>
    isPastDue(overdueFrom({ no, stage: ClusterStage.NotStarted, analysedThisYear, plannedDeadlines: [], reports: unwritten }, calendar), now);
  const unnamed = (named.at(-1) ?? 0) + 1;
  return {
    unnamedWhenAnalysed: [true, false].filter((analysed) => overdue(unnamed, analysed)),
    named,
    namedOverdueWhenAnalysed: named.filter((no) => overdue(no, true)),
    namedOverdueWhenNotAnalysed: named.filter((no) => overdue(no, false)),
  };
}

export interface BoardRowProgress {
  readonly reports: readonly ReportProgress[];
  readonly nextDeadline: DeadlineProgress | null;
  /** Some deadline of the cluster has passed without being met. */
  readonly overdue: boolean;
}

/** A row of the progress board: each report's state and the next deadline still open. */
export function boardRowProgress(cluster: DeadlineSituation, calendar: YearCalendar, now: string): BoardRowProgress {
  const [next] = unmetDeadlines(cluster, calendar);
  return {
    reports: cluster.reports.map(reportProgress),
    nextDeadline: next ? deadlineProgress(next, cluster, now) : null,
    overdue: isPastDue(next?.dueAt ?? null, now),
  };
}

/** The first meeting whose earliest possible day is today or later. */
export function nextMeeting(meetings: readonly Meeting[], today: string): Meeting | null {
  return (
    [...meetings].sort((a, b) => earliestMeetingDay(a.date).localeCompare(earliestMeetingDay(b.date))).find((meeting) => earliestMeetingDay(meeting.date) >= today) ??
    null
  );
}

/** A deadline within this many business days is at risk while its report has not reached 決裁. */
export const AT_RISK_BUSINESS_DAYS = 3;

export enum DeadlineRisk {
  /** Past the deadline and not met. */
  Overdue = 'overdue',
  /** Due within AT_RISK_BUSINESS_DAYS business days and the work is not yet in 決裁. */
  DueSoon = 'due-soon',
  /** A report of a cluster whose kickoff is already past its deadline: its writing has not even begun. */
  KickoffLate = 'kickoff-late',
}

export const DEADLINE_RISK_LABELS: Readonly<Record<DeadlineRisk, string>> = {
  [DeadlineRisk.Overdue]: '期限超過',
  [DeadlineRisk.DueSoon]: '期限間近で未提出',
  [DeadlineRisk.KickoffLate]: '着手が期限超過',
};

const NOT_YET_SUBMITTED: readonly ReportProgressState[] = [ReportProgressState.NotStarted, ReportProgressState.Writing, ReportProgressState.Returned];

/**
 * At risk: an open deadline that has passed, or one due within a few business days whose report is
 * still 未着手 / 作成中 / 差戻し (or whose cluster is not yet kicked off). A report already in 決裁 is
 * in the approvers' hands and is not counted at risk until its deadline passes.
 */
export function deadlineRisk(deadline: DeadlineProgress, report: ReportProgress | null, now: string): DeadlineRisk | null {
  if (deadline.done) return null;
  if (deadline.overdue) return DeadlineRisk.Overdue;
  const stillUnsubmitted = deadline.target === KICKOFF_TARGET || (report !== null && NOT_YET_SUBMITTED.includes(report.state));
  const riskFrom = businessDaysBefore(deadline.dueDate, AT_RISK_BUSINESS_DAYS);
  return stillUnsubmitted && tokyoDate(now) >= riskFrom ? DeadlineRisk.DueSoon : null;
}

export interface MeetingDueItem<C> {
  readonly cluster: C;
  readonly deadline: DeadlineProgress;
  readonly report: ReportProgress | null;
  readonly risk: DeadlineRisk | null;
}

const RISK_RANK: Readonly<Record<DeadlineRisk, number>> = { [DeadlineRisk.Overdue]: 0, [DeadlineRisk.DueSoon]: 1, [DeadlineRisk.KickoffLate]: 2 };

/**
 * Everything still owed for one meeting, at-risk items first, then by due date and cluster. Besides
 * deadlineRisk, a report is at risk when its cluster's kickoff is overdue, however far off the report is.
 */
export function dueForMeeting<C extends { readonly no: number }>(
  clusters: readonly { readonly cluster: C; readonly owed: readonly DeadlineProgress[]; readonly reports: readonly ReportProgress[] }[],
  meetingId: string,
  now: string,
): MeetingDueItem<C>[] {
  const items = clusters.flatMap(({ cluster, owed, reports }) => {
    const kickoffLate = owed.some((deadline) => deadline.target === KICKOFF_TARGET && deadline.overdue);
    return owed
      .filter((deadline) => deadline.meetingId === meetingId)
      .map((deadline) => {
        const report = reports.find((candidate) => candidate.kind === deadline.target) ?? null;
        const risk = deadlineRisk(deadline, report, now) ?? (kickoffLate && deadline.target !== KICKOFF_TARGET ? DeadlineRisk.KickoffLate : null);
        return { cluster, deadline, report, risk };
      });
  });
  const rank = (item: MeetingDueItem<C>) => (item.risk === null ? 3 : RISK_RANK[item.risk]);
  return items.sort((a, b) => rank(a) - rank(b) || Date.parse(a.deadline.dueAt) - Date.parse(b.deadline.dueAt) || a.cluster.no - b.cluster.no);
}
