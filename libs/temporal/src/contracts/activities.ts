import type { Actor, CalendarSettings, ClusterLifecycleEvent, Deadline, Meeting, NotificationDelivery, NotificationRequest, PendingKickoff } from '@app/domain';

/** What the cluster lifecycle workflow asks of the world; the worker implements it. */
export interface ClusterLifecycleActivities {
  /** Writes the audit entry and read model for one event; idempotent by event id. */
  recordClusterEvent(event: ClusterLifecycleEvent): Promise<void>;
}

/** Delivers notifications: inbox, e-mail and webhook, each at most once per key and recipient. */
export interface NotificationActivities {
  deliverNotification(request: NotificationRequest): Promise<NotificationDelivery>;
}

/** A cluster's deadlines under the fiscal year's calendar as it stands, and when to remind before them. */
export interface ClusterDeadlinesLoad {
  readonly deadlines: readonly Deadline[];
  readonly reminderOffsets: readonly string[];
}

export interface CalendarLoad {
  readonly meetings: readonly Meeting[];
  readonly settings: CalendarSettings | null;
}

/** One change of one meeting, for the meetings table and the audit trail; idempotent by event id. */
export interface MeetingChangeRecord {
  readonly eventId: string;
  readonly fiscalYear: number;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly action: 'create-meeting' | 'change-meeting';
  readonly before: Meeting | null;
  readonly after: Meeting;
}

/** What the calendar workflows ask of the world: the meetings as stored, and the read model of changes. */
export interface CalendarActivities {
  loadCalendar(fiscalYear: number): Promise<CalendarLoad>;
  loadClusterDeadlines(fiscalYear: number, clusterNo: number): Promise<ClusterDeadlinesLoad>;
  recordMeetingChange(change: MeetingChangeRecord): Promise<void>;
  runningClusterNos(fiscalYear: number): Promise<number[]>;
  /** One digest per owning bureau presenting at the meeting: what they present and its state. */
  composeMeetingDigests(fiscalYear: number, meeting: Meeting, key: string, now: string): Promise<NotificationRequest[]>;
  /** Clusters flagged for this year's analysis and not yet kicked off. */
  pendingKickoffs(fiscalYear: number): Promise<PendingKickoff[]>;
}
