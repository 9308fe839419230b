import { japaneseEraDateWithIso, japaneseEraYear } from './japanese-era-dates';

/** 上旬 (days 1–10), 中旬 (11–20), 下旬 (21–end): a date known only to a third of a month. */
export enum MonthThird {
  Early = 'early',
  Mid = 'mid',
  Late = 'late',
}

export const MONTH_THIRD_LABELS: Readonly<Record<MonthThird, string>> = {
  [MonthThird.Early]: '上旬',
  [MonthThird.Mid]: '中旬',
  [MonthThird.Late]: '下旬',
};

const FIRST_DAY: Readonly<Record<MonthThird, number>> = { [MonthThird.Early]: 1, [MonthThird.Mid]: 11, [MonthThird.Late]: 21 };

/** A meeting's date: exact, or a third of a month until the reform office fixes it. */
export type MeetingDate =
  | { readonly kind: 'exact'; readonly date: string }
  | { readonly kind: 'third'; readonly month: string; readonly third: MonthThird };

/** The form of a calendar day people type: YYYY-MM-DD (whether the day exists is {@link isValidIsoDate}'s question). */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** YYYY-MM with a month from 01 to 12. */
export const ISO_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Problems with a meeting date as a person entered it, in Japanese; empty when it is sound. */
export function meetingDateProblems(date: MeetingDate): string[] {
  if (date.kind === 'exact') return isValidIsoDate(date.date) ? [] : [`日付 ${date.date} は YYYY-MM-DD 形式の存在する日付で指定してください`];
  const problems: string[] = [];
  if (!ISO_MONTH_PATTERN.test(date.month)) problems.push(`月 ${date.month} は YYYY-MM 形式で指定してください`);
  if (!Object.values(MonthThird).includes(date.third)) problems.push('旬は early（上旬）/ mid（中旬）/ late（下旬）のいずれかで指定してください');
  return problems;
}

/**
 * The earliest day the meeting can fall on: deadlines are planned against it, so nobody is late
 * whichever day within the third the meeting turns out to be.
 */
export function earliestMeetingDay(date: MeetingDate): string {
  if (date.kind === 'exact') return date.date;
  return `${date.month}-${String(FIRST_DAY[date.third]).padStart(2, '0')}`;
}

/** The day after the last day the meeting can fall on: the 11th, the 21st, or the next month's 1st for a third. */
export function dayAfterMeeting(date: MeetingDate): string {
  const day = new Date(`${earliestMeetingDay(date)}T00:00:00Z`);
  if (date.kind === 'exact') day.setUTCDate(day.getUTCDate() + 1);
  else if (date.third === MonthThird.Late) day.setUTCMonth(day.getUTCMonth() + 1, 1);
  else day.setUTCDate(day.getUTCDate() + 10);
  return day.toISOString().slice(0, 10);
}

export function isProvisional(date: MeetingDate): boolean {
  return date.kind === 'third';
}

/**
 * A meeting's date as the city writes it: 「令和6年10月9日（2024-10-09）」 when fixed, 「令和6年10月上旬（2024-10 上旬）」
 * while only the third of the month is known (the era is the one of the third's first day).
 */
export function meetingDateLabel(date: MeetingDate): string {
  if (date.kind === 'exact') return japaneseEraDateWithIso(date.date);
  const third = MONTH_THIRD_LABELS[date.third];
  return `${japaneseEraYear(earliestMeetingDay(date))}${Number(date.month.slice(5, 7))}月${third}（${date.month} ${third}）`;
}

export function sameMeetingDate(a: MeetingDate, b: MeetingDate): boolean {
  return a.kind === 'exact' ? b.kind === 'exact' && a.date === b.date : b.kind === 'third' && a.month === b.month && a.third === b.third;
}

/** The same date `years` later (29 February becomes 28 February in a common year). */
export function shiftMeetingDate(date: MeetingDate, years: number): MeetingDate {
  const shiftYear = (text: string) => `${Number(text.slice(0, 4)) + years}${text.slice(4)}`;
  if (date.kind === 'third') return { ...date, month: shiftYear(date.month) };
  const shifted = shiftYear(date.date);
  return { kind: 'exact', date: isValidIsoDate(shifted) ? shifted : shifted.replace(/-02-29$/, '-02-28') };
}
