import { findCatalogueProblems, groupHasKinds } from './catalogue-rules';
import { ClusterDefinition } from './cluster-definition';
import { ClusterGroup, ClusterKind } from './cluster-group';

/** 57 clusters numbered 1..57: policy & programme up to 45 (with a kind), cross-cutting 46..49, organisation 50..57. */
const CATALOGUE: readonly ClusterDefinition[] = Array.from({ length: 57 }, (_, index) => {
  const no = index + 1;
  const group = no <= 45 ? ClusterGroup.PolicyProgramme : no <= 49 ? ClusterGroup.CrossCutting : ClusterGroup.Organisation;
  return { no, name: `事業クラスター${no}`, group, kind: group === ClusterGroup.PolicyProgramme ? ClusterKind.Operations : null };
});

describe('findCatalogueProblems', () => {
  const replace = (no: number, change: Partial<ClusterDefinition>): ClusterDefinition[] =>
    CATALOGUE.map((cluster) => (cluster.no === no ? { ...cluster, ...change } : cluster));
  const problemNumbers = (clusters: readonly ClusterDefinition[]) => findCatalogueProblems(clusters).map((problem) => problem.clusterNo);

  it('finds nothing wrong with a catalogue that keeps every rule', () => {
    expect(findCatalogueProblems(CATALOGUE)).toEqual([]);
  });

  it('accepts a small, well-formed catalogue in any order', () => {
    const small: ClusterDefinition[] = [
      { no: 2, name: '公共投資', group: ClusterGroup.CrossCutting, kind: null },
      { no: 1, name: 'ごみ処理事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
      { no: 3, name: 'BPR推進', group: ClusterGroup.Organisation, kind: null },
    ];
    expect(findCatalogueProblems(small)).toEqual([]);
  });

  it('reports a number used twice, and the number that is then missing', () => {
    const broken = replace(57, { no: 1 });
    const problems = findCatalogueProblems(broken);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.map((problem) => problem.clusterNo)).toEqual(expect.arrayContaining([1, 57]));
    expect(problems.find((problem) => problem.clusterNo === 1)?.message).toContain('重複');
    expect(problems.find((problem) => problem.clusterNo === 57)?.message).toContain('欠け');
  });

  it('reports a gap in the numbering', () => {
    const broken = replace(30, { no: 58 });
    expect(problemNumbers(broken)).toContain(30);
  });

  it('reports a catalogue that lost a cluster', () => {
    const broken = CATALOGUE.filter((cluster) => cluster.no !== 12);
    expect(problemNumbers(broken)).toContain(12);
  });

  it.each([0, -3, 2.5])('reports the cluster number %p as not a positive whole number', (bad) => {
    const problems = findCatalogueProblems(replace(10, { no: bad }));
    expect(problems.map((problem) => problem.clusterNo)).toContain(bad);
  });

  it.each(['', '   ', '\u3000'])('reports a cluster without a name (%j)', (blank) => {
    const problems = findCatalogueProblems(replace(27, { name: blank }));
    expect(problems).toHaveLength(1);
    expect(problems[0].clusterNo).toBe(27);
  });

  it('reports a kind in a group that has no kinds', () => {
    const problems = findCatalogueProblems(replace(46, { kind: ClusterKind.Operations }));
    expect(problems).toHaveLength(1);
    expect(problems[0].clusterNo).toBe(46);
  });

  it('reports a policy & programme cluster without a kind', () => {
    const problems = findCatalogueProblems(replace(22, { kind: null }));
    expect(problems).toHaveLength(1);
    expect(problems[0].clusterNo).toBe(22);
  });

  it('reports a cluster moved into another group while keeping its kind', () => {
    const problems = findCatalogueProblems(replace(18, { group: ClusterGroup.Organisation }));
    expect(problems.map((problem) => problem.clusterNo)).toEqual([18]);
  });

  it('reports every problem, not only the first', () => {
    const broken = CATALOGUE.map((cluster) => {
      if (cluster.no === 1) return { ...cluster, name: '' };
      if (cluster.no === 50) return { ...cluster, kind: ClusterKind.CitySpecific };
      return cluster;
    });
    expect(problemNumbers(broken).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 50]);
  });
});

describe('groupHasKinds', () => {
  it('splits only the policy & programme group into kinds', () => {
    expect(groupHasKinds(ClusterGroup.PolicyProgramme)).toBe(true);
    expect(groupHasKinds(ClusterGroup.CrossCutting)).toBe(false);
    expect(groupHasKinds(ClusterGroup.Organisation)).toBe(false);
  });
});
