import { parsePlanContent, ProcessKind, XPolicyState } from '@app/domain';
import { ClusterNaming, ProcessNamingCluster } from '@app/persistence';

/** An X policy names a cluster in its issues' cluster lists. */
export const X_POLICIES_NAMING_CLUSTER: ClusterNaming = { kind: ProcessKind.XPolicy, field: 'clusterNos' };

/** The published issues of the year's X policies that name the cluster, as the published text has them. */
export function linkedXPolicyIssues(rows: readonly ProcessNamingCluster<unknown>[], clusterNo: number): { bureauCode: string; bureauName: string; issueId: string; title: string }[] {
  return (rows as readonly ProcessNamingCluster<XPolicyState>[])
    .filter((row) => row.state.publication && row.state.plan.content?.issues.some((issue) => issue.clusterNos.includes(clusterNo)))
    .flatMap((row) =>
      parsePlanContent(row.publishedText)
        .issues.filter((issue) => issue.clusterNos.includes(clusterNo))
        .map((issue) => ({ bureauCode: row.state.bureau.code, bureauName: row.state.bureau.name, issueId: issue.id, title: issue.title })),
    );
}
