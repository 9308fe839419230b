import type {
  Actor,
  CalendarSettings,
  ClusterLifecycleEvent,
  Meeting,
  NotificationDelivery,
  NotificationRequest,
  PendingKickoff,
  ClusterDeadlinePlan,
  ProcessDeadline,
  ProcessEvent,
  ProcessSubject,
} from '@app/domain';

/** What the cluster lifecycle workflow asks of the world; the worker implements it. */
export interface ClusterLifecycleActivities {
  /**
   * Writes the audit entry and read model for one event, after those of the events before it answered
   * to their callers that no caller recorded, with their notices; idempotent by event id.
   */
  recordClusterEvent(event: ClusterLifecycleEvent, unconfirmedEvents?: readonly ClusterLifecycleEvent[]): Promise<void>;
  /**
   * Records those of the events answered to their callers that the audit trail still lacks, in order,
   * with their notices: for a caller that died before recording its answer. Idempotent by event id.
   */
  recordAnsweredEvents(answered: readonly ClusterLifecycleEvent[]): Promise<void>;
}

/** A process's deadlines under the year's calendar as it stands, and when to remind before them. */
export interface ProcessDeadlinesLoad {
  readonly deadlines: readonly ProcessDeadline[];
  readonly reminderOffsets: readonly string[];
}

/** What the Platinum and X-policy workflows ask of the world; the worker implements it. */
export interface ProcessActivities {
  /** Writes the audit entry and read model for one event; idempotent by event id. */
  recordProcessEvent(event: ProcessEvent): Promise<void>;
  loadProcessDeadlines(subject: ProcessSubject): Promise<ProcessDeadlinesLoad>;
}

/**
 * Delivers notifications: a quick local write of the inbox entries and of the outbox of e-mails and
 * webhook calls, each sent afterwards by a workflow of its own, so a failing mail server or webhook
 * never holds up the process that notifies. Each effect at most once per key and recipient.
 */
export interface NotificationActivities {
  deliverNotification(request: NotificationRequest): Promise<NotificationDelivery>;
}

/** One e-mail (recipient: the user's id) or webhook call (recipient: the endpoint) of one notification. */
export interface NotificationDeliveryRef {
  readonly channel: 'email' | 'webhook';
  readonly notificationKey: string;
  readonly recipient: string;
}

/** A delivery workflow's input: the delivery, and how often and how patiently to try it. */
export interface NotificationDeliveryInput extends NotificationDeliveryRef {
  readonly maxAttempts: number;
  readonly initialIntervalSeconds: number;
}

/** The failure type of an attempt that asking again would not change (the mail server refused the address for good). */
export const PERMANENT_DELIVERY_FAILURE = 'PermanentDeliveryFailure';

/** What a delivery workflow asks of the world. */
export interface NotificationDeliveryActivities {
  /** Sends it unless it was delivered or given up on already; records each attempt. */
  sendNotificationDelivery(delivery: NotificationDeliveryRef): Promise<void>;
  /** Records that no further attempt will be made, and why, for admins to see. */
  recordNotificationDeliveryFailed(delivery: NotificationDeliveryRef, error: string): Promise<void>;
}

/** A cluster's deadlines under the fiscal year's calendar as it stands, and when to remind before them. */
export type ClusterDeadlinesLoad = ClusterDeadlinePlan;

export interface CalendarLoad {
  readonly meetings: readonly Meeting[];
  readonly settings: CalendarSettings | null;
  /** The public holidays of the year as the worker's holiday library knows them (ISO dates). */
  readonly holidays?: readonly string[];
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

/** A change of the year's calendar, for every analysis and process of the year still running. */
export interface CalendarChangeBroadcast {
  readonly fiscalYear: number;
  readonly changedBy: Actor;
  /** Names the change: a process told twice sends its notices about it once. */
  readonly changeId: string;
  /** The calendar after the change: the analyses re-plan from it; the processes load their own settings. */
  readonly calendar: CalendarLoad;
}

/** What the calendar workflows ask of the world: the meetings as stored, and the read model of changes. */
export interface CalendarActivities {
  loadCalendar(fiscalYear: number): Promise<CalendarLoad>;
  loadClusterDeadlines(fiscalYear: number, clusterNo: number): Promise<ClusterDeadlinesLoad>;
  recordMeetingChange(change: MeetingChangeRecord): Promise<void>;
  runningClusterNos(fiscalYear: number): Promise<number[]>;
  /** Workflow ids of the year's running Platinum and X-policy processes, which plan by the meetings too. */
  runningProcessWorkflowIds(fiscalYear: number): Promise<string[]>;
  /**
   * Tells every running analysis and process of the year about the change, a bounded number at a
   * time, and records the deadlines each analysis answers it moved, with their notices; a retry
   * resumes where the last attempt's heartbeat left off. Answers how many were told.
   */
  tellCalendarChange(change: CalendarChangeBroadcast): Promise<number>;
  /** One digest per owning bureau presenting at the meeting: what they present and its state. */
  composeMeetingDigests(fiscalYear: number, meeting: Meeting, key: string, now: string): Promise<NotificationRequest[]>;
  /** Clusters flagged for this year's analysis and not yet kicked off. */
  pendingKickoffs(fiscalYear: number): Promise<PendingKickoff[]>;
}

/** What the retention rules prune, in the order a run prunes them. */
export const RETENTION_TARGETS = ['idempotentRequests', 'readNotifications', 'notificationDeliveries'] as const;
export type RetentionTarget = (typeof RETENTION_TARGETS)[number];

/** A retention run's input, as its schedule gives it. */
export interface RetentionInput {
  /** Rows deleted per statement, so no run holds locks or a transaction for long. */
  readonly batchSize: number;
}

/** What one retention run deleted, and in how many batches, per target. */
export interface RetentionResult {
  readonly pruned: Record<RetentionTarget, number>;
  readonly batches: Record<RetentionTarget, number>;
}

/** What the retention workflow asks of the world. */
export interface RetentionActivities {
  /** Deletes at most `batchSize` rows of the target that are past its retention (configured on the worker); returns how many. */
  pruneExpired(target: RetentionTarget, batchSize: number): Promise<number>;
}
