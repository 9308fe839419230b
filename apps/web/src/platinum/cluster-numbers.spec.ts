import { clusterNumbersText, parseClusterNumbers } from './cluster-numbers';

describe('cluster numbers as typed', () => {
  it('reads half- and full-width digits, Japanese and Latin separators, and No. prefixes, each number once', () => {
    expect(parseClusterNumbers('27, ３１、No.5 27')).toEqual({ numbers: [27, 31, 5], unreadable: [] });
  });

  it('names what is not a number, and reads nothing from an empty field', () => {
    expect(parseClusterNumbers('27 保育 3a')).toEqual({ numbers: [27], unreadable: ['保育', '3a'] });
    expect(parseClusterNumbers('  ')).toEqual({ numbers: [], unreadable: [] });
  });

  it('writes them back as the field shows them', () => {
    expect(clusterNumbersText([27, 31])).toBe('27, 31');
  });
});
