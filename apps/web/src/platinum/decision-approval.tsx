import { ApprovalDecision } from '../approval/approval-decision';
import { DelegateForm } from '../approval/delegate-form';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { ModalDialog, useModalDialog } from '../ui/modal-dialog';
import { pendingStepOf, type ProposalActions, type ProposalAddress, type ProposalDetail, useDecisionDelegates } from './platinum.queries';

/** 承認, 差戻し and 代理 of the owning bureau's decision, for the holder of its step (所管課長, then 所管局長). */
export function DecisionApproval({ proposal, detail, actions }: { proposal: ProposalAddress; detail: ProposalDetail; actions: ProposalActions }) {
  const delegateDialog = useModalDialog();
  const may = detail.permitted;
  return (
    <ApprovalDecision
      id="decision-decision"
      stepLabel={pendingStepOf(detail.decisionDocument)}
      documentLabel="制度所管局の結論"
      permitted={{ approve: may.approveDecision, return: may.returnDecision }}
      approve={actions.approveDecision}
      sendBack={actions.returnDecision}
      returnHint="制度所管局の担当職員に表示されます。何をどう直せばよいかを書いてください。"
      others={{
        permitted: may.delegateDecision,
        busy: actions.delegateDecision.pending,
        problem: actions.delegateDecision.problem,
        buttons: (busy) => (
          <>
            <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={delegateDialog.open}>
              代理
            </button>
            <ModalDialog control={delegateDialog} title="制度所管局の結論の代理決裁者の指定">
              <DecisionDelegateForm proposal={proposal} action={actions.delegateDecision} onDone={delegateDialog.close} />
            </ModalDialog>
          </>
        ),
      }}
    />
  );
}

function DecisionDelegateForm({ proposal, action, onDone }: { proposal: ProposalAddress; action: ProposalActions['delegateDecision']; onDone: () => void }) {
  return <DelegateForm candidates={useDecisionDelegates(proposal, true)} action={action} onDone={onDone} />;
}
