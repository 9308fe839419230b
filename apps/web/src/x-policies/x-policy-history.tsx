import { X_POLICY_PHASE_LABELS, type XPolicyPhase } from '@app/domain';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { useXPolicyHistory, type XPolicyAddress, type XPolicyDetail } from './x-policies.queries';

const phaseLabel = (phase: string | null) => (phase ? (X_POLICY_PHASE_LABELS[phase as XPolicyPhase] ?? phase) : '未開始');

/** A progress update (`progress/<issue>/<n>`) in the words of the page; acts on the plan say enough by their name. */
function documentLabel(document: string | null, detail: XPolicyDetail): string {
  if (!document?.startsWith('progress/')) return '';
  const [, issueId, seq] = document.split('/');
  const issues = detail.publication?.issues ?? [];
  const index = issues.findIndex((issue) => issue.id === issueId);
  return `（${index >= 0 ? `課題${index + 1}「${issues[index].title}」` : issueId}の進捗 第${seq}報）`;
}

/** 履歴: who did what and when, as the audit trail records it; comments only for those who may read them. */
export function XPolicyHistory({ address, detail }: { address: XPolicyAddress; detail: XPolicyDetail }) {
  const history = useXPolicyHistory(address);
  return (
    <section aria-labelledby="x-policy-history-heading" className="mt-8">
      <h2 id="x-policy-history-heading" className="text-std-24B-150">
        履歴
      </h2>
      {history.isPending && <Loading label="履歴を読み込んでいます" />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.items.length === 0 && <p className="mt-2">まだ記録はありません。</p>}
      {history.data && history.data.items.length > 0 && (
        <ol className="mt-2 flex flex-col gap-2" aria-label="履歴（古い順）">
          {history.data.items.map((entry) => (
            <li key={entry.eventId} className="rounded-8 border border-solid-gray-420 p-3 text-std-16N-170">
              <p>
                <TokyoDateTime instant={entry.occurredAt} /> <span className="font-bold">{entry.actionLabel}</span>
                {documentLabel(entry.document, detail)} ―{' '}
                {entry.actor.name === 'system' ? 'システム' : `${entry.actor.name}さん`}
              </p>
              {entry.fromPhase !== entry.toPhase && (
                <p className="text-solid-gray-700">
                  段階：{phaseLabel(entry.fromPhase)} → {phaseLabel(entry.toPhase)}
                </p>
              )}
              {entry.comment && <p className="whitespace-pre-wrap break-words">コメント：{entry.comment}</p>}
            </li>
          ))}
        </ol>
      )}
      {history.data && history.data.total > history.data.items.length && (
        <p className="mt-2 text-solid-gray-700">
          古い順に{history.data.items.length}件を表示しています（全{history.data.total}件）。
        </p>
      )}
      {detail.textsRestricted && <p className="mt-2 text-solid-gray-700">決裁・差戻しのコメントは{detail.bureau.name}の職員と市政変革室だけが閲覧できるため、表示していません。</p>}
    </section>
  );
}
