import { between, isHoliday } from '@holiday-jp/holiday_jp';

/**
 * Which days are public holidays. Computations whose result a workflow's history keeps go by a list
 * pinned when the workflow started (from an activity or its input), so an upgrade of the holiday
 * library cannot change them under a running workflow; everything else asks the library.
 */
export type HolidayCalendar = (isoDate: string) => boolean;

/** The holiday library's data as installed (振替休日 and 国民の休日 included). */
export const LIBRARY_HOLIDAYS: HolidayCalendar = (isoDate) => isHoliday(isoDate);

/** A calendar of exactly these holidays (ISO dates). */
export function pinnedHolidays(isoDates: readonly string[]): HolidayCalendar {
  const holidays = new Set(isoDates);
  return (isoDate) => holidays.has(isoDate);
}

/** The library's holidays that can matter to a fiscal year's deadlines: from the January before it to the December after. */
export function holidaysOfFiscalYear(fiscalYear: number): string[] {
  return between(new Date(`${fiscalYear}-01-01T00:00:00Z`), new Date(`${fiscalYear + 1}-12-31T00:00:00Z`)).map((holiday) =>
    holiday.date.toISOString().slice(0, 10),
  );
}

/** Calendar arithmetic on ISO dates (YYYY-MM-DD), free of time zones. */
function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Weekdays that are not public holidays. */
export function isBusinessDay(isoDate: string, holidays: HolidayCalendar = LIBRARY_HOLIDAYS): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  // Given as a YYYY-MM-DD string, the library looks the day up as is, with no time zone involved.
  return !holidays(isoDate);
}

/**
 * The day `count` business days before `isoDate` (「会議の5営業日前」). Zero means the day itself,
 * whatever day it is: a meeting's own day is its own deadline.
 */
export function businessDaysBefore(isoDate: string, count: number, holidays: HolidayCalendar = LIBRARY_HOLIDAYS): string {
  const key = `${isoDate}/${count}`;
  const cached = holidays === LIBRARY_HOLIDAYS;
  const known = cached ? daysBefore.get(key) : undefined;
  if (known !== undefined) return known;
  let day = isoDate;
  for (let remaining = count; remaining > 0; ) {
    day = shiftDays(day, -1);
    if (isBusinessDay(day, holidays)) remaining -= 1;
  }
  if (cached) daysBefore.set(key, day);
  return day;
}

/** A year's board asks the same few meeting days of thousands of clusters; the library's calendar does not change while the process runs. */
const daysBefore = new Map<string, string>();
