import { ApprovalStatus, ProposalPhase } from '@app/domain';
import type { ProposalSummary } from './platinum.queries';

const DRAFTING_STATES: Partial<Record<ApprovalStatus, string>> = {
  [ApprovalStatus.NotStarted]: '下書き（未保存）',
  [ApprovalStatus.Draft]: '下書き（PTリーダーへ未提出）',
  [ApprovalStatus.InApproval]: 'PTリーダーの決裁待ち',
  [ApprovalStatus.Returned]: 'PTリーダーから差戻し（修正中）',
};

/** What a proposal waits for now, in a few words, beside its phase. */
export function proposalStateText(proposal: ProposalSummary): string {
  switch (proposal.phase) {
    case ProposalPhase.Drafting:
      return DRAFTING_STATES[proposal.proposalStatus as ApprovalStatus] ?? proposal.proposalStatus;
    case ProposalPhase.Submitted:
      return '市政変革室による所管局の割当て待ち';
    case ProposalPhase.BureauReview:
      return proposal.pendingStep ? `結論の決裁待ち（${proposal.pendingStep}）` : '制度所管局が結論を作成中';
    case ProposalPhase.ResponsePolicy:
      return `対応方針の未記入 ${proposal.pendingPolicies.length}局（${proposal.pendingPolicies.map((bureau) => bureau.name).join('、')}）`;
    case ProposalPhase.Closed:
      return 'すべての関係局が対応方針を記入済み';
    default:
      return '取り下げられました';
  }
}
