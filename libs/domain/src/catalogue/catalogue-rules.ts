import { ClusterDefinition } from './cluster-definition';
import { ClusterGroup } from './cluster-group';

export interface CatalogueProblem {
  readonly clusterNo: number | null;
  readonly message: string;
}

/**
 * Checks the invariants every fiscal year's catalogue must keep: numbers 1..n each once,
 * a name on every cluster, and a kind exactly where the group has kinds.
 */
export function findCatalogueProblems(clusters: readonly ClusterDefinition[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const seen = new Set<number>();
  for (const cluster of clusters) {
    if (!Number.isInteger(cluster.no) || cluster.no < 1) {
      problems.push({ clusterNo: cluster.no, message: `クラスター番号 ${cluster.no} は1以上の整数ではありません` });
    }
    if (seen.has(cluster.no)) {
      problems.push({ clusterNo: cluster.no, message: `クラスター番号 ${cluster.no} が重複しています` });
    }
    seen.add(cluster.no);
    if (cluster.name.trim() === '') {
      problems.push({ clusterNo: cluster.no, message: `クラスター ${cluster.no} に名称がありません` });
    }
    if (groupHasKinds(cluster.group) !== (cluster.kind !== null)) {
      problems.push({
        clusterNo: cluster.no,
        message: `クラスター ${cluster.no} の区分（${cluster.kind ?? 'なし'}）はグループ ${cluster.group} と合いません`,
      });
    }
  }
  for (let no = 1; no <= clusters.length; no++) {
    if (!seen.has(no)) problems.push({ clusterNo: no, message: `クラスター番号 ${no} が欠けています` });
  }
  return problems;
}

/** Only the policy & programme group is split into kinds. */
export function groupHasKinds(group: ClusterGroup): boolean {
  return group === ClusterGroup.PolicyProgramme;
}
