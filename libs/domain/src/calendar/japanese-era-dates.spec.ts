import { formatTokyoDateTime, japaneseEraDate, japaneseEraDateWithIso } from './japanese-era-dates';
import { tokyoInstant } from './tokyo-dates';

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

describe('formatTokyoDateTime', () => {
  it('writes an instant as staff in Japan read it, with the weekday', () => {
    expect(formatTokyoDateTime('2024-07-12T08:00:00.000Z')).toBe('令和6年7月12日（2024-07-12）(金) 17:00');
  });

  it('pads hours and minutes but not month or day', () => {
    expect(formatTokyoDateTime('2024-06-04T00:05:00.000Z')).toBe('令和6年6月4日（2024-06-04）(火) 09:05');
  });

  it('moves to the next Tokyo day (and year) when UTC is still on the previous one', () => {
    expect(formatTokyoDateTime('2024-12-31T15:00:00.000Z')).toBe('令和7年1月1日（2025-01-01）(水) 00:00');
  });

  it.each([
    ['2024-07-21T03:00:00.000Z', '令和6年7月21日（2024-07-21）(日) 12:00'],
    ['2024-07-22T03:00:00.000Z', '令和6年7月22日（2024-07-22）(月) 12:00'],
    ['2024-07-23T03:00:00.000Z', '令和6年7月23日（2024-07-23）(火) 12:00'],
    ['2024-07-24T03:00:00.000Z', '令和6年7月24日（2024-07-24）(水) 12:00'],
    ['2024-07-25T03:00:00.000Z', '令和6年7月25日（2024-07-25）(木) 12:00'],
    ['2024-07-26T03:00:00.000Z', '令和6年7月26日（2024-07-26）(金) 12:00'],
    ['2024-07-27T03:00:00.000Z', '令和6年7月27日（2024-07-27）(土) 12:00'],
  ])('names the weekday of %s in Japanese', (instant, text) => {
    expect(formatTokyoDateTime(instant)).toBe(text);
  });

  it('drops seconds', () => {
    expect(formatTokyoDateTime(tokyoInstant('2024-09-24', '17:00:59'))).toBe('令和6年9月24日（2024-09-24）(火) 17:00');
  });
});

