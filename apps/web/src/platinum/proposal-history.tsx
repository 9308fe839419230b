import { PROPOSAL_PHASE_LABELS, type ProposalPhase } from '@app/domain';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { type ProposalAddress, useProposalHistory } from './platinum.queries';

const phaseLabel = (phase: string | null) => (phase ? (PROPOSAL_PHASE_LABELS[phase as ProposalPhase] ?? phase) : '');

/** Decisions on a chain may carry a comment; a save or a submission never does, so saying it is withheld there would only be noise. */
const MAY_CARRY_COMMENT = /approve|return|delegate/;

/** Which document an entry concerns, in words: 提案, 結論, or a concerned bureau's 対応方針. */
function documentLabel(document: string | null): string | null {
  if (document === 'proposal') return '提案';
  if (document === 'decision') return '制度所管局の結論';
  if (document?.startsWith('policy/')) return '対応方針';
  return null;
}

/** 履歴: every act on the proposal, oldest first; comments only for those who may read the document's drafts. */
export function ProposalHistory({ proposal }: { proposal: ProposalAddress }) {
  const history = useProposalHistory(proposal);
  return (
    <section aria-labelledby="proposal-history-heading" className="mt-8">
      <h2 id="proposal-history-heading" className="text-std-24B-150">
        履歴
      </h2>
      {history.isPending && <Loading label="履歴を読み込んでいます" />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.items.length === 0 && <p className="mt-2">まだ記録はありません。</p>}
      {history.data && history.data.items.length > 0 && (
        <ol className="mt-2 flex flex-col gap-2" aria-label="履歴（古い順）">
          {history.data.items.map((entry) => {
            const about = documentLabel(entry.document);
            return (
              <li key={entry.eventId} className="rounded-8 border border-solid-gray-420 p-3 text-std-16N-170">
                <p>
                  <TokyoDateTime instant={entry.occurredAt} /> <span className="font-bold">{entry.actionLabel}</span>
                  {about && !entry.actionLabel.includes(about) ? `（${about}）` : ''} ― {entry.actor.name === 'system' ? 'システム' : `${entry.actor.name}さん`}
                </p>
                {entry.fromPhase !== entry.toPhase && entry.toPhase && (
                  <p className="text-solid-gray-700">
                    段階：{entry.fromPhase ? `${phaseLabel(entry.fromPhase)} → ` : ''}
                    {phaseLabel(entry.toPhase)}
                  </p>
                )}
                {entry.comment && <p className="whitespace-pre-wrap break-words">コメント：{entry.comment}</p>}
                {entry.textsRestricted && MAY_CARRY_COMMENT.test(entry.action) && <p className="text-solid-gray-700">この書類は下書きを閲覧できないため、コメントは表示していません。</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
