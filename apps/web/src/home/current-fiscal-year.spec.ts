import { fiscalYearToShow } from './current-fiscal-year';

describe('the fiscal year the home page shows', () => {
  it('is the current year when registered, else the latest registered one', () => {
    expect(fiscalYearToShow([2024, 2025], new Date('2025-06-01T00:00:00Z'))).toBe(2025);
    expect(fiscalYearToShow([2023, 2024], new Date('2026-12-01T00:00:00Z'))).toBe(2024);
    expect(fiscalYearToShow([], new Date())).toBeUndefined();
  });

  it('takes the day in Tokyo: 1 April 00:30 JST is still 31 March in UTC', () => {
    expect(fiscalYearToShow([2024, 2025], new Date('2025-03-31T15:30:00Z'))).toBe(2025);
  });
});
