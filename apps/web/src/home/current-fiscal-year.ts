import { tokyoDate } from '@app/domain';

/** The fiscal year (April to March) that a Tokyo day falls in. */
export function fiscalYearOfDay(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** The year to show meetings of: this fiscal year when it is registered, else the latest that is. */
export function fiscalYearToShow(registered: readonly number[], now: Date): number | undefined {
  const current = fiscalYearOfDay(tokyoDate(now));
  if (registered.includes(current)) return current;
  return [...registered].sort((a, b) => b - a)[0];
}
