import { durationMs } from './durations';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('durationMs', () => {
  it.each([
    ['P7D', 7 * DAY],
    ['P1D', DAY],
    ['PT12H', 12 * HOUR],
    ['PT36H', 36 * HOUR],
    ['PT30M', 30 * MINUTE],
    ['PT30S', 30 * SECOND],
    ['P1DT12H', 36 * HOUR],
    ['P2DT3H4M5S', 2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND],
    ['PT1H30M', 90 * MINUTE],
    ['P90D', 90 * DAY],
  ])('reads %s', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each([
    ['P', 'no amount'],
    ['PT', 'time designator with nothing after it'],
    ['P1DT', 'dangling time designator'],
    ['P0D', 'zero'],
    ['PT0H0M0S', 'zero'],
    ['7D', 'no leading P'],
    ['p7d', 'lower case'],
    ['P1W', 'weeks are not supported'],
    ['P1M', 'months are ambiguous and not supported'],
    ['PT1.5H', 'fractions'],
    ['P-1D', 'negative'],
    ['PT12H ', 'trailing space'],
    ['P12H', 'hours without T'],
    ['', 'empty'],
  ])('refuses %s (%s)', (text) => {
    expect(durationMs(text)).toBeUndefined();
  });
});
