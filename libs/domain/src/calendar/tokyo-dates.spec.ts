import { tokyoDate, tokyoInstant } from './tokyo-dates';

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
