import { Role } from '../roles';
import { ClusterCase, isClosedStage, reportStageIsOpen } from './cluster-case';
import { currentStepOf, ApprovalStatus, excludedDeciders } from '../approval/approval-document';
import type { Actor } from './actor';
import { REPORT_STAGES } from './lifecycle-settings';

/** 作成 (write), 修正 (revise after 差戻し), 決裁 (decide). */
export type OwedActionType = 'write' | 'revise' | 'decide';

export const OWED_ACTION_LABELS: Readonly<Record<OwedActionType, string>> = {
  write: '報告書の作成・提出',
  revise: '差戻しを受けた報告書の修正・再提出',
  decide: '決裁（承認・差戻し）',
};

/** Something somebody owes on a cluster now, and who: holders of a role (in a bureau), or one delegate. */
export interface OwedAction {
  readonly reportKind: string;
  readonly reportLabel: string;
  readonly action: OwedActionType;
  /** Null for a step one named person decides: then the assignee is that person. */
  readonly role: Role | null;
  readonly bureauCode: string | null;
  readonly assignee: Actor | null;
  /** Authors may not decide their own report, nor anyone decide two steps of one submission: not their task either. */
  readonly excludedUserIds: readonly string[];
  readonly stepLabel: string | null;
}

export function owedActions(state: ClusterCase): OwedAction[] {
  if (isClosedStage(state.stage)) return [];
  const firstReportStage = REPORT_STAGES.find((stage) => state.reports.some((report) => report.stage === stage)) ?? REPORT_STAGES[0];
  return state.reports
    .filter((report) => report.status !== ApprovalStatus.Approved && reportStageIsOpen(state.stage, report.stage, firstReportStage))
    .map((report): OwedAction => {
      const step = currentStepOf(report);
      if (step) {
        return {
          reportKind: report.kind,
          reportLabel: report.label,
          action: 'decide',
          role: step.role,
          bureauCode: step.bureauCode,
          assignee: step.delegatedTo ?? step.person ?? null,
          excludedUserIds: excludedDeciders(report),
          stepLabel: step.label,
        };
      }
      return {
        reportKind: report.kind,
        reportLabel: report.label,
        action: report.status === ApprovalStatus.Returned ? 'revise' : 'write',
        role: Role.Staff,
        bureauCode: state.owningBureau.code,
        assignee: null,
        excludedUserIds: [],
        stepLabel: null,
      };
    });
}
