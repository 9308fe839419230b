import { TOKYO_OFFSET_MS } from '../time/tokyo-time';
import { tokyoDate } from './tokyo-dates';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** Eras from 明治 on, newest first, each with the day it began (as the Gregorian calendar names it). */
const ERAS: readonly { readonly name: string; readonly start: string }[] = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1873-01-01' },
];

/** 「令和6年10月9日」 for 2024-10-09; the first year of an era is 元年, as official documents write it. */
export function japaneseEraDate(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${japaneseEraYear(isoDate)}${month}月${day}日`;
}

/** 「令和6年」 for a day of 2024 from May 2019 on; 元年 for an era's first year. */
export function japaneseEraYear(isoDate: string): string {
  const era = ERAS.find(({ start }) => isoDate >= start);
  const year = Number(isoDate.slice(0, 4));
  if (!era) return `${year}年`;
  const eraYear = year - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年`;
}

/** 「令和6年10月9日（2024-10-09）」: the Tokyo day of an instant or an ISO date, in 和暦 with 西暦, as the city writes dates. */
export function japaneseEraDateWithIso(dayOrInstant: string): string {
  const isoDate = /^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant) ? dayOrInstant : tokyoDate(dayOrInstant);
  return `${japaneseEraDate(isoDate)}（${isoDate}）`;
}

/** 「令和6年7月12日（2024-07-12）(金) 17:00」: an instant as staff read a deadline, in Asia/Tokyo. */
export function formatTokyoDateTime(instant: string): string {
  const tokyo = new Date(Date.parse(instant) + TOKYO_OFFSET_MS);
  const hh = String(tokyo.getUTCHours()).padStart(2, '0');
  const mm = String(tokyo.getUTCMinutes()).padStart(2, '0');
  return `${japaneseEraDateWithIso(instant)}(${WEEKDAYS[tokyo.getUTCDay()]}) ${hh}:${mm}`;
}
