import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarSettings, Meeting, MeetingChange, Participant } from '@app/domain';

export type { MeetingChange };

export interface FiscalYearCalendarInput {
  readonly fiscalYear: number;
  /** The calendar as stored when the workflow starts (or continues as new); from then on it is the workflow's. */
  readonly meetings: readonly Meeting[];
  readonly settings: CalendarSettings | null;
  /** Digests and kickoff reminders already sent, carried over when the history is continued as new. */
  readonly sentNotices?: readonly string[];
  /**
   * The public holidays the calendar counts business days by, pinned when it starts, so an upgrade of
   * the holiday library never moves a digest or deadline under it. Absent in calendars started earlier.
   */
  readonly holidays?: readonly string[];
}

export const changeMeeting = defineUpdate<Meeting, [MeetingChange]>('changeMeeting');

/** The year's deadline settings changed in the database: reload them and re-plan. */
export const calendarSettingsChanged = defineSignal<[{ readonly changedBy: Participant }]>('calendarSettingsChanged');

export const getMeetings = defineQuery<readonly Meeting[]>('getMeetings');
