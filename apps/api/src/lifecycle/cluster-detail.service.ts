import {
  ClusterStage,
  Deadline,
  Participant,
  permittedActions,
  deadlineProgress,
  deadlinesOf,
  unwrittenReports,
  APPROVAL_STATUS_LABELS,
  ReportState,
  toTokyoIsoString,
} from '@app/domain';
import { ClusterRow, FiscalYearSettingsRepository, MeetingRepository, ReportTextRow, ReportVersionRow } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService, toClusterView } from '../catalogue/catalogue.service';
import { DeadlineView } from '../catalogue/cluster.dto';
import { toDeadlineView } from '../catalogue/deadline-view';
import { toReturnNoteView, toSubmissionView } from '../common/approval-views';
import { linkedProposals, PROPOSALS_NAMING_CLUSTER } from '../platinum/proposals-naming-cluster';
import { linkedXPolicyIssues, X_POLICIES_NAMING_CLUSTER } from '../x-policies/x-policies-naming-cluster';
import { ClusterDetailView, PermittedActionsView, ReportView } from './dto/cluster-detail.dto';
import { readerOf, TEXTS_RESTRICTED_MESSAGE } from './report-text-access.service';

/** Draws a cluster's detail from the read model: never from the workflow, so it also serves closed analyses. */
@Injectable()
export class ClusterDetailService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  /** The cluster as it is now, with what the caller may do to it; also the answer to every action on it. */
  async detail(fiscalYear: number, no: number, caller: Participant): Promise<ClusterDetailView> {
    const read = await this.catalogue.requireClusterDetail(fiscalYear, no, { proposals: PROPOSALS_NAMING_CLUSTER, xPolicies: X_POLICIES_NAMING_CLUSTER });
    const { cluster: row, case: state, versions, latestTexts, lifecycleSettings: settings, naming } = read;
    const reports = state?.reports ?? (settings ? unwrittenReports(settings) : []);
    const mayRead = readerOf(state, caller, settings?.approvedReportsReadableByAll ?? false);
    return {
      ...toClusterView(row),
      kickoff: state ? { ...state.kickoff, attendees: [...state.kickoff.attendees] } : null,
      withdrawal: state?.withdrawal ? { ...state.withdrawal, at: toTokyoIsoString(state.withdrawal.at) } : null,
      reports: reports.map((report) =>
        toReportView(
          report,
          versions.filter((version) => version.reportKind === report.kind),
          latestTexts.find((text) => text.reportKind === report.kind) ?? null,
          mayRead(report.kind),
        ),
      ),
      deadlines: await this.deadlineViews(row, reports),
      permitted: toPermittedView(permittedActions(row, state, caller)),
      linkedProposals: linkedProposals(naming.proposals, no),
      linkedXPolicyIssues: linkedXPolicyIssues(naming.xPolicies, no),
    };
  }

  /** The cluster's deadlines and how far each has come; no query once it is kicked off. */
  async deadlineViews(row: ClusterRow, reports: readonly ReportState[]): Promise<DeadlineView[]> {
    const now = new Date().toISOString();
    return (await this.deadlinesOf(row)).map((deadline) => toDeadlineView(deadlineProgress(deadline, { stage: row.stage, reports }, now)));
  }

  /** The calendar is read only for a cluster not yet kicked off: after that the planned deadlines stand. */
  private async deadlinesOf(row: ClusterRow): Promise<readonly Deadline[]> {
    const situation = { no: row.no, stage: row.stage, analysedThisYear: row.analysedThisYear, plannedDeadlines: row.deadlines, reports: [] };
    if (row.stage !== ClusterStage.NotStarted) return deadlinesOf(situation, { meetings: [], settings: null });
    const [meetings, settings] = await Promise.all([this.meetings.list(row.fiscalYear), this.fiscalYearSettings.calendarSettings(row.fiscalYear)]);
    return deadlinesOf(situation, { meetings, settings });
  }
}

function toPermittedView(permitted: ReturnType<typeof permittedActions>): PermittedActionsView {
  return { case: { ...permitted.case }, reports: permitted.reports.map((report) => ({ ...report })) };
}

/** A report as the caller may see it: without its texts (titles, body, comments) unless they may read them. */
function toReportView(report: ReportState, versions: readonly ReportVersionRow[], latest: ReportTextRow | null, readable: boolean): ReportView {
  const latestInfo = report.latestVersion;
  return {
    kind: report.kind,
    label: report.label,
    stage: report.stage,
    status: report.status,
    statusLabel: APPROVAL_STATUS_LABELS[report.status],
    textsRestricted: !readable,
    textsRestrictedReason: readable ? null : TEXTS_RESTRICTED_MESSAGE,
    versions: versions.map((version) => ({
      version: version.version,
      title: readable ? version.title : null,
      empty: version.empty,
      savedBy: { id: version.savedById, name: version.savedByName },
      savedAt: toTokyoIsoString(version.savedAt),
    })),
    latest:
      readable && latest && latestInfo && latest.version === latestInfo.version
        ? { ...latestInfo, savedAt: toTokyoIsoString(latestInfo.savedAt), body: latest.body }
        : null,
    submission: toSubmissionView(report.submission, readable),
    lastReturn: toReturnNoteView(report.lastReturn, readable),
    approvedAt: report.approvedAt ? toTokyoIsoString(report.approvedAt) : null,
  };
}
