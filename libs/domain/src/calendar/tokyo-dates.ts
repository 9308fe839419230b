import { TOKYO_OFFSET_MS } from '../time/tokyo-time';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** The instant a Tokyo wall-clock time (YYYY-MM-DD and HH:MM or HH:MM:SS) names. */
export function tokyoInstant(isoDate: string, time: string): string {
  const [hours, minutes, seconds = 0] = time.split(':').map(Number);
  const midnightUtc = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(midnightUtc - TOKYO_OFFSET_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000).toISOString();
}

/** The Tokyo calendar day of an instant. */
export function tokyoDate(instant: string | Date): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(time + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** 「2024年7月12日(金) 17:00」 in Asia/Tokyo, as staff read dates. */
export function formatTokyoDateTime(instant: string): string {
  const tokyo = new Date(Date.parse(instant) + TOKYO_OFFSET_MS);
  const hh = String(tokyo.getUTCHours()).padStart(2, '0');
  const mm = String(tokyo.getUTCMinutes()).padStart(2, '0');
  return `${tokyo.getUTCFullYear()}年${tokyo.getUTCMonth() + 1}月${tokyo.getUTCDate()}日(${WEEKDAYS[tokyo.getUTCDay()]}) ${hh}:${mm}`;
}
