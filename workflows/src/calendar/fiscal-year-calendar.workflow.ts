import {
  allHandlersFinished,
  ApplicationFailure,
  patched,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  actorOf,
  CalendarSettings,
  clusterDeadlines,
  HolidayCalendar,
  LIBRARY_HOLIDAYS,
  pinnedHolidays,
  KICKOFF_TARGET,
  kickoffNotices,
  kickoffReminderRequest,
  scheduleAt,
  digestInstant,
  dayAfterMeeting,
  earliestMeetingDay,
  decideMeetingChange,
  Meeting,
  Participant,
  Refusal,
  REFUSED_FAILURE_TYPE,
  tokyoInstant,
} from '@app/domain';
import { type CalendarActivities, clusterWorkflowId, type NotificationActivities } from '@app/temporal/contracts';
import { calendarChanged, CalendarSnapshot } from '../cluster-lifecycle/cluster-lifecycle.messages';
import {
  calendarSettingsChanged,
  changeMeeting,
  FiscalYearCalendarInput,
  getMeetings,
  MeetingChange,
} from './fiscal-year-calendar.messages';

const { loadCalendar, recordMeetingChange, runningClusterNos, runningProcessWorkflowIds, composeMeetingDigests, pendingKickoffs } = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Telling a year's analyses takes a signal each: thousands of them take longer than a database call.
const { tellCalendarChange } = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Inbox and outbox only: sending e-mail and webhook calls is left to delivery workflows of their own.
const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Calendars started before kickoff reminders existed replay without them. */
const KICKOFF_REMINDERS = 'kickoff-reminders';

/**
 * A fiscal year's X meetings: changes to them go through here, so every running analysis hears of
 * a moved meeting at once and re-plans its reminders; and before each meeting, everyone presenting
 * on its agenda gets a digest of what they present and its state.
 */
export async function fiscalYearCalendarWorkflow(input: FiscalYearCalendarInput): Promise<void> {
  // Handlers are set before the first await, so an update sent right after the start is not turned away.
  let meetings: Meeting[] = [...input.meetings];
  let settings: CalendarSettings | null = input.settings;
  let version = 0;
  let changeCount = 0;
  const sentNotices = new Set(input.sentNotices ?? []);
  let pinned = input.holidays;
  const holidays = () => (pinned ? pinnedHolidays(pinned) : LIBRARY_HOLIDAYS);
  const snapshot = (): CalendarSnapshot => ({ meetings, settings, ...(pinned ? { holidays: pinned } : {}) });
  const remindsOfKickoff = patched(KICKOFF_REMINDERS);
  const settingsChanges: Participant[] = [];
  /** A meeting change recorded and answered, whose telling the analyses is still to come. */
  let untold: { readonly changedBy: Participant; readonly changeId: string } | null = null;

  setHandler(getMeetings, () => meetings);

  setHandler(
    changeMeeting,
    async (change: MeetingChange) => {
      const decision = decideMeetingChange(meetings, change);
      // The validator has just accepted this change against the same meetings; a refusal here is a bug.
      if (!decision.accepted) throw refusedChange(decision.refusal);
      const { before, meeting: after } = decision;
      meetings = before ? meetings.map((meeting) => (meeting.id === after.id ? after : meeting)) : [...meetings, after];
      version += 1;
      changeCount += 1;
      const eventId = `${workflowInfo().workflowId}/${workflowInfo().runId}#${changeCount}`;
      await recordMeetingChange({
        eventId,
        fiscalYear: input.fiscalYear,
        occurredAt: new Date().toISOString(),
        actor: actorOf(change.actor),
        action: before ? 'change-meeting' : 'create-meeting',
        before,
        after,
      });
      // The change is answered once it is recorded; telling thousands of analyses is the loop's job.
      if (patched(TELLS_BY_ACTIVITY)) untold = { changedBy: change.actor, changeId: eventId };
      else await tellRunningClusters(input.fiscalYear, change.actor, eventId, snapshot());
      return after;
    },
    {
      validator: (change: MeetingChange) => {
        const decision = decideMeetingChange(meetings, change);
        if (!decision.accepted) throw refusedChange(decision.refusal);
      },
    },
  );

  setHandler(calendarSettingsChanged, ({ changedBy }) => {
    settingsChanges.push(changedBy);
  });

  for (;;) {
    if (untold) {
      // Changes made while the last was being told are told once, as the calendar now stands.
      const { changedBy, changeId } = untold;
      untold = null;
      await tellCalendarChange({ fiscalYear: input.fiscalYear, changedBy: actorOf(changedBy), changeId, calendar: snapshot() });
      continue;
    }
    if (settingsChanges.length > 0) {
      const changedBy = settingsChanges.splice(0).pop() as Participant;
      const loaded = await loadCalendar(input.fiscalYear);
      settings = loaded.settings;
      // The holidays come through the activity's result, which history keeps: a calendar started before
      // holidays were pinned is pinned from its first settings change on.
      if (loaded.holidays) pinned = loaded.holidays;
      changeCount += 1;
      const changeId = `${workflowInfo().workflowId}/${workflowInfo().runId}#${changeCount}`;
      if (patched(TELLS_BY_ACTIVITY)) await tellCalendarChange({ fiscalYear: input.fiscalYear, changedBy: actorOf(changedBy), changeId, calendar: snapshot() });
      else await tellRunningClusters(input.fiscalYear, changedBy, changeId, snapshot());
      continue;
    }
    const seen = version;
    const nextDigest = await sendDueDigests(input.fiscalYear, meetings, settings, sentNotices, holidays());
    const nextKickoffNotice = remindsOfKickoff ? await sendDueKickoffNotices(input.fiscalYear, meetings, settings, sentNotices, holidays()) : undefined;
    const next = [nextDigest, nextKickoffNotice].filter((at): at is string => at !== undefined).sort()[0];
    if (workflowInfo().continueAsNewSuggested && allHandlersFinished() && !untold) {
      await continueAsNew<typeof fiscalYearCalendarWorkflow>({ fiscalYear: input.fiscalYear, meetings, settings, sentNotices: [...sentNotices], holidays: pinned });
    }
    const woken = () => version !== seen || settingsChanges.length > 0 || untold !== null;
    if (next) await condition(woken, Math.max(1, Date.parse(next) - Date.now()));
    else await condition(woken);
  }
}

