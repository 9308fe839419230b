/** Japanese fiscal years run 1 April – 31 March; 令和N年度 is FY 2018+N. */
export const REIWA_OFFSET = 2018;
export const MIN_FISCAL_YEAR = 2019;
export const MAX_FISCAL_YEAR = 2100;

export function isSupportedFiscalYear(fiscalYear: number): boolean {
  return Number.isInteger(fiscalYear) && fiscalYear >= MIN_FISCAL_YEAR && fiscalYear <= MAX_FISCAL_YEAR;
}

/**
 * 2024 → 「令和6年度」, 2019 → 「令和元年度」 (the era's first year is written 元). Years before Reiwa,
 * which may reach error messages unvalidated, keep the western year: 「2018年度」.
 */
export function fiscalYearLabel(fiscalYear: number): string {
  if (!Number.isInteger(fiscalYear) || fiscalYear <= REIWA_OFFSET) return `${fiscalYear}年度`;
  const reiwaYear = fiscalYear - REIWA_OFFSET;
  return `令和${reiwaYear === 1 ? '元' : reiwaYear}年度`;
}

/** First and last calendar day (ISO dates) of a fiscal year. */
export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/** The fiscal year (April to March) that a calendar day (ISO date) falls in. */
export function fiscalYearOfDay(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** The instant a fiscal year ends: 1 April of the next year, 00:00 Asia/Tokyo. */
export function fiscalYearEnd(fiscalYear: number): string {
  return new Date(Date.parse(`${fiscalYear + 1}-04-01T00:00:00+09:00`)).toISOString();
}
