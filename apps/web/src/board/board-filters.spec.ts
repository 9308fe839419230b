import { filtersFromQuery, hasFilters, queryFromFilters, withFilter } from './board-filters';

describe('the board filters in the URL', () => {
  it('round-trips every filter and the page', () => {
    const query = 'bureau=kodomo&group=policy-programme&kind=operations&stage=KICKOFF&analysed=true&overdue=true&page=3';
    expect(queryFromFilters(filtersFromQuery(new URLSearchParams(query))).toString()).toBe(query);
  });

  it('drops unknown values and page 1', () => {
    expect(filtersFromQuery(new URLSearchParams('group=nope&stage=DONE&overdue=yes&page=-2'))).toEqual({ page: 1 });
    expect(queryFromFilters({ page: 1, analysed: true }).toString()).toBe('analysed=true');
  });

  it('starts from the first page when a filter changes', () => {
    expect(withFilter({ page: 4, bureau: 'kankyo' }, { overdue: true })).toEqual({ page: 1, bureau: 'kankyo', overdue: true });
    expect(hasFilters({ page: 2 })).toBe(false);
    expect(hasFilters({ page: 1, stage: undefined, bureau: 'kankyo' })).toBe(true);
  });
});
