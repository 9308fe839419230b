import { fiscalYearOfDay, tokyoDate } from '@app/domain';

/** The year to show meetings of: this fiscal year when it is registered, else the latest that is. */
export function fiscalYearToShow(registered: readonly number[], now: Date): number | undefined {
  const current = fiscalYearOfDay(tokyoDate(now));
  if (registered.includes(current)) return current;
  return [...registered].sort((a, b) => b - a)[0];
}
