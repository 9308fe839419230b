import { fiscalYearLabel, fiscalYearOfDay, fiscalYearRange, isSupportedFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from './fiscal-year';

describe('fiscal years', () => {
  it.each([
    [2024, '令和6年度'],
    [2025, '令和7年度'],
    [2020, '令和2年度'],
    [2030, '令和12年度'],
  ])('labels %i as 「%s」', (fiscalYear, label) => {
    expect(fiscalYearLabel(fiscalYear)).toBe(label);
  });

  it('labels the first year of the era 令和元年度, as Japanese documents write it', () => {
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
  });

  it.each([2018, 1999, -5, 2024.5])('never shows a zero, negative or fractional era year for %p', (fiscalYear) => {
    const label = fiscalYearLabel(fiscalYear);
    expect(label).toMatch(/年度$/);
    expect(label).not.toMatch(/令和(0|-|\d+\.)/);
    expect(label).toContain(String(fiscalYear));
  });

  it('runs a fiscal year from 1 April to 31 March of the next calendar year', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(fiscalYearRange(2019)).toEqual({ start: '2019-04-01', end: '2020-03-31' });
  });

  it('lets consecutive fiscal years meet without a gap or overlap', () => {
    const end = new Date(`${fiscalYearRange(2024).end}T00:00:00Z`);
    const nextStart = new Date(`${fiscalYearRange(2025).start}T00:00:00Z`);
    expect(nextStart.getTime() - end.getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it('supports the Reiwa years the engine is built for', () => {
    expect(MIN_FISCAL_YEAR).toBe(2019);
    expect(MAX_FISCAL_YEAR).toBeGreaterThanOrEqual(2030);
    for (const fiscalYear of [2019, 2024, 2025, MAX_FISCAL_YEAR]) expect(isSupportedFiscalYear(fiscalYear)).toBe(true);
  });

  it.each([2018, MAX_FISCAL_YEAR + 1, 0, -2024, 2024.5, Number.NaN, Number.POSITIVE_INFINITY, 24])(
    'refuses %p as a fiscal year',
    (fiscalYear) => {
      expect(isSupportedFiscalYear(fiscalYear)).toBe(false);
    },
  );
});

describe('fiscalYearOfDay', () => {
  it('runs from April to March', () => {
    expect(fiscalYearOfDay('2025-03-31')).toBe(2024);
    expect(fiscalYearOfDay('2025-04-01')).toBe(2025);
  });
});
