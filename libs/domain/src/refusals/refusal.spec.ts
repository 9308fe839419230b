import { mergeFieldProblems } from './refusal';

describe('mergeFieldProblems', () => {
  it('gives each field one entry, its problems in the order the checks found them', () => {
    expect(
      mergeFieldProblems(
        [{ field: 'items', problems: ['a'] }, { field: 'deadlines', problems: ['b'] }],
        [],
        [{ field: 'items', problems: ['c', 'd'] }],
      ),
    ).toEqual([
      { field: 'items', problems: ['a', 'c', 'd'] },
      { field: 'deadlines', problems: ['b'] },
    ]);
  });
});
