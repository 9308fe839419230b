import { proposalFiltersFromQuery, queryFromProposalFilters } from './proposal-filters';

describe('the proposal filters in the URL', () => {
  it('round-trips every filter', () => {
    const query = 'phase=BUREAU_REVIEW&decision=adopt-in-part&bureau=somu';
    expect(queryFromProposalFilters(proposalFiltersFromQuery(new URLSearchParams(query))).toString()).toBe(query);
  });

  it('drops values the API would refuse', () => {
    expect(proposalFiltersFromQuery(new URLSearchParams('phase=DONE&decision=maybe&bureau='))).toEqual({ phase: undefined, decision: undefined, bureau: undefined });
    expect(queryFromProposalFilters({}).toString()).toBe('');
  });
});
