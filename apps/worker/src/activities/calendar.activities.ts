import {
  ClusterStage,
  clusterDeadlinePlan,
  holidaysOfFiscalYear,
  digestInstant,
  DigestItem,
  Meeting,
  meetingDateLabel,
  meetingDigestRequests,
  NotificationRequest,
  ApprovalStatus,
  CLOSED_PROCESS_PHASES,
} from '@app/domain';
import { CatalogueRepository, ClusterEventRepository, FiscalYearSettingsRepository, LifecycleReadRepository, MeetingRepository, ProcessReadRepository } from '@app/persistence';
import { CalendarActivities, MeetingChangeRecord, processWorkflowId } from '@app/temporal';
import { Injectable } from '@nestjs/common';

/** The calendar workflows' view of the database: meetings, deadlines and the agenda's state. */
@Injectable()
export class CalendarActivitiesFactory {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly reads: LifecycleReadRepository,
    private readonly events: ClusterEventRepository,
    private readonly processes: ProcessReadRepository,
  ) {}

  create(): CalendarActivities {
    return {
      loadCalendar: async (fiscalYear) => ({
        meetings: await this.meetings.list(fiscalYear),
        settings: await this.fiscalYearSettings.calendarSettings(fiscalYear),
        holidays: holidaysOfFiscalYear(fiscalYear),
      }),
      loadClusterDeadlines: async (fiscalYear, clusterNo) => {
        const settings = await this.fiscalYearSettings.calendarSettings(fiscalYear);
        return clusterDeadlinePlan(clusterNo, settings ? await this.meetings.list(fiscalYear) : [], settings);
      },
      recordMeetingChange: (change) => this.recordMeetingChange(change),
      runningClusterNos: (fiscalYear) => this.meetings.runningClusterNos(fiscalYear),
      runningProcessWorkflowIds: async (fiscalYear) => (await this.processes.running(fiscalYear, CLOSED_PROCESS_PHASES)).map(processWorkflowId),
      composeMeetingDigests: (fiscalYear, meeting, key, now) => this.composeDigests(fiscalYear, meeting, key, now),
      pendingKickoffs: async (fiscalYear) => {
        const { items } = await this.catalogue.listClusters(fiscalYear, { analysedThisYear: true, stage: ClusterStage.NotStarted }, { page: 1, pageSize: 10_000 });
        return items.map((cluster) => ({ no: cluster.no, name: cluster.name }));
      },
    };
  }

  /** The meeting row and its audit entry in one transaction; a retried call finds the entry and stops. */
  private async recordMeetingChange(change: MeetingChangeRecord): Promise<void> {
    await this.events.applyMeetingChange(
      {
        eventId: change.eventId,
        occurredAt: change.occurredAt,
        fiscalYear: change.fiscalYear,
        clusterNo: null,
        actorId: change.actor.id,
        actorName: change.actor.name,
        action: change.action,
        fromState: change.before ? meetingDateLabel(change.before.date) : null,
        toState: meetingDateLabel(change.after.date),
        reportKind: null,
        comment: null,
        details: { meetingId: change.after.id, before: change.before, after: change.after },
        subject: null,
      },
      change.after,
    );
  }

  /** What each owning bureau on the agenda presents and where it stands; the domain words the digests. */
  private async composeDigests(fiscalYear: number, meeting: Meeting, key: string, now: string): Promise<NotificationRequest[]> {
    const settings = await this.fiscalYearSettings.calendarSettings(fiscalYear);
    const lifecycle = await this.fiscalYearSettings.lifecycleSettings(fiscalYear);
    const items: DigestItem[] = [];
    for (const item of meeting.agenda) {
      const cluster = await this.catalogue.findCluster(fiscalYear, item.clusterNo);
      if (!cluster?.owningBureau) continue;
      const state = await this.reads.findCase(fiscalYear, item.clusterNo);
      const report = state?.reports.find((candidate) => candidate.kind === item.reportKind);
      items.push({
        owningBureauCode: cluster.owningBureau.code,
        clusterNo: cluster.no,
        clusterName: cluster.name,
        reportLabel: report?.label ?? lifecycle?.reportKinds.find((kind) => kind.slug === item.reportKind)?.label ?? item.reportKind,
        reportStatus: report ? (report.status as ApprovalStatus) : null,
        stage: cluster.stage,
      });
    }
    return meetingDigestRequests(fiscalYear, meeting, key, items, settings ? digestInstant(meeting, settings) : null, now);
  }
}
