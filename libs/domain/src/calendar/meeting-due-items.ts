import { DeadlineRule } from './calendar-settings';

/**
 * What falls due for a meeting: the year's open items whose report kind the calendar settings peg to
 * it. Items of other kinds are pegged to other meetings, so each open item belongs to exactly one.
 */
export function itemsDueForMeeting<T extends { readonly reportKind: string }>(
  meetingId: string,
  deadlines: readonly Pick<DeadlineRule, 'target' | 'meetingId'>[],
  openItems: readonly T[],
): T[] {
  const targets = new Set(deadlines.filter((rule) => rule.meetingId === meetingId).map((rule) => rule.target));
  return openItems.filter((item) => targets.has(item.reportKind));
}
