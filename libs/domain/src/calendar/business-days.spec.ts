import { businessDaysBefore, holidaysOfFiscalYear, isBusinessDay, LIBRARY_HOLIDAYS, pinnedHolidays } from './business-days';

describe('isBusinessDay', () => {
  it('counts ordinary weekdays', () => {
    expect(isBusinessDay('2024-07-22')).toBe(true); // Monday, the 1st X meeting
    expect(isBusinessDay('2024-07-12')).toBe(true); // Friday
    expect(isBusinessDay('2024-08-21')).toBe(true); // Wednesday
  });

  it('skips Saturdays and Sundays', () => {
    expect(isBusinessDay('2024-07-13')).toBe(false);
    expect(isBusinessDay('2024-07-14')).toBe(false);
    expect(isBusinessDay('2024-12-21')).toBe(false); // 下旬 of December starts on a Saturday
  });

  it('skips Japanese public holidays that fall on weekdays', () => {
    expect(isBusinessDay('2024-07-15')).toBe(false); // 海の日
    expect(isBusinessDay('2024-09-16')).toBe(false); // 敬老の日
    expect(isBusinessDay('2024-10-14')).toBe(false); // スポーツの日
    expect(isBusinessDay('2024-04-29')).toBe(false); // 昭和の日
    expect(isBusinessDay('2024-05-03')).toBe(false); // 憲法記念日
    expect(isBusinessDay('2025-01-01')).toBe(false); // 元日
  });

  it.each([
    ['2024-02-12', '建国記念の日'],
    ['2024-05-06', 'こどもの日'],
    ['2024-08-12', '山の日'],
    ['2024-09-23', '秋分の日'],
    ['2024-11-04', '文化の日'],
  ])('skips the 振替休日 %s for %s falling on a Sunday', (date) => {
    expect(isBusinessDay(date)).toBe(false);
  });

  it('skips 国民の休日, the weekday sandwiched between two holidays', () => {
    expect(isBusinessDay('2026-09-22')).toBe(false);
  });

  it('works on the weekdays of Golden Week that are not holidays', () => {
    expect(['2024-04-30', '2024-05-01', '2024-05-02'].map((day) => isBusinessDay(day))).toEqual([true, true, true]);
  });

  it('does not treat the year-end closing days as holidays: only weekends and public holidays are skipped', () => {
    expect(isBusinessDay('2024-12-27')).toBe(true);
    expect(isBusinessDay('2024-12-30')).toBe(true);
    expect(isBusinessDay('2024-12-31')).toBe(true);
    expect(isBusinessDay('2025-01-02')).toBe(true);
    expect(isBusinessDay('2025-01-03')).toBe(true);
  });
});

describe('businessDaysBefore', () => {
  it('skips 海の日: 5 business days before the 1st X meeting (2024-07-22) is Friday 2024-07-12', () => {
    expect(businessDaysBefore('2024-07-22', 5)).toBe('2024-07-12');
  });

  it('would have been 2024-07-15 without the holiday: 4 business days before lands on the Tuesday', () => {
    expect(businessDaysBefore('2024-07-22', 4)).toBe('2024-07-16');
  });

  it('steps over a weekend for 1 business day before a Monday', () => {
    expect(businessDaysBefore('2024-07-08', 1)).toBe('2024-07-05');
  });

  it('zero means the day itself, whatever day it is', () => {
    expect(businessDaysBefore('2024-06-04', 0)).toBe('2024-06-04');
    expect(businessDaysBefore('2024-12-21', 0)).toBe('2024-12-21'); // a Saturday
    expect(businessDaysBefore('2024-07-15', 0)).toBe('2024-07-15'); // a holiday
  });

  it('never counts the start day itself, even when it is a business day', () => {
    expect(businessDaysBefore('2024-08-21', 1)).toBe('2024-08-20');
  });

  it('counts back from a weekend start to the preceding business days', () => {
    expect(businessDaysBefore('2024-12-21', 1)).toBe('2024-12-20');
    expect(businessDaysBefore('2024-12-21', 5)).toBe('2024-12-16');
  });

  it.each([
    ['2024-02-13', '2024-02-09'],
    ['2024-05-07', '2024-05-02'],
    ['2024-08-13', '2024-08-09'],
    ['2024-09-24', '2024-09-20'],
    ['2024-11-05', '2024-11-01'],
  ])('skips the 振替休日 weekend: 1 business day before %s is %s', (start, expected) => {
    expect(businessDaysBefore(start, 1)).toBe(expected);
  });

  it('crosses Golden Week 2024, skipping 5/6, the weekend, 5/3 and 4/29 but counting 4/30–5/2', () => {
    expect(businessDaysBefore('2024-05-07', 3)).toBe('2024-04-30');
    expect(businessDaysBefore('2024-05-07', 4)).toBe('2024-04-26');
    expect(businessDaysBefore('2024-05-07', 5)).toBe('2024-04-25');
  });

  it('crosses the year end counting 12/30 and 12/31 and skipping only 元日 and the weekend', () => {
    expect(businessDaysBefore('2025-01-06', 3)).toBe('2024-12-31');
    expect(businessDaysBefore('2025-01-06', 5)).toBe('2024-12-27');
  });

  it('crosses month and year boundaries', () => {
    expect(businessDaysBefore('2024-10-01', 5)).toBe('2024-09-24');
    expect(businessDaysBefore('2024-10-01', 6)).toBe('2024-09-20'); // skips 9/23 振替休日
    expect(businessDaysBefore('2024-03-01', 1)).toBe('2024-02-29'); // leap day
  });

  it('handles long lead times', () => {
    // 2024-06-03 .. 2024-06-28 hold 20 weekdays and no holiday.
    expect(businessDaysBefore('2024-07-01', 20)).toBe('2024-06-03');
  });
});

describe('holidays pinned for a running workflow', () => {
  it('lists the library\'s holidays around a fiscal year, so a workflow can count by them', () => {
    const holidays = holidaysOfFiscalYear(2024);
    expect(holidays).toEqual(expect.arrayContaining(['2024-04-29', '2024-07-15', '2025-01-13', '2025-03-20']));
    expect(holidays.every((day) => LIBRARY_HOLIDAYS(day))).toBe(true);
    expect(businessDaysBefore('2024-07-22', 5, pinnedHolidays(holidays))).toBe(businessDaysBefore('2024-07-22', 5));
  });

  it('counts by the pinned list, not by whatever the library says now', () => {
    // A calendar pinned before 海の日 (2024-07-15) was known: the day counts as a business day.
    expect(businessDaysBefore('2024-07-22', 5, pinnedHolidays([]))).toBe('2024-07-15');
    expect(businessDaysBefore('2024-07-22', 5)).toBe('2024-07-12');
    // And a holiday the library does not know counts as one once pinned.
    expect(isBusinessDay('2024-07-19', pinnedHolidays(['2024-07-19']))).toBe(false);
  });
});
