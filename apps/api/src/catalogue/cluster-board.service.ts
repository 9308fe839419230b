import {
  boardRowProgress,
  DEADLINE_RISK_LABELS,
  dueForMeeting,
  earliestMeetingDay,
  isProvisional,
  meetingDateLabel,
  MeetingDueItem,
  nextMeeting,
  overdueBeforeKickoff,
  owedDeadlines,
  reportProgress,
  ReportProgressState,
  ReportState,
  tokyoDate,
  unwrittenReports,
  YearCalendar,
} from '@app/domain';
import { CatalogueRepository, ClusterFilter, ClusterRow, FiscalYearSettingsRepository, MeetingRepository, pageOfList } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService, toClusterView } from './catalogue.service';
import { BoardRowView, ClusterPage, NextMeetingItemView, NextMeetingPanelView, NextMeetingQuery } from './cluster.dto';
import { toDeadlineView } from './deadline-view';

/** What a year's rows are judged against: its calendar, and the reports a cluster has before kickoff. */
interface YearContext {
  readonly calendar: YearCalendar;
  readonly unwritten: readonly ReportState[];
  readonly now: string;
}

/**
 * The progress board: clusters with each report's state and the next deadline still owed, and what
 * is due for the next meeting. Deadlines are judged by the domain, the same rule the cluster page uses.
 */
@Injectable()
export class ClusterBoardService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly clusters: CatalogueRepository,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  async list(fiscalYear: number, filter: Omit<ClusterFilter, 'overdue'> & { readonly overdue?: boolean }, page: number, pageSize: number): Promise<ClusterPage> {
    // The year's existence is checked beside reading its calendar: an unknown year ends in 404 either way.
    const [, context] = await Promise.all([this.catalogue.requireFiscalYear(fiscalYear), this.contextOf(fiscalYear)]);
    const { overdue, ...rest } = filter;
    // 期限超過 is the domain's rule, given to the query as when each kicked-off cluster falls behind and as verdicts on the others.
    const sqlFilter: ClusterFilter =
      overdue === undefined
        ? rest
        : { ...rest, overdue: { overdue, at: context.now, beforeKickoff: overdueBeforeKickoff(context.calendar, context.unwritten, context.now) } };
    const result = await this.clusters.listClusters(fiscalYear, sqlFilter, { page, pageSize });
    return { ...result, items: result.items.map((row) => toBoardRow(row, context)) };
  }

  async nextMeetingPanel(fiscalYear: number, { atRiskPage, onTrackPage, pageSize }: NextMeetingQuery): Promise<NextMeetingPanelView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const context = await this.contextOf(fiscalYear);
    const meeting = nextMeeting(context.calendar.meetings, tokyoDate(context.now));
    // Only the items shown are made views: a year of a hundred cities owes thousands.
    const shownOf = (items: readonly MeetingDueItem<ClusterRow>[], page: number) => {
      const shown = pageOfList(items, { page, pageSize });
      return { ...shown, items: shown.items.map(toDueView) };
    };
    const pages = (due: readonly MeetingDueItem<ClusterRow>[]) => ({
      atRisk: shownOf(due.filter((item) => item.risk !== null), atRiskPage),
      onTrack: shownOf(due.filter((item) => item.risk === null), onTrackPage),
    });
    if (!meeting) return { meeting: null, ...pages([]) };
    // The database leaves out the clusters that cannot owe anything for this meeting; the domain judges the rest.
    const rows = await this.clusters.listAllClusters(fiscalYear, { mayOweFor: meeting.id });
    const owed = rows.map((row) => {
      const situation = situationOf(row, context);
      return { cluster: row, owed: owedDeadlines(situation, context.calendar, context.now), reports: situation.reports.map(reportProgress) };
    });
    const due = dueForMeeting(owed, meeting.id, context.now);
    return {
      meeting: { id: meeting.id, name: meeting.name, dateLabel: meetingDateLabel(meeting.date), earliestDay: earliestMeetingDay(meeting.date), provisional: isProvisional(meeting.date) },
      ...pages(due),
    };
  }

  private async contextOf(fiscalYear: number): Promise<YearContext> {
    const [meetings, settings, lifecycle] = await Promise.all([
      this.meetings.list(fiscalYear),
      this.fiscalYearSettings.calendarSettings(fiscalYear),
      this.fiscalYearSettings.lifecycleSettings(fiscalYear),
    ]);
    return { calendar: { meetings, settings }, unwritten: lifecycle ? unwrittenReports(lifecycle) : [], now: new Date().toISOString() };
  }
}

/** Before kickoff a cluster has the year's reports, none of them written. */
function situationOf(row: ClusterRow, context: YearContext) {
  return {
    no: row.no,
    stage: row.stage,
    analysedThisYear: row.analysedThisYear,
    plannedDeadlines: row.deadlines,
    reports: row.reports.length > 0 ? row.reports : context.unwritten,
  };
}

function toBoardRow(row: ClusterRow, context: YearContext): BoardRowView {
  const progress = boardRowProgress(situationOf(row, context), context.calendar, context.now);
  return {
    ...toClusterView(row),
    reports: progress.reports.map((report) => ({ ...report })),
    nextDeadline: progress.nextDeadline ? toDeadlineView(progress.nextDeadline) : null,
    overdue: progress.overdue,
  };
}

/** One thing owed for the meeting, as the panel shows it. */
function toDueView(item: MeetingDueItem<ClusterRow>): NextMeetingItemView {
  return {
    clusterNo: item.cluster.no,
    clusterName: item.cluster.name,
    owningBureau: item.cluster.owningBureau,
    deadline: toDeadlineView(item.deadline),
    state: item.report?.state ?? ReportProgressState.NotStarted,
    stepLabel: item.report?.stepLabel ?? null,
    risk: item.risk,
    riskLabel: item.risk ? DEADLINE_RISK_LABELS[item.risk] : null,
  };
}
