import { COMMENT_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { ModalDialog, useCloseWhenDone, useModalDialog } from '../ui/modal-dialog';
import { ReasonForm } from './reason-form';
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
  const [comment, setComment] = useState('');
  const returnDialog = useModalDialog();
  const delegateDialog = useModalDialog();
  const pendingStep = report.submission?.steps.find((step) => step.status === 'pending');
  const id = `decide-${report.kind}`;
  const busy = actions.approve.pending || actions.sendBack.pending || actions.delegate.pending;
  const problem = actions.approve.problem ?? actions.sendBack.problem ?? actions.delegate.problem;
  // A refusal stays in view after the refreshed state has taken the buttons away: it says why.
  const mayDecide = permitted.approve || permitted.return || permitted.delegate;
  if (!mayDecide && !problem) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 rounded-8 border-2 border-blue-900 p-4">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        決裁{pendingStep && mayDecide ? `（${pendingStep.label}）` : ''}
      </h3>
      {permitted.approve && (
        <div className="mt-2">
          <label htmlFor={`${id}-comment`} className="text-std-16B-170">
            承認のコメント（任意）
          </label>
          <textarea id={`${id}-comment`} className={FIELD} maxLength={COMMENT_MAX_LENGTH} value={comment} onChange={(event) => setComment(event.target.value)} />
        </div>
      )}
      <ActionProblem problem={actions.approve.problem} onRetry={actions.approve.retry} reportLabels={reportLabels} />
      <div className="mt-3 flex flex-wrap gap-3">
        {permitted.approve && (
          <button type="button" className={PRIMARY_BUTTON} disabled={busy} onClick={() => actions.approve.run(comment.trim() ? { comment } : {})}>
            承認
          </button>
        )}
        {permitted.return && (
          <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={returnDialog.open}>
            差戻し
          </button>
        )}
        {permitted.delegate && (
          <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={delegateDialog.open}>
            代理
          </button>
        )}
      </div>
      {actions.approve.pending && <p role="status">承認を送信しています…</p>}
      <ModalDialog control={returnDialog} title={`${report.label}の差戻し`}>
        <ReturnForm action={actions.sendBack} onDone={returnDialog.close} reportLabels={reportLabels} />
      </ModalDialog>
      <ModalDialog control={delegateDialog} title={`${report.label}の代理決裁者の指定`}>
        <DelegateForm cluster={cluster} kind={report.kind} action={actions.delegate} onDone={delegateDialog.close} reportLabels={reportLabels} />
      </ModalDialog>
    </section>
  );
}

function ReturnForm({ action, onDone, reportLabels }: { action: ReportActions['sendBack']; onDone: () => void; reportLabels: Readonly<Record<string, string>> }) {
  useCloseWhenDone(action, onDone);
  return (
    <ReasonForm
      id="return-comment"
      label="差戻しの理由"
      missingMessage="差戻しの理由を入力してください。担当職員が修正の参考にします。"
      hint="担当職員に表示されます。何をどう直せばよいかを書いてください。"
      submitLabel="差戻し"
      action={action}
      onSend={(comment) => action.run({ comment })}
      reportLabels={reportLabels}
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

