import { issueDraftProblems, issuesOf, nextFreeId, parseClusterNos, readIssueDrafts, type IssueDraft } from './issue-drafts';

const draft = (change: Partial<IssueDraft> = {}): IssueDraft => ({ id: 'issue-1', title: '押印の見直し', response: '規則を改正する', schedule: '年度内', clusterNos: '', ...change });

describe('the issues editor', () => {
  it('reads cluster numbers as staff type them', () => {
    expect(parseClusterNos('22、27')).toEqual([22, 27]);
    expect(parseClusterNos('22, 27 22')).toEqual([22, 27]);
    expect(parseClusterNos('No.22　No.２７')).toEqual([22, 27]);
    expect(parseClusterNos('  ')).toEqual([]);
  });

  it.each(['二十二', '22-27', '0', '100000', '2.5'])('refuses %p as a cluster number', (text) => {
    expect(parseClusterNos(text)).toBeNull();
  });

  it('gives a new issue the first identifier not yet taken', () => {
    expect(nextFreeId('issue', [])).toBe('issue-1');
    expect(nextFreeId('issue', ['issue-1', 'issue-3'])).toBe('issue-2');
  });

  it('names each field it finds fault with as the API would', () => {
    const problems = issueDraftProblems([draft(), draft({ title: ' ', clusterNos: 'x' }), draft({ id: 'Bad id' })]);
    expect([...problems.keys()]).toEqual(['issues.1.title', 'issues.1.id', 'issues.1.clusterNos', 'issues.2.id']);
    expect(problems.get('issues.1.id')).toEqual(['識別子「issue-1」は別の課題で使われています']);
    expect(issueDraftProblems([draft({ clusterNos: '22、27' })]).size).toBe(0);
  });

  it('sends the numbers, not the text typed', () => {
    expect(issuesOf([draft({ clusterNos: '27、22' })])).toEqual([{ id: 'issue-1', title: '押印の見直し', response: '規則を改正する', schedule: '年度内', clusterNos: [27, 22] }]);
  });

  it('takes back only what has the shape of its drafts', () => {
    expect(readIssueDrafts([draft()])).toEqual([draft()]);
    expect(readIssueDrafts([{ ...draft(), title: 3 }])).toBeNull();
    expect(readIssueDrafts({ title: 'x', body: 'y' })).toBeNull();
  });
});
