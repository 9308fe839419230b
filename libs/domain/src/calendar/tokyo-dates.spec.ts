import { formatTokyoDateTime, tokyoDate, tokyoInstant } from './tokyo-dates';

describe('tokyoInstant', () => {
  it('puts 17:00 Tokyo at 08:00 UTC the same day', () => {
    expect(tokyoInstant('2024-07-12', '17:00')).toBe('2024-07-12T08:00:00.000Z');
  });

  it('puts a morning time in Tokyo on the previous UTC day', () => {
    expect(tokyoInstant('2024-06-04', '08:30')).toBe('2024-06-03T23:30:00.000Z');
    expect(tokyoInstant('2024-06-04', '00:00')).toBe('2024-06-03T15:00:00.000Z');
  });

  it('accepts seconds', () => {
    expect(tokyoInstant('2024-07-12', '17:00:30')).toBe('2024-07-12T08:00:30.000Z');
    expect(tokyoInstant('2024-12-31', '23:59:59')).toBe('2024-12-31T14:59:59.000Z');
  });

  it('keeps the same offset all year (Japan has no daylight saving)', () => {
    expect(tokyoInstant('2024-01-15', '17:00')).toBe('2024-01-15T08:00:00.000Z');
    expect(tokyoInstant('2024-08-15', '17:00')).toBe('2024-08-15T08:00:00.000Z');
  });

  it('crosses year boundaries backwards', () => {
    expect(tokyoInstant('2025-01-01', '05:00')).toBe('2024-12-31T20:00:00.000Z');
  });
});

describe('tokyoDate', () => {
  it('is the Tokyo calendar day, which starts at 15:00 UTC the day before', () => {
    expect(tokyoDate('2024-06-03T14:59:59.999Z')).toBe('2024-06-03');
    expect(tokyoDate('2024-06-03T15:00:00.000Z')).toBe('2024-06-04');
  });

  it('accepts Date objects', () => {
    expect(tokyoDate(new Date('2024-12-31T15:00:00.000Z'))).toBe('2025-01-01');
  });

  it('accepts instants written with an offset', () => {
    expect(tokyoDate('2024-07-12T00:30:00+09:00')).toBe('2024-07-12');
    expect(tokyoDate('2024-07-11T10:00:00-07:00')).toBe('2024-07-12');
  });

  it('round-trips with tokyoInstant', () => {
    expect(tokyoDate(tokyoInstant('2024-07-12', '00:00'))).toBe('2024-07-12');
    expect(tokyoDate(tokyoInstant('2024-07-12', '23:59:59'))).toBe('2024-07-12');
  });
});

describe('formatTokyoDateTime', () => {
  it('writes an instant as staff in Japan read it, with the weekday', () => {
    expect(formatTokyoDateTime('2024-07-12T08:00:00.000Z')).toBe('2024年7月12日(金) 17:00');
  });

  it('pads hours and minutes but not month or day', () => {
    expect(formatTokyoDateTime('2024-06-04T00:05:00.000Z')).toBe('2024年6月4日(火) 09:05');
  });

  it('moves to the next Tokyo day (and year) when UTC is still on the previous one', () => {
    expect(formatTokyoDateTime('2024-12-31T15:00:00.000Z')).toBe('2025年1月1日(水) 00:00');
  });

  it.each([
    ['2024-07-21T03:00:00.000Z', '2024年7月21日(日) 12:00'],
    ['2024-07-22T03:00:00.000Z', '2024年7月22日(月) 12:00'],
    ['2024-07-23T03:00:00.000Z', '2024年7月23日(火) 12:00'],
    ['2024-07-24T03:00:00.000Z', '2024年7月24日(水) 12:00'],
    ['2024-07-25T03:00:00.000Z', '2024年7月25日(木) 12:00'],
    ['2024-07-26T03:00:00.000Z', '2024年7月26日(金) 12:00'],
    ['2024-07-27T03:00:00.000Z', '2024年7月27日(土) 12:00'],
  ])('names the weekday of %s in Japanese', (instant, text) => {
    expect(formatTokyoDateTime(instant)).toBe(text);
  });

  it('drops seconds', () => {
    expect(formatTokyoDateTime(tokyoInstant('2024-09-24', '17:00:59'))).toBe('2024年9月24日(火) 17:00');
  });
});
