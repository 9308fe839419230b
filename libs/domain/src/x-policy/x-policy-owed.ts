import { Role } from '../roles';
import { ApprovalStatus, currentStepOf, excludedDeciders } from '../approval/approval-document';
import { ownersOfStep, ProcessNoticeContext, ProcessOwed } from '../process/process-notices';
import { XPolicyState } from './x-policy';

/** What a bureau owes on its X policy against the year's deadline: the plan, until it is published. */
export function xPolicyOwed(state: XPolicyState): ProcessOwed[] {
  if (state.closedAt || state.plan.status === ApprovalStatus.Approved) return [];
  const escalateTo = [
    { type: 'role', role: Role.Director, bureauCode: state.bureau.code },
    { type: 'role', role: Role.ReformOffice, bureauCode: null },
  ] as const;
  const step = currentStepOf(state.plan);
  if (step) {
    return [{ target: 'plan', item: 'plan', what: `「課題と対応策」の決裁（${step.label}）`, owners: ownersOfStep(step), excludedUserIds: excludedDeciders(state.plan), escalateTo }];
  }
  const what = state.plan.status === ApprovalStatus.Returned ? '差戻しを受けた「課題と対応策」の修正・再提出' : '自己点検と「課題と対応策」の作成・提出';
  return [{ target: 'plan', item: 'plan', what, owners: [{ type: 'role', role: Role.Staff, bureauCode: state.bureau.code }], excludedUserIds: [], escalateTo }];
}

export function xPolicyNoticeContext(state: XPolicyState): ProcessNoticeContext {
  return {
    fiscalYear: state.fiscalYear,
    keyPrefix: `x-policy/${state.fiscalYear}/${state.bureau.code}`,
    name: `${state.bureau.name}の局区X方針`,
    link: `/api/v1/fiscal-years/${state.fiscalYear}/x-policies/${state.bureau.code}`,
  };
}
