import { CalendarSettings, clusterDeadlines, ClusterLifecycleEvent, Meeting, NotificationKind, NotificationRequest, PendingKickoff, ProcessDeadlineRule, processDeadlines, ProcessEvent, ProcessKind } from '@app/domain';
import { type CalendarActivities, type ClusterLifecycleActivities, clusterWorkflowId, type MeetingChangeRecord, type NotificationActivities, type ProcessActivities } from '@app/temporal';
import { replanForCalendar } from '@app/workflows';
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';

export type WorkflowActivities = ClusterLifecycleActivities & NotificationActivities & CalendarActivities & ProcessActivities;

/** When an activity ran, on the server's (skipped) clock, and for which workflow. */
export interface Recorded<T> {
  readonly workflowId: string;
  readonly at: number;
  readonly value: T;
}

/**
 * What the stubs answer for one fiscal year: its calendar as the database would hold it, the
 * clusters running and the ones still to kick off. Tests change it to model what people did.
 */
export interface StubbedYear {
  meetings: Meeting[];
  settings: CalendarSettings | null;
  running: number[];
  pendingKickoffs: PendingKickoff[];
  /** The deadline rules of the Platinum project and the X policies, by process kind. */
  processRules?: Partial<Record<ProcessKind, ProcessDeadlineRule[]>>;
}

/**
 * The workflows' activities as plain recording stubs: deadlines come from the domain's own rules
 * over the stubbed calendar, as the worker computes them from the database, and every effect is
 * kept with the server time at which the workflow asked for it.
 */
export class RecordingActivities {
  readonly years = new Map<number, StubbedYear>();
  readonly notifications: Recorded<NotificationRequest>[] = [];
  readonly clusterEvents: Recorded<ClusterLifecycleEvent>[] = [];
  readonly processEvents: Recorded<ProcessEvent>[] = [];
  readonly meetingChanges: Recorded<MeetingChangeRecord>[] = [];
  readonly kickoffLookups: Recorded<number>[] = [];
  readonly digestRequests: Recorded<{ meeting: Meeting; key: string }>[] = [];

  year(fiscalYear: number): StubbedYear {
    const year = this.years.get(fiscalYear);
    if (!year) throw new Error(`no stubbed calendar for ${fiscalYear}`);
    return year;
  }

  /** Notifications one workflow asked for, in order. */
  notificationsOf(workflowId: string): Recorded<NotificationRequest>[] {
    return this.notifications.filter((entry) => entry.workflowId === workflowId);
  }

  create(): WorkflowActivities {
    const record = <T>(into: Recorded<T>[], value: T) => {
      const info = Context.current().info;
      into.push({ workflowId: info.workflowExecution?.workflowId ?? '', at: info.currentAttemptScheduledTimestampMs, value });
    };
    /** As the real activity does, only those not recorded yet, with their notices. */
    const recordAnswered = (answered: readonly ClusterLifecycleEvent[]) => {
      for (const event of answered) {
        if (this.clusterEvents.some((entry) => entry.value.eventId === event.eventId)) continue;
        record(this.clusterEvents, event);
        for (const notice of event.notices ?? []) record(this.notifications, notice);
      }
    };
    return {
      // As the real activity does, the answered events before the event are recorded first and its notices delivered with it.
      recordClusterEvent: async (event, unconfirmedEvents = []) => {
        recordAnswered(unconfirmedEvents);
        record(this.clusterEvents, event);
        for (const notice of event.notices ?? []) record(this.notifications, notice);
      },
      recordAnsweredEvents: async (answered) => recordAnswered(answered),
      deliverNotification: async (request) => {
        record(this.notifications, request);
        return { newRecipients: 1 };
      },
      loadCalendar: async (fiscalYear) => {
        const { meetings, settings } = this.year(fiscalYear);
        return { meetings, settings };
      },
      loadClusterDeadlines: async (fiscalYear, clusterNo) => {
        const { meetings, settings } = this.year(fiscalYear);
        return settings ? { deadlines: clusterDeadlines(clusterNo, meetings, settings), reminderOffsets: settings.reminderOffsets } : { deadlines: [], reminderOffsets: [] };
      },
      recordMeetingChange: async (change) => {
        record(this.meetingChanges, change);
        const year = this.year(change.fiscalYear);
        year.meetings = [...year.meetings.filter((meeting) => meeting.id !== change.after.id), change.after];
      },
      runningClusterNos: async (fiscalYear) => this.year(fiscalYear).running,
      runningProcessWorkflowIds: async () => [],
      // As the real activity does, what each analysis answers it moved is recorded with its notices.
      tellCalendarChange: async ({ fiscalYear, changedBy, changeId, calendar }) => {
        const { client } = Context.current();
        const running = this.year(fiscalYear).running;
        for (const no of running) {
          const workflowId = clusterWorkflowId(fiscalYear, no);
          const outcome = await client.workflow
            .getHandle(workflowId)
            .executeUpdate(replanForCalendar, { args: [{ changedBy, changeId, calendar }] })
            .catch((error: unknown) => {
              if (!(error instanceof WorkflowNotFoundError)) throw error;
              return { event: null };
            });
          if (!outcome.event) continue;
          const at = Context.current().info.currentAttemptScheduledTimestampMs;
          this.clusterEvents.push({ workflowId, at, value: outcome.event });
          for (const notice of outcome.event.notices ?? []) this.notifications.push({ workflowId, at, value: notice });
        }
        return running.length;
      },
      recordProcessEvent: async (event) => {
        record(this.processEvents, event);
      },
      loadProcessDeadlines: async (subject) => {
        const { meetings, settings, processRules } = this.year(subject.fiscalYear);
        const kind = subject.kind === ProcessKind.PlatinumProposal ? ProcessKind.PlatinumProject : subject.kind;
        const rules = processRules?.[kind] ?? [];
        return settings ? { deadlines: processDeadlines(rules, meetings, settings.dueTime), reminderOffsets: settings.reminderOffsets } : { deadlines: [], reminderOffsets: [] };
      },
      composeMeetingDigests: async (fiscalYear, meeting, key, now) => {
        record(this.digestRequests, { meeting, key });
        return [digestFor(fiscalYear, meeting, key, now)];
      },
      pendingKickoffs: async (fiscalYear) => {
        record(this.kickoffLookups, fiscalYear);
        return this.year(fiscalYear).pendingKickoffs;
      },
    };
  }
}

/** Composing a digest reads the read model; the workflow only decides when, so a fixed text will do. */
function digestFor(fiscalYear: number, meeting: Meeting, key: string, now: string): NotificationRequest {
  return {
    key,
    kind: NotificationKind.MeetingDigest,
    recipients: [],
    excludedUserIds: [],
    subject: `${meeting.name}の案内`,
    body: '',
    link: null,
    fiscalYear,
    clusterNo: null,
    reportKind: null,
    dueAt: null,
    createdAt: now,
  };
}
