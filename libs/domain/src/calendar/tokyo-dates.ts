import { TOKYO_OFFSET_MS } from '../time/tokyo-time';

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
