import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { ModalDialog, useCloseWhenDone, useModalDialog } from '../ui/modal-dialog';
import { ApprovalDecision } from '../approval/approval-decision';
import { type ClusterAddress, type ReportPermissions, type ReportView, useDelegateCandidates, type useReportActions } from './cluster.queries';
import { textFieldClass } from '../ui/form-styles';

type ReportActions = ReturnType<typeof useReportActions>;
const FIELD = textFieldClass();

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
              <DelegateForm cluster={cluster} kind={report.kind} action={actions.delegate} onDone={delegateDialog.close} reportLabels={reportLabels} />
            </ModalDialog>
          </>
        ),
      }}
    />
  );
}

function DelegateForm({
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
  const candidates = useDelegateCandidates(cluster, kind, true);
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  useCloseWhenDone(action, onDone);
  if (candidates.isPending) return <Loading label="代理決裁者の候補を読み込んでいます" />;
  if (candidates.isError) return <ErrorNotice error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (candidates.data.length === 0) return <p>代理で決裁できる方（同じ局・同じ役割の有効な利用者）がいません。</p>;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setMissing(true);
      return;
    }
    action.run({ delegateTo: chosen });
  };
  return (
    <form onSubmit={send} noValidate>
      <label htmlFor="delegate-to" className="text-std-16B-170">
        代理決裁者 <span className="text-error-2">（必須）</span>
      </label>
      <select
        id="delegate-to"
        className={`${FIELD} min-h-12`}
        value={chosen}
        aria-invalid={missing}
        aria-describedby={missing ? 'delegate-to-problem' : undefined}
        onChange={(event) => {
          setChosen(event.target.value);
          setMissing(false);
        }}
      >
        <option value="">選んでください</option>
        {candidates.data.map((candidate) => (
          <option key={candidate.username} value={candidate.username}>
            {candidate.displayName}（{candidate.username}）
          </option>
        ))}
      </select>
      {missing && (
        <p id="delegate-to-problem" className="mt-1 text-error-2">
          <span aria-hidden="true">⚠ </span>代理決裁者を選んでください。
        </p>
      )}
      <p className="mt-1 text-solid-gray-700">指定した方だけがこの段階を決裁できるようになります。</p>
      <ActionProblem problem={action.problem} onRetry={action.retry} reportLabels={reportLabels} />
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          代理
        </button>
      </div>
    </form>
  );
}

