import { isHoliday } from '@holiday-jp/holiday_jp';

/** Calendar arithmetic on ISO dates (YYYY-MM-DD), free of time zones. */
function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Weekdays that are not Japanese public holidays (振替休日 and 国民の休日 included, from the holiday library's data). */
export function isBusinessDay(isoDate: string): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  // Given as a YYYY-MM-DD string, the library looks the day up as is, with no time zone involved.
  return !isHoliday(isoDate);
}

/**
 * The day `count` business days before `isoDate` (「会議の5営業日前」). Zero means the day itself,
 * whatever day it is: a meeting's own day is its own deadline.
 */
export function businessDaysBefore(isoDate: string, count: number): string {
  const key = `${isoDate}/${count}`;
  const known = daysBefore.get(key);
  if (known !== undefined) return known;
  let day = isoDate;
  for (let remaining = count; remaining > 0; ) {
    day = shiftDays(day, -1);
    if (isBusinessDay(day)) remaining -= 1;
  }
  daysBefore.set(key, day);
  return day;
}

/** A year's board asks the same few meeting days of thousands of clusters; the calendar does not change while the process runs. */
const daysBefore = new Map<string, string>();
