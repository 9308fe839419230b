import { X_POLICY_TEXT_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { ApprovalDecision } from '../approval/approval-decision';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { FieldMessages } from '../ui/field-problems';
import { textFieldClass } from '../ui/form-styles';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { PublishedProgressList } from './published-progress-list';
import { type ProgressUpdate, useProgressActions, type XPolicyAddress, type XPolicyDetail, type XPolicyIssue } from './x-policies.queries';

/**
 * 進捗 of one published issue: what is published, with its date; the update on its way to the
 * director (its text for the bureau's users and the reform office); 提出 for the bureau's staff and
 * 承認 (which publishes it) or 差戻し for the director.
 */
export function IssueProgress({ detail, address, issue, index }: { detail: XPolicyDetail; address: XPolicyAddress; issue: XPolicyIssue; index: number }) {
  const actions = useProgressActions(address, issue.id);
  const entries = detail.progress.filter((entry) => entry.issueId === issue.id);
  const publishedCount = entries.filter((entry) => entry.publishedAt !== null).length;
  const pending = entries.find((entry) => entry.publishedAt === null) ?? null;
  const mayPost = detail.permitted.postProgress.includes(issue.id);
  const mayDecide = detail.permitted.decideProgress.includes(issue.id);
  const nextSeq = pending?.seq ?? publishedCount + 1;
  const id = `progress-${issue.id}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-4 border-t border-solid-gray-420 pt-3">
      <h4 id={`${id}-heading`} className="text-std-18B-160">
        進捗<span className="sr-only">（課題{index + 1}）</span>
      </h4>
      <PublishedProgressList label={`課題${index + 1}の公表した進捗`} entries={entries} />
      {pending && <PendingProgress entry={pending} restricted={detail.textsRestricted} />}
      {mayDecide && pending && (
        <ApprovalDecision
          id={`decide-${id}`}
          stepLabel="局長"
          documentLabel={`課題${index + 1}の進捗（第${pending.seq}報）`}
          permitted={{ approve: true, return: true }}
          approve={actions.approve}
          sendBack={actions.sendBack}
          returnHint="担当職員に表示されます。何をどう直せばよいかを書いてください。公表ページには表示されません。"
        >
          <p className="mt-2">承認すると、上の第{pending.seq}報が公表ページに掲載されます。</p>
        </ApprovalDecision>
      )}
      {/* A refusal stays in view after the refreshed state has taken its buttons away: it says why. */}
      <ActionProblem problem={(!mayDecide ? (actions.approve.problem ?? actions.sendBack.problem) : null) ?? (!mayPost ? actions.post.problem : null)} />
      {mayPost && <ProgressForm key={`${nextSeq}-${pending?.status ?? 'new'}`} id={id} issueNumber={index + 1} seq={nextSeq} returned={pending?.status === 'RETURNED' ? pending : null} post={actions.post} />}
    </section>
  );
}

function PendingProgress({ entry, restricted }: { entry: ProgressUpdate; restricted: boolean }) {
  const returned = entry.status === 'RETURNED';
  return (
    <div className={`mt-2 rounded-8 border-2 p-3 ${returned ? 'border-error-2' : 'border-yellow-1000'}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-bold">第{entry.seq}報</span>
        <StatusLabel tone={returned ? 'alert' : 'caution'}>{returned ? '差戻し' : '局長の決裁待ち'}</StatusLabel>
        {entry.submission && (
          <span className="text-solid-gray-700">
            提出：{entry.submission.submittedBy.name}さん <TokyoDateTime instant={entry.submission.submittedAt} />
          </span>
        )}
      </p>
      {entry.text !== null ? (
        <p className="mt-1 whitespace-pre-wrap break-words">{entry.text}</p>
      ) : (
        restricted && <p className="mt-1 text-solid-gray-700">公表前の進捗の内容は表示されません。</p>
      )}
      {returned && entry.lastReturn && (
        <p className="mt-1">
          <span aria-hidden="true">⚠ </span>
          {entry.lastReturn.stepLabel}（{entry.lastReturn.by.name}さん）から差戻し（<TokyoDateTime instant={entry.lastReturn.at} />）
          {entry.lastReturn.comment !== null && <span className="block whitespace-pre-wrap break-words">理由：{entry.lastReturn.comment}</span>}
        </p>
      )}
    </div>
  );
}

function ProgressForm({
  id,
  issueNumber,
  seq,
  returned,
  post,
}: {
  id: string;
  issueNumber: number;
  seq: number;
  returned: ProgressUpdate | null;
  post: ReturnType<typeof useProgressActions>['post'];
}) {
  const [text, setText] = useState(returned?.text ?? '');
  const [missing, setMissing] = useState(false);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    post.run({ text });
  };
  const messages = missing ? ['進捗の内容を入力してください。'] : [];
  return (
    <form onSubmit={send} noValidate className="mt-3" aria-label={`課題${issueNumber}の進捗の提出`}>
      <label htmlFor={`${id}-text`} className="block text-std-16B-170">
        第{seq}報の内容{returned ? '（差戻しを受けて直す）' : ''}
        <span className="sr-only">（課題{issueNumber}）</span>
        <span className="text-error-2">（必須）</span>
      </label>
      <textarea
        id={`${id}-text`}
        className={`${textFieldClass(missing)} min-h-24`}
        maxLength={X_POLICY_TEXT_MAX_LENGTH}
        value={text}
        aria-invalid={missing}
        aria-describedby={`${id}-text-hint${missing ? ` ${id}-text-problems` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
      />
      <p id={`${id}-text-hint`} className="mt-1 text-solid-gray-700">
        提出すると局長の決裁に回り、承認されると公表ページに日付とともに掲載されます。
      </p>
      <FieldMessages id={`${id}-text-problems`} messages={messages} field="text" />
      <ActionProblem problem={post.problem} onRetry={post.retry} />
      <div className="mt-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={post.pending}>
          {`第${seq}報を提出`}
        </button>
      </div>
    </form>
  );
}
