import {
  ClusterStage,
  clusterDeadlinePlan,
  holidaysOfFiscalYear,
  digestInstant,
  DigestItem,
  Meeting,
  meetingDateLabel,
  meetingDigestRequests,
  meetingsForCluster,
  NotificationRequest,
  ApprovalStatus,
  CLOSED_PROCESS_PHASES,
} from '@app/domain';
import { AnsweredEventRecorder, CatalogueRepository, ClusterEventRepository, FiscalYearSettingsRepository, LifecycleReadRepository, MeetingRepository, ProcessReadRepository } from '@app/persistence';
import { CalendarActivities, CalendarChangeBroadcast, clusterWorkflowId, forEachAtMost, MeetingChangeRecord, processWorkflowId } from '@app/temporal';
import { calendarChanged, CalendarChangeOutcome, CalendarChangeWithCalendar, getUnconfirmedEvents, replanForCalendar } from '@app/workflows';
import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { WorkflowHandle, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { NotificationActivitiesFactory } from './notification.activities';

/** Analyses and processes told at once when a calendar change is told: enough to keep Temporal busy, few enough not to flood it. */
const TELL_CONCURRENCY = 32;
/** Workflows told between two heartbeats; a retry resumes after the last batch a heartbeat reported. */
const TELL_BATCH = 256;

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
    private readonly answeredEvents: AnsweredEventRecorder,
    private readonly notifications: NotificationActivitiesFactory,
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
      tellCalendarChange: (change) => this.tellCalendarChange(change),
      composeMeetingDigests: (fiscalYear, meeting, key, now) => this.composeDigests(fiscalYear, meeting, key, now),
      pendingKickoffs: async (fiscalYear) => {
        const items = await this.catalogue.listAllClusters(fiscalYear, { analysedThisYear: true, stage: ClusterStage.NotStarted });
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

  /**
   * Tells each running analysis of the change, with the calendar to re-plan from, and records the
   * deadlines it answers it moved, with their notices; signals each running process (which loads its
   * own settings). The workflow ids are told in sorted order and each heartbeat carries the last id of
   * a finished batch, so a retried attempt skips what was told; telling one twice is harmless, as a
   * re-plan from the same calendar moves nothing (an analysis asked again answers again what it moved,
   * until it is recorded). A workflow that closed meanwhile is passed over.
   */
  private async tellCalendarChange({ fiscalYear, changedBy, changeId, calendar }: CalendarChangeBroadcast): Promise<number> {
    const context = Context.current();
    const toldUpTo = context.info.heartbeatDetails as string | undefined;
    const analyses = new Map((await this.meetings.runningClusterNos(fiscalYear)).map((no) => [clusterWorkflowId(fiscalYear, no), no]));
    const processes = (await this.processes.running(fiscalYear, CLOSED_PROCESS_PHASES)).map(processWorkflowId);
    const targets = [...analyses.keys(), ...processes].sort().filter((workflowId) => toldUpTo === undefined || workflowId > toldUpTo);
    let resumeAfter = toldUpTo;
    for (let start = 0; start < targets.length; start += TELL_BATCH) {
      const batch = targets.slice(start, start + TELL_BATCH);
      await forEachAtMost(TELL_CONCURRENCY, batch, async (workflowId) => {
        const handle = context.client.workflow.getHandle(workflowId);
        try {
          const clusterNo = analyses.get(workflowId);
          // Each analysis gets the meetings with only its own agenda items: all its deadlines depend on.
          if (clusterNo !== undefined) await this.replanAnalysis(handle, { changedBy, changeId, calendar: { ...calendar, meetings: meetingsForCluster(calendar.meetings, clusterNo) } });
          else await handle.signal(calendarChanged, { changedBy, changeId });
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        }
        // Each analysis answers after a workflow task of its own: a busy batch is alive, not stuck (the SDK throttles heartbeats).
        context.heartbeat(resumeAfter);
      });
      resumeAfter = batch[batch.length - 1];
      context.heartbeat(resumeAfter);
    }
    return targets.length;
  }

  /** One analysis re-plans; what it moved is recorded here and its owners told, as the analysis's own activity would. */
  private async replanAnalysis(handle: WorkflowHandle, change: CalendarChangeWithCalendar): Promise<void> {
    let outcome: CalendarChangeOutcome;
    try {
      outcome = await handle.executeUpdate(replanForCalendar, { args: [change] });
    } catch (error) {
      // An analysis from before deadlines were planned has no deadlines to move, and no handler for the change.
      if (error instanceof WorkflowUpdateFailedError) return;
      throw error;
    }
    if (!outcome.event) return;
    await this.answeredEvents.record(outcome.event, () => handle.query(getUnconfirmedEvents));
    for (const notice of outcome.event.notices ?? []) await this.notifications.deliver(notice);
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
