import {
  ClusterStage,
  clusterDeadlines,
  digestInstant,
  DigestItem,
  Meeting,
  meetingDateLabel,
  meetingDigestRequests,
  NotificationRequest,
  ReportStatus,
} from '@app/domain';
import { CatalogueRepository, LifecycleReadRepository, MeetingRepository } from '@app/persistence';
import { CalendarActivities, ClusterDeadlinesLoad, MeetingChangeRecord } from '@app/temporal';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const NO_REMINDERS: ClusterDeadlinesLoad = { deadlines: [], reminderOffsets: [] };

/** The calendar workflows' view of the database: meetings, deadlines and the agenda's state. */
@Injectable()
export class CalendarActivitiesFactory {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly reads: LifecycleReadRepository,
    private readonly dataSource: DataSource,
  ) {}

  create(): CalendarActivities {
    return {
      loadCalendar: async (fiscalYear) => ({ meetings: await this.meetings.list(fiscalYear), settings: await this.meetings.calendarSettings(fiscalYear) }),
      loadClusterDeadlines: async (fiscalYear, clusterNo) => {
        const settings = await this.meetings.calendarSettings(fiscalYear);
        if (!settings) return NO_REMINDERS;
        const meetings = await this.meetings.list(fiscalYear);
        return { deadlines: clusterDeadlines(clusterNo, meetings, settings), reminderOffsets: settings.reminderOffsets };
      },
      recordMeetingChange: (change) => this.recordMeetingChange(change),
      runningClusterNos: (fiscalYear) => this.meetings.runningClusterNos(fiscalYear),
      composeMeetingDigests: (fiscalYear, meeting, key, now) => this.composeDigests(fiscalYear, meeting, key, now),
      pendingKickoffs: async (fiscalYear) => {
        const { items } = await this.catalogue.listClusters(fiscalYear, { analysedThisYear: true, stage: ClusterStage.NotStarted }, { page: 1, pageSize: 10_000 });
        return items.map((cluster) => ({ no: cluster.no, name: cluster.name }));
      },
    };
  }

  /** The meeting row and its audit entry in one transaction; a retried call finds the entry and stops. */
  private async recordMeetingChange(change: MeetingChangeRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO audit_events (event_id, occurred_at, fiscal_year, cluster_no, actor_id, actor_name, action, from_state, to_state, comment, details)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, NULL, $9) ON CONFLICT (event_id) DO NOTHING RETURNING id`,
        [
          change.eventId,
          change.occurredAt,
          change.fiscalYear,
          change.actor.id,
          change.actor.name,
          change.action,
          change.before ? meetingDateLabel(change.before.date) : null,
          meetingDateLabel(change.after.date),
          JSON.stringify({ meetingId: change.after.id, before: change.before, after: change.after }),
        ],
      );
      if (inserted.length > 0) await this.meetings.save(change.fiscalYear, change.after, manager);
    });
  }

  /** What each owning bureau on the agenda presents and where it stands; the domain words the digests. */
  private async composeDigests(fiscalYear: number, meeting: Meeting, key: string, now: string): Promise<NotificationRequest[]> {
    const settings = await this.meetings.calendarSettings(fiscalYear);
    const lifecycle = await this.catalogue.lifecycleSettings(fiscalYear);
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
        reportStatus: report ? (report.status as ReportStatus) : null,
        stage: cluster.stage,
      });
    }
    return meetingDigestRequests(fiscalYear, meeting, key, items, settings ? digestInstant(meeting, settings) : null, now);
  }
}
