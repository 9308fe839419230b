/** Japan keeps one offset all year (no daylight saving), so Asia/Tokyo is UTC+09:00 exactly. */
export const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** An instant written as Asia/Tokyo local time with its offset: 2024-06-04T10:00:00.000+09:00. */
export function toTokyoIsoString(instant: Date | string): string {
  const time = typeof instant === 'string' ? new Date(instant) : instant;
  return `${new Date(time.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, -1)}+09:00`;
}
