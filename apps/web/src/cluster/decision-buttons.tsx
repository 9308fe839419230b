import { SECONDARY_BUTTON } from '../ui/button-styles';
import { ModalDialog, useModalDialog } from '../ui/modal-dialog';
import { ApprovalDecision } from '../approval/approval-decision';
import { DelegateForm } from '../approval/delegate-form';
import { type ClusterAddress, type ReportPermissions, type ReportView, useDelegateCandidates, type useReportActions } from './cluster.queries';

type ReportActions = ReturnType<typeof useReportActions>;

/** 承認, 差戻し and 代理 of the pending step, for its holder only; the API decides each press. */
export function DecisionButtons({
  cluster,
  report,
  permitted,
  actions,
  reportLabels,
}: {
  cluster: ClusterAddress;
  report: ReportView;
  permitted: ReportPermissions;
  actions: ReportActions;
  reportLabels: Readonly<Record<string, string>>;
}) {
  const delegateDialog = useModalDialog();
  const pendingStep = report.submission?.steps.find((step) => step.status === 'pending');
  return (
    <ApprovalDecision
      id={`decide-${report.kind}`}
      stepLabel={pendingStep?.label ?? null}
      documentLabel={report.label}
      permitted={permitted}
      approve={actions.approve}
      sendBack={actions.sendBack}
      reportLabels={reportLabels}
      others={{
        permitted: permitted.delegate,
        busy: actions.delegate.pending,
        problem: actions.delegate.problem,
        buttons: (busy) => (
          <>
            <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={delegateDialog.open}>
              代理
            </button>
            <ModalDialog control={delegateDialog} title={`${report.label}の代理決裁者の指定`}>
              <ClusterDelegateForm cluster={cluster} kind={report.kind} action={actions.delegate} onDone={delegateDialog.close} reportLabels={reportLabels} />
            </ModalDialog>
          </>
        ),
      }}
    />
  );
}

function ClusterDelegateForm({
  cluster,
  kind,
  action,
  onDone,
  reportLabels,
}: {
  cluster: ClusterAddress;
  kind: string;
  action: ReportActions['delegate'];
  onDone: () => void;
  reportLabels: Readonly<Record<string, string>>;
}) {
  return <DelegateForm candidates={useDelegateCandidates(cluster, kind, true)} action={action} onDone={onDone} reportLabels={reportLabels} />;
}
