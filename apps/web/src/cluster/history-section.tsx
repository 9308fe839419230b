import { isClusterStage, STAGE_LABELS } from '@app/domain';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { type ClusterAddress, useClusterHistory } from './cluster.queries';

const stageLabel = (stage: string | null) => (stage && isClusterStage(stage) ? STAGE_LABELS[stage] : (stage ?? ''));

/** 履歴: who did what and when, as the audit trail records it. */
export function HistorySection({ cluster, reportLabels }: { cluster: ClusterAddress; reportLabels: Readonly<Record<string, string>> }) {
  const history = useClusterHistory(cluster);
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="text-std-24B-150">
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
                {entry.reportKind ? `（${reportLabels[entry.reportKind] ?? entry.reportKind}）` : ''} ― {entry.actor.name === 'system' ? 'システム' : `${entry.actor.name}さん`}
              </p>
              {entry.fromStage !== entry.toStage && (
                <p className="text-solid-gray-700">
                  段階：{stageLabel(entry.fromStage)} → {stageLabel(entry.toStage)}
                </p>
              )}
              {entry.comment && <p className="whitespace-pre-wrap break-words">コメント：{entry.comment}</p>}
              {entry.textsRestricted && <p className="text-solid-gray-700">この報告書のコメント・件名は閲覧できないため表示していません。</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
