import { COMMENT_MAX_LENGTH } from '@app/domain';
import { type ReactNode, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import type { Action } from '../actions/use-action';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { textFieldClass } from '../ui/form-styles';
import { ModalDialog, useCloseWhenDone, useModalDialog } from '../ui/modal-dialog';
import { ReasonForm } from './reason-form';

export type ApproveAction = Action<{ comment?: string }>;
export type ReturnAction = Action<{ comment: string }>;

/** More ways to decide a step than 承認 and 差戻し (a cluster report's 代理): its buttons, and whether it is open or busy now. */
export interface OtherDecisions {
  readonly permitted: boolean;
  readonly busy: boolean;
  readonly problem: unknown;
  readonly buttons: (busy: boolean) => ReactNode;
}

/**
 * 承認 (with an optional comment) and 差戻し (with a required one, asked for in a dialog) of the
 * step pending on a document, for its holder only: a cluster's report, a bureau's X policy or one
 * of its progress updates. The API decides each press.
 */
export function ApprovalDecision({
  id,
  stepLabel,
  documentLabel,
  permitted,
  approve,
  sendBack,
  returnHint = '担当職員に表示されます。何をどう直せばよいかを書いてください。',
  reportLabels,
  others,
  children,
}: {
  id: string;
  stepLabel: string | null;
  documentLabel: string;
  permitted: { readonly approve: boolean; readonly return: boolean };
  approve: ApproveAction;
  sendBack: ReturnAction;
  returnHint?: string;
  reportLabels?: Readonly<Record<string, string>>;
  others?: OtherDecisions;
  /** What the decider reads before deciding (the progress update's text). */
  children?: ReactNode;
}) {
  const [comment, setComment] = useState('');
  const returnDialog = useModalDialog();
  const busy = approve.pending || sendBack.pending || Boolean(others?.busy);
  const mayDecide = permitted.approve || permitted.return || Boolean(others?.permitted);
  // A refusal stays in view after the refreshed state has taken the buttons away: it says why.
  const problem = approve.problem ?? sendBack.problem ?? others?.problem;
  if (!mayDecide && !problem) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 rounded-8 border-2 border-blue-900 p-4">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        決裁{stepLabel && mayDecide ? `（${stepLabel}）` : ''}
      </h3>
      {children}
      {permitted.approve && (
        <div className="mt-2">
          <label htmlFor={`${id}-comment`} className="text-std-16B-170">
            承認のコメント（任意）
          </label>
          <textarea id={`${id}-comment`} className={textFieldClass()} maxLength={COMMENT_MAX_LENGTH} value={comment} onChange={(event) => setComment(event.target.value)} />
        </div>
      )}
      <ActionProblem problem={approve.problem} onRetry={approve.retry} reportLabels={reportLabels} />
      <div className="mt-3 flex flex-wrap gap-3">
        {permitted.approve && (
          <button type="button" className={PRIMARY_BUTTON} disabled={busy} onClick={() => approve.run(comment.trim() ? { comment } : {})}>
            承認
          </button>
        )}
        {permitted.return && (
          <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={returnDialog.open}>
            差戻し
          </button>
        )}
        {others?.permitted && others.buttons(busy)}
      </div>
      {approve.pending && <p role="status">承認を送信しています…</p>}
      <ModalDialog control={returnDialog} title={`${documentLabel}の差戻し`}>
        <ReturnForm action={sendBack} onDone={returnDialog.close} hint={returnHint} reportLabels={reportLabels} />
      </ModalDialog>
    </section>
  );
}

function ReturnForm({ action, onDone, hint, reportLabels = {} }: { action: ReturnAction; onDone: () => void; hint: string; reportLabels?: Readonly<Record<string, string>> }) {
  useCloseWhenDone(action, onDone);
  return (
    <ReasonForm
      id="return-comment"
      label="差戻しの理由"
      missingMessage="差戻しの理由を入力してください。担当職員が修正の参考にします。"
      hint={hint}
      submitLabel="差戻し"
      action={action}
      onSend={(comment) => action.run({ comment })}
      reportLabels={reportLabels}
    />
  );
}
