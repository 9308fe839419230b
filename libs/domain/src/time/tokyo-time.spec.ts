import { toTokyoIsoString } from './tokyo-time';

describe('toTokyoIsoString', () => {
  it('writes the same instant in Japan time, crossing midnight where UTC has not', () => {
    expect(toTokyoIsoString('2024-06-03T15:30:00Z')).toBe('2024-06-04T00:30:00.000+09:00');
    expect(new Date(toTokyoIsoString('2024-06-03T15:30:00Z')).toISOString()).toBe('2024-06-03T15:30:00.000Z');
  });

  it('accepts Date objects and keeps milliseconds', () => {
    expect(toTokyoIsoString(new Date(Date.UTC(2025, 2, 31, 23, 59, 59, 123)))).toBe('2025-04-01T08:59:59.123+09:00');
  });
});
