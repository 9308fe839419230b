import { businessDaysBefore, HolidayCalendar, LIBRARY_HOLIDAYS } from '../calendar/business-days';
import { Meeting } from '../calendar/meeting';
import { earliestMeetingDay, isProvisional, isValidIsoDate, meetingDateLabel } from '../calendar/meeting-date';
import { peggedDeadlineProblems } from '../calendar/calendar-settings';
import { tokyoInstant } from '../calendar/tokyo-dates';
import { type FieldProblem, fieldProblemList } from '../refusals/refusal';

/**
 * A deadline of the Platinum project or of the bureaus' X policies: pegged to an X meeting (material
 * due some business days before its earliest day, moving with it) or set to a fixed day.
 */
export type ProcessDeadlineRule =
  | { readonly target: string; readonly meetingId: string; readonly leadBusinessDays: number; readonly date?: undefined }
  | { readonly target: string; readonly date: string; readonly meetingId?: undefined; readonly leadBusinessDays?: undefined };

export interface ProcessDeadline {
  readonly target: string;
  /** Tokyo calendar day it is due. */
  readonly dueDate: string;
  /** ISO instant: the due day at the year's due time, Asia/Tokyo. */
  readonly dueAt: string;
  /** Planned against the earliest day of a meeting known only as 上旬/中旬/下旬. */
  readonly provisional: boolean;
  /** The meeting it is pegged to; null for a fixed day. */
  readonly meeting: { readonly id: string; readonly name: string; readonly dateLabel: string } | null;
}

/** Each rule's deadline under the year's meetings; a rule whose meeting is gone has none. */
export function processDeadlines(
  rules: readonly ProcessDeadlineRule[],
  meetings: readonly Meeting[],
  dueTime: string,
  holidays: HolidayCalendar = LIBRARY_HOLIDAYS,
): ProcessDeadline[] {
  return rules.flatMap((rule): ProcessDeadline[] => {
    if (rule.date !== undefined) return [{ target: rule.target, dueDate: rule.date, dueAt: tokyoInstant(rule.date, dueTime), provisional: false, meeting: null }];
    const meeting = meetings.find((candidate) => candidate.id === rule.meetingId);
    if (!meeting) return [];
    const dueDate = businessDaysBefore(earliestMeetingDay(meeting.date), rule.leadBusinessDays, holidays);
    return [
      {
        target: rule.target,
        dueDate,
        dueAt: tokyoInstant(dueDate, dueTime),
        provisional: isProvisional(meeting.date),
        meeting: { id: meeting.id, name: meeting.name, dateLabel: meetingDateLabel(meeting.date) },
      },
    ];
  });
}

/**
 * Problems of a set of rules in Japanese, for the targets a process knows, each under the request
 * field it concerns (`deadlines.0.leadBusinessDays`); empty when they can run.
 */
export function processDeadlineProblems(rules: readonly ProcessDeadlineRule[], targets: Readonly<Record<string, string>>, meetingIds: readonly string[]): FieldProblem[] {
  const problems = fieldProblemList();
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const field = `deadlines.${index}`;
    const name = targets[rule.target];
    if (!name) {
      problems.add(`${field}.target`, `期限の対象 ${rule.target} はありません（${Object.keys(targets).join(', ')}）`);
      continue;
    }
    if (seen.has(rule.target)) problems.add('deadlines', `${name}の期限が重複して設定されています`);
    seen.add(rule.target);
    if (rule.date !== undefined) {
      if (!isValidIsoDate(rule.date)) problems.add(`${field}.date`, `${name}の期限 ${rule.date} は YYYY-MM-DD の日付で指定してください`);
      continue;
    }
    peggedDeadlineProblems(rule, field, name, meetingIds, problems.add);
  }
  return problems.list();
}
