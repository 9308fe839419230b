import { japaneseEraDate, japaneseEraDateWithIso, meetingDateWithIso } from './japanese-era-dates';
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

  it('writes a fixed meeting date like any other day', () => {
    expect(meetingDateWithIso({ kind: 'exact', date: '2024-10-09' })).toBe('令和6年10月9日（2024-10-09）');
  });

  it.each([
    [{ month: '2024-10', third: MonthThird.Early }, '令和6年10月上旬（2024-10 上旬）'],
    [{ month: '2024-11', third: MonthThird.Mid }, '令和6年11月中旬（2024-11 中旬）'],
    [{ month: '2019-05', third: MonthThird.Late }, '令和元年5月下旬（2019-05 下旬）'],
    [{ month: '2019-04', third: MonthThird.Late }, '平成31年4月下旬（2019-04 下旬）'],
  ])('writes a meeting known only to a third of a month as that third: %o is %s', (third, label) => {
    expect(meetingDateWithIso({ kind: 'third', ...third })).toBe(label);
  });
});
