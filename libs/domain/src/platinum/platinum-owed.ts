import { Role } from '../roles';
import { ApprovalStatus, currentStepOf, excludedDeciders } from '../approval/approval-document';
import { RecipientRule } from '../notifications/notification';
import { ownersOfStep, ProcessNoticeContext, ProcessOwed } from '../process/process-notices';
import { pendingPolicies, PlatinumProposalState, proposalPhase, ProposalPhase } from './platinum-proposal';

const REFORM_OFFICE: RecipientRule = { type: 'role', role: Role.ReformOffice, bureauCode: null };

/**
 * What is owed on a proposal now, by whom and against which of the year's deadlines: the proposal by
 * its PT drafters and leader, the assignment by the reform office, the decision by the owning bureau,
 * and a response policy by each concerned bureau's director who has not stated one.
 */
export function proposalOwed(state: PlatinumProposalState): ProcessOwed[] {
  const phase = proposalPhase(state);
  switch (phase) {
    case ProposalPhase.Drafting: {
      const step = currentStepOf(state.proposal);
      if (step) {
        return [{ target: 'proposals', item: 'proposal', what: '提案の決裁（PTリーダー）', owners: ownersOfStep(step), excludedUserIds: excludedDeciders(state.proposal), escalateTo: [REFORM_OFFICE] }];
      }
      const drafters = state.proposal.authorIds.length > 0 ? [...state.proposal.authorIds] : state.createdBy.id ? [state.createdBy.id] : [];
      const what = state.proposal.status === ApprovalStatus.Returned ? '差戻しを受けた提案の修正・再提出' : '提案の作成・提出';
      return [{ target: 'proposals', item: 'proposal', what, owners: [{ type: 'users', userIds: drafters }], excludedUserIds: [], escalateTo: [REFORM_OFFICE] }];
    }
    case ProposalPhase.Submitted:
      return [{ target: 'decisions', item: 'assignment', what: '制度所管局と関係局の割当て', owners: [REFORM_OFFICE], excludedUserIds: [], escalateTo: [REFORM_OFFICE] }];
    case ProposalPhase.BureauReview: {
      const bureau = state.assignment?.owningBureau;
      if (!bureau) return [];
      const escalateTo: RecipientRule[] = [{ type: 'role', role: Role.Director, bureauCode: bureau.code }, REFORM_OFFICE];
      const step = currentStepOf(state.decision);
      if (step) {
        return [{ target: 'decisions', item: 'decision', what: `制度所管局の結論の決裁（${step.label}）`, owners: ownersOfStep(step), excludedUserIds: excludedDeciders(state.decision), escalateTo }];
      }
      const what = state.decision.status === ApprovalStatus.Returned ? '差戻しを受けた結論の修正・再提出' : '制度所管局としての結論（採用・一部採用・不採用）の作成・提出';
      return [{ target: 'decisions', item: 'decision', what, owners: [{ type: 'role', role: Role.Staff, bureauCode: bureau.code }], excludedUserIds: [], escalateTo }];
    }
    case ProposalPhase.ResponsePolicy:
      return pendingPolicies(state).map((bureau) => ({
        target: 'policies',
        item: `policy/${bureau.code}`,
        what: `${bureau.name}の対応方針`,
        owners: [{ type: 'role', role: Role.Director, bureauCode: bureau.code }],
        excludedUserIds: [],
        escalateTo: [REFORM_OFFICE],
      }));
    default:
      return [];
  }
}

/**
 * Named by number and, once a version is saved, by its title: a number alone tells a reader little.
 * Everyone a proposal's tasks and notices go to (its PT drafters and leader, the reform office, the
 * bureaus once it is approved) may read its drafts, so the title of a draft tells them nothing new.
 */
export function proposalNoticeContext(state: PlatinumProposalState): ProcessNoticeContext {
  const title = state.proposal.latestVersion?.title;
  return {
    fiscalYear: state.fiscalYear,
    keyPrefix: `platinum/${state.fiscalYear}/${state.id}`,
    name: `プラチナ市役所プロジェクトの提案 No.${state.id}${title ? `「${title}」` : ''}`,
    link: `/api/v1/fiscal-years/${state.fiscalYear}/platinum/proposals/${state.id}`,
  };
}
