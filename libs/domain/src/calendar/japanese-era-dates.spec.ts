import { japaneseEraDate, japaneseEraDateWithIso, japaneseEraMeetingDate } from './japanese-era-dates';
import { MonthThird } from './meeting-date';

describe('japanese era dates', () => {
  it.each([
    ['2024-10-09', '令和6年10月9日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
  ])('%s is %s', (isoDate, label) => {
    expect(japaneseEraDate(isoDate)).toBe(label);
  });

  it('adds the Gregorian date in full-width brackets', () => {
    expect(japaneseEraDateWithIso('2024-10-09')).toBe('令和6年10月9日（2024-10-09）');
  });

  it('takes the Tokyo day of an instant, which can differ from the UTC day', () => {
    expect(japaneseEraDateWithIso('2024-10-08T16:30:00.000Z')).toBe('令和6年10月9日（2024-10-09）');
    expect(japaneseEraDateWithIso('2024-10-09T17:00:00.000+09:00')).toBe('令和6年10月9日（2024-10-09）');
  });
});

describe('japaneseEraMeetingDate', () => {
  it('writes an exact meeting day in 和暦 with 西暦, and a third of a month with its month', () => {
    expect(japaneseEraMeetingDate({ kind: 'exact', date: '2024-07-22' })).toBe('令和6年7月22日（2024-07-22）');
    expect(japaneseEraMeetingDate({ kind: 'third', month: '2024-10', third: MonthThird.Early })).toBe('令和6年10月上旬（2024-10）');
    expect(japaneseEraMeetingDate({ kind: 'third', month: '2019-05', third: MonthThird.Late })).toBe('令和元年5月下旬（2019-05）');
  });
});
