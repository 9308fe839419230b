import { INPUT_MAX_DEPTH, tooDeepInputProblem, unstorableInputProblems, unstorableTextProblem } from './storable-input';

describe('text the database can store', () => {
  it.each([
    ['Japanese with an emoji and a character outside the BMP', '髙橋・𠮷野の報告 📄'],
    ['an empty string', ''],
    ['line breaks and tabs', '一行目\n\t二行目'],
  ])('takes %s', (_what, text) => {
    expect(unstorableTextProblem(text)).toBeNull();
  });

  it.each([
    ['a NUL character', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'a\ud800b', /サロゲート/],
    ['a lone low surrogate', 'a\udc00b', /サロゲート/],
    ['a high surrogate at the end', 'a\ud83d', /サロゲート/],
    ['two low surrogates', '\udc00\udc00', /サロゲート/],
  ])('refuses %s', (_what, text, problem) => {
    expect(unstorableTextProblem(text)).toMatch(problem);
  });
});

describe('a parsed request', () => {
  it('names the dotted path of each string that cannot be stored, in keys too, writing such a key with escapes', () => {
    expect(unstorableInputProblems({ title: 'ok', agenda: [{ note: 'x\u0000', ['a\u0000b']: 1 }], ['bad\ud800']: 1, ['𠮷']: 'ok' })).toEqual([
      { field: 'agenda.0.note', problems: [expect.stringMatching(/NUL/)] },
      { field: 'agenda.0.a\\u0000b', problems: [expect.stringMatching(/^項目名に/)] },
      { field: 'bad\\ud800', problems: [expect.stringMatching(/^項目名に/)] },
    ]);
  });

  it('refuses nesting beyond the limit once, at the level where it goes too deep', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 5_000; level++) deep = { a: deep };
    const problems = unstorableInputProblems({ extra: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0].field.split('.')).toHaveLength(INPUT_MAX_DEPTH);
  });

  it('takes nesting up to the limit and plain values', () => {
    let nested: unknown = '値';
    for (let level = 0; level < INPUT_MAX_DEPTH; level++) nested = { a: nested };
    expect(unstorableInputProblems(nested)).toEqual([]);
    expect(unstorableInputProblems(42)).toEqual([]);
    expect(unstorableInputProblems(null)).toEqual([]);
  });
});

describe('the nesting of a parsed request', () => {
  it('is found too deep at the level where it goes beyond the limit, however deep it goes', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(tooDeepInputProblem({ title: '件名', extra: deep })).toEqual({ field: ['extra', ...Array<string>(INPUT_MAX_DEPTH - 1).fill('0')].join('.'), problems: [expect.stringMatching(/入れ子/)] });
  });

  it('takes nesting up to the limit and plain values', () => {
    let nested: unknown = '値';
    for (let level = 0; level < INPUT_MAX_DEPTH; level++) nested = { a: nested };
    expect(tooDeepInputProblem(nested)).toBeNull();
    expect(tooDeepInputProblem('text')).toBeNull();
    expect(tooDeepInputProblem(null)).toBeNull();
  });
});
