import { isBlank, MEETING_ID_PATTERN, SLUG_PATTERN } from './field-limits';

describe('field limits', () => {
  it.each([[''], [' '], ['　'], ['\n\t '], ['\u00a0']])('counts %j as blank', (text) => {
    expect(isBlank(text)).toBe(true);
  });

  it.each([['経過報告'], [' 表題 '], ['a']])('counts %j as entered', (text) => {
    expect(isBlank(text)).toBe(false);
  });

  it('takes lower-case slugs of up to 40 characters that start with a letter', () => {
    expect(['interim', 'direction-budget', 'a'.repeat(40)].filter((slug) => SLUG_PATTERN.test(slug))).toHaveLength(3);
    expect(['Interim', '1st', '-x', 'a'.repeat(41), 'ｉｎｔｅｒｉｍ', 'x y'].filter((slug) => SLUG_PATTERN.test(slug))).toEqual([]);
  });

  it('lets a meeting id start with a digit', () => {
    expect(MEETING_ID_PATTERN.test('2nd')).toBe(true);
    expect(MEETING_ID_PATTERN.test('X6')).toBe(false);
  });
});
