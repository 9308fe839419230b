import { businessDaysBefore, HolidayCalendar, LIBRARY_HOLIDAYS } from './business-days';
import { CalendarSettings, DeadlineRule, KICKOFF_TARGET } from './calendar-settings';
import { Meeting } from './meeting';
import { earliestMeetingDay, isProvisional, meetingDateLabel } from './meeting-date';
import { tokyoInstant } from './tokyo-dates';

/** When the kickoff or a report of one cluster is due, and for which meeting. */
export interface Deadline {
  /** `kickoff` or a report kind's slug. */
  readonly target: string;
  readonly meetingId: string;
  readonly meetingName: string;
  readonly meetingDateLabel: string;
  /** Tokyo calendar day the material is due. */
  readonly dueDate: string;
  /** ISO instant: the due date at the year's due time, Asia/Tokyo. */
  readonly dueAt: string;
  /** Planned against the earliest day of a meeting known only as 上旬/中旬/下旬. */
  readonly provisional: boolean;
}

/**
 * Each target's deadline for one cluster. A meeting whose agenda lists the cluster's report
 * takes precedence over the year's default meeting for that report kind.
 */
export function clusterDeadlines(
  clusterNo: number,
  meetings: readonly Meeting[],
  settings: CalendarSettings,
  holidays: HolidayCalendar = LIBRARY_HOLIDAYS,
): Deadline[] {
  return settings.deadlines.flatMap((rule) => {
    const meeting = agendaMeeting(meetings, clusterNo, rule.target) ?? meetings.find((candidate) => candidate.id === rule.meetingId);
    return meeting ? [deadlineFor(rule, meeting, settings.dueTime, holidays)] : [];
  });
}

/**
 * clusterDeadlines for every cluster of a year at once, for reads that judge thousands: the clusters
 * no agenda names share one plan, worked out once; each named one gets its own.
 */
export function yearDeadlines(meetings: readonly Meeting[], settings: CalendarSettings, holidays: HolidayCalendar = LIBRARY_HOLIDAYS): (clusterNo: number) => readonly Deadline[] {
  const named = new Set(agendaClusterNos(meetings));
  let unnamed: readonly Deadline[] | null = null;
  return (clusterNo) => {
    if (named.has(clusterNo)) return clusterDeadlines(clusterNo, meetings, settings, holidays);
    unnamed ??= clusterDeadlines(clusterNo, meetings, settings, holidays);
    return unnamed;
  };
}

/**
 * The meetings as one cluster's deadlines need them: each agenda cut to that cluster's own items.
 * What travels to each analysis when a meeting changes, so a year of thousands, whose agendas name
 * hundreds, does not send every analysis everyone's agenda (nor keep it in every history).
 */
export function meetingsForCluster(meetings: readonly Meeting[], clusterNo: number): Meeting[] {
  return meetings.map((meeting) => ({ ...meeting, agenda: meeting.agenda.filter((item) => item.clusterNo === clusterNo) }));
}

/** The clusters the meetings' agendas name, in order: the only ones whose deadlines differ from the year's defaults. */
export function agendaClusterNos(meetings: readonly Meeting[]): number[] {
  return [...new Set(meetings.flatMap((meeting) => meeting.agenda.map((item) => item.clusterNo)))].sort((a, b) => a - b);
}

function agendaMeeting(meetings: readonly Meeting[], clusterNo: number, target: string): Meeting | undefined {
  if (target === KICKOFF_TARGET) return undefined;
  return meetings.find((meeting) => meeting.agenda.some((item) => item.clusterNo === clusterNo && item.reportKind === target));
}

function deadlineFor(rule: DeadlineRule, meeting: Meeting, dueTime: string, holidays: HolidayCalendar): Deadline {
  const dueDate = businessDaysBefore(earliestMeetingDay(meeting.date), rule.leadBusinessDays, holidays);
  return {
    target: rule.target,
    meetingId: meeting.id,
    meetingName: meeting.name,
    meetingDateLabel: meetingDateLabel(meeting.date),
    dueDate,
    dueAt: tokyoInstant(dueDate, dueTime),
    provisional: isProvisional(meeting.date),
  };
}

/** When a meeting's presenters get their digest: business days before its earliest day, at the due time. */
export function digestInstant(meeting: Meeting, settings: CalendarSettings, holidays: HolidayCalendar = LIBRARY_HOLIDAYS): string {
  return tokyoInstant(businessDaysBefore(earliestMeetingDay(meeting.date), settings.digestLeadBusinessDays, holidays), settings.dueTime);
}

/** What a cluster's reminders are planned by: its deadlines and when to remind before them. */
export interface ClusterDeadlinePlan {
  readonly deadlines: readonly Deadline[];
  readonly reminderOffsets: readonly string[];
}

/** The cluster's plan under the year's calendar as it stands; nothing to remind of while the year has no calendar settings. */
export function clusterDeadlinePlan(
  clusterNo: number,
  meetings: readonly Meeting[],
  settings: CalendarSettings | null,
  holidays: HolidayCalendar = LIBRARY_HOLIDAYS,
): ClusterDeadlinePlan {
  return settings ? { deadlines: clusterDeadlines(clusterNo, meetings, settings, holidays), reminderOffsets: settings.reminderOffsets } : { deadlines: [], reminderOffsets: [] };
}
