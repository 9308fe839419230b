import { ApprovalStatus, PlatinumProposalState, PROPOSAL_PHASE_LABELS, ProcessKind, ProposalPhase } from '@app/domain';
import { ClusterNaming, ProcessNamingCluster } from '@app/persistence';

/** A proposal names a cluster among its related clusters. */
export const PROPOSALS_NAMING_CLUSTER: ClusterNaming = { kind: ProcessKind.PlatinumProposal, field: 'relatedClusterNos' };

/** The proposals that name the cluster, for its page: number, title once approved, phase. */
export function linkedProposals(rows: readonly ProcessNamingCluster<unknown>[], clusterNo: number): { id: number; title: string | null; phase: string; phaseLabel: string }[] {
  return (rows as readonly ProcessNamingCluster<PlatinumProposalState>[])
    .filter((row) => (row.state.proposal.content?.relatedClusterNos ?? []).includes(clusterNo))
    .map((row) => ({
      id: row.state.id,
      title: row.state.proposal.status === ApprovalStatus.Approved ? (row.state.proposal.latestVersion?.title ?? null) : null,
      phase: row.phase,
      phaseLabel: PROPOSAL_PHASE_LABELS[row.phase as ProposalPhase],
    }));
}