function refusedChange(refusal: Refusal): ApplicationFailure {
  return ApplicationFailure.nonRetryable(refusal.message, REFUSED_FAILURE_TYPE, refusal);
}

/**
 * How calendars started before tellCalendarChange told: a signal to each analysis and process from the
 * workflow itself, which the meeting change's answer waited for (and which Temporal limits to a few
 * thousand pending at once). Every running analysis of the year re-reads its deadlines, and so do the
 * Platinum and X-policy processes, whose deadlines are pegged to the same meetings.
 */
async function tellRunningClusters(fiscalYear: number, changedBy: Participant, changeId: string, calendar: CalendarSnapshot): Promise<void> {
  const running = (await runningClusterNos(fiscalYear)).map((clusterNo) => clusterWorkflowId(fiscalYear, clusterNo));
  const processes = patched(TELLS_PROCESSES) ? await runningProcessWorkflowIds(fiscalYear) : [];
  // The analyses get the calendar with the change and re-plan from it; the processes plan by their own settings and load them.
  const tell = (workflowId: string, withCalendar: boolean) =>
    getExternalWorkflowHandle(workflowId)
      .signal(calendarChanged, { changedBy: actorOf(changedBy), changeId, ...(withCalendar ? { calendar } : {}) })
      .catch(() => undefined);
  await Promise.all([...running.map((workflowId) => tell(workflowId, true)), ...processes.map((workflowId) => tell(workflowId, false))]);
}

/** Calendars started before the Platinum and X-policy processes existed told only the analyses, as recorded. */
const TELLS_PROCESSES = 'tells-processes';
/** Calendars that told by an activity, after answering the change, instead of by signals from the workflow. */
const TELLS_BY_ACTIVITY = 'tells-by-activity';

/**
 * Sends the digests whose time has come for meetings still ahead, and returns when the next one
 * is due. A digest is keyed by the meeting's date, so a moved meeting gets a new one.
 */
async function sendDueDigests(
  fiscalYear: number,
  meetings: readonly Meeting[],
  settings: CalendarSettings | null,
  sent: Set<string>,
  holidays: HolidayCalendar,
): Promise<string | undefined> {
  if (!settings) return undefined;
  const now = Date.now();
  const upcoming = meetings
    .filter((meeting) => meeting.agenda.length > 0)
    .map((meeting) => ({ meeting, at: digestInstant(meeting, settings, holidays), key: `digest/${fiscalYear}/${meeting.id}/${earliestMeetingDay(meeting.date)}` }))
    .filter(({ meeting, key }) => !sent.has(key) && now < meetingOver(meeting));
  for (const digest of upcoming.filter(({ at }) => Date.parse(at) <= now)) {
    sent.add(digest.key);
    const requests = await composeMeetingDigests(fiscalYear, digest.meeting, digest.key, new Date(now).toISOString());
    for (const request of requests) await deliverNotification(request);
  }
  return upcoming
    .filter(({ at }) => Date.parse(at) > now)
    .map(({ at }) => at)
    .sort()[0];
}

/** Reminds the reform office of the clusters it has still to kick off, and tells it when the deadline has passed. */
async function sendDueKickoffNotices(
  fiscalYear: number,
  meetings: readonly Meeting[],
  settings: CalendarSettings | null,
  sent: Set<string>,
  holidays: HolidayCalendar,
): Promise<string | undefined> {
  if (!settings) return undefined;
  const deadline = clusterDeadlines(0, meetings, settings, holidays).find((candidate) => candidate.target === KICKOFF_TARGET);
  if (!deadline) return undefined;
  const now = new Date().toISOString();
  const schedule = scheduleAt(kickoffNotices(fiscalYear, deadline, settings.reminderOffsets), sent, now);
  for (const notice of schedule.overtaken) sent.add(notice.key);
  for (const notice of schedule.due) {
    sent.add(notice.key);
    const request = kickoffReminderRequest(fiscalYear, notice, await pendingKickoffs(fiscalYear), now);
    if (request) await deliverNotification(request);
  }
  return schedule.next?.at;
}

/** After the last day the meeting can fall on, a digest would come too late to help. */
function meetingOver(meeting: Meeting): number {
  return Date.parse(tokyoInstant(dayAfterMeeting(meeting.date), '00:00'));
}
