import { ActionProblem } from '../actions/action-problem';
import { ApprovalChain } from '../approval/approval-chain';
import { ApprovalDecision } from '../approval/approval-decision';
import { approvalTone } from '../approval/document-status';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { useXPolicyActions, XPolicyDetail } from './x-policies.queries';

type PlanActions = ReturnType<typeof useXPolicyActions>;

/**
 * 決裁 of the plan: its state, 提出 and 引戻し for the bureau's staff, 承認 and 差戻し
 * for the holder of the current step (課長 → 局長 → 市政変革室), and the chain of the submitted version.
 */
export function PlanApprovalSection({ detail, actions, baseVersion }: { detail: XPolicyDetail; actions: PlanActions; baseVersion: number }) {
  const plan = detail.plan;
  if (!plan) return null;
  const may = detail.permitted;
  const pendingStep = plan.submission?.steps.find((step) => step.status === 'pending');
  const staffMaySave = may.saveSelfInspection || may.saveIssues;
  const sendProblem = actions.submit.problem ?? actions.recall.problem;
  return (
    <section aria-labelledby="plan-approval-heading" className="mt-8">
      <h2 id="plan-approval-heading" className="text-std-24B-150">
        課題と対応策の決裁
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <span>課題と対応策：</span>
        <StatusLabel tone={approvalTone(plan.status)}>{plan.statusLabel}</StatusLabel>
        {plan.approvedAt && (
          <span>
            承認日時：<TokyoDateTime instant={plan.approvedAt} />
          </span>
        )}
      </p>
      {(may.submit || may.recall || Boolean(sendProblem)) && (
        <div className="mt-4">
          <ActionProblem problem={sendProblem} onRetry={actions.submit.problem ? actions.submit.retry : actions.recall.retry} />
          <div className="flex flex-wrap items-center gap-3">
            {may.submit && (
              <button type="button" className={PRIMARY_BUTTON} disabled={actions.submit.pending} onClick={() => actions.submit.run()}>
                提出
              </button>
            )}
            {may.submit && <span>保存済みの最新の版（第{baseVersion}版）の自己点検と課題と対応策を、課長・局長・市政変革室の決裁に回します。</span>}
            {may.recall && (
              <button type="button" className={SECONDARY_BUTTON} disabled={actions.recall.pending} onClick={() => actions.recall.run()}>
                引戻し
              </button>
            )}
            {may.recall && <span>課長が決裁するまでは引き戻して修正できます。</span>}
          </div>
        </div>
      )}
      {staffMaySave && !may.submit && <p className="mt-4">提出するには、自己点検の全ての項目に回答し、課題と対応策を一つ以上保存してください。</p>}
      <ApprovalDecision
        id="decide-plan"
        stepLabel={pendingStep?.label ?? null}
        documentLabel={`${detail.bureau.name}のX方針`}
        permitted={may}
        approve={actions.approve}
        sendBack={actions.sendBack}
        returnHint={`${detail.bureau.name}の担当職員に表示されます。何をどう直せばよいかを書いてください。公表ページには表示されません。`}
      >
        {may.approve && plan.submission?.steps.at(-1)?.status === 'pending' && <p className="mt-2">承認すると、課題と対応策が公表ページに掲載されます。</p>}
      </ApprovalDecision>
      <ApprovalChain id="plan-chain-heading" submission={plan.submission} />
    </section>
  );
}

/** The last 差戻し of the plan, at the top of the page while the plan is back with the bureau's staff. */
export function PlanReturnedNote({ detail }: { detail: XPolicyDetail }) {
  const plan = detail.plan;
  if (!plan?.lastReturn || plan.status !== 'RETURNED') return null;
  return (
    <div className="mt-4 rounded-8 border-2 border-error-2 bg-red-50 p-4 text-std-16N-170" role="note" aria-label="差戻しの理由">
      <p className="font-bold">
        <span aria-hidden="true">⚠ </span>
        課題と対応策は{plan.lastReturn.stepLabel}（{plan.lastReturn.by.name}さん）から差し戻されました（<TokyoDateTime instant={plan.lastReturn.at} />）
      </p>
      {plan.lastReturn.comment !== null && <p className="mt-1 whitespace-pre-wrap break-words">理由：{plan.lastReturn.comment}</p>}
      {detail.permitted.submit && <p className="mt-1">直して保存し、下の「提出」でもう一度決裁に回してください。</p>}
      {!detail.permitted.submit && (detail.permitted.saveSelfInspection || detail.permitted.saveIssues) && <p className="mt-1">直して保存してから、もう一度提出してください。</p>}
    </div>
  );
}
