import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './error-notice';
import { Loading } from './loading';
import { PageButtons } from './page-buttons';
import { TokyoDateTime } from './tokyo-date-time';

/** Entries per page of a history: a year of a busy case runs to a few hundred. */
export const HISTORY_PAGE_SIZE = 50;

/** What every audit trail's entry shows: when, what and who, and its comment where the reader may see it. */
export interface HistoryEntry {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly actionLabel: string;
  readonly actor: { readonly name: string };
  readonly comment?: string | null;
}

export interface HistoryPage<Entry> {
  readonly items: readonly Entry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

interface HistorySectionProps<Entry extends HistoryEntry> {
  /** The heading's id, unique on its page. */
  readonly headingId: string;
  readonly history: UseQueryResult<HistoryPage<Entry>>;
  readonly onPage: (page: number) => void;
  /** What the entry concerns, said after its action: （経過報告）. */
  readonly about?: (entry: Entry) => string;
  /** The move the entry made (段階：… → …), or null. */
  readonly move: (entry: Entry) => string | null;
  /** Why part of the entry is not shown to this reader, or null. */
  readonly withheld?: (entry: Entry) => string | null;
  /** Said once, under the list. */
  readonly footer?: ReactNode;
}

/** 履歴: who did what and when, as the audit trail records it, oldest first and a page at a time. */
export function HistorySection<Entry extends HistoryEntry>({ headingId, history, onPage, about, move, withheld, footer }: HistorySectionProps<Entry>) {
  const shown = history.data;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-std-24B-150">
        履歴
      </h2>
      {history.isPending && <Loading label="履歴を読み込んでいます" />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {shown && shown.total === 0 && <p className="mt-2">まだ記録はありません。</p>}
      {shown && shown.items.length > 0 && (
        <>
          {shown.total > shown.pageSize && <p className="mt-2 text-solid-gray-700">古い順に{shownRange(shown)}を表示しています（全{shown.total}件）。</p>}
          <ol className="mt-2 flex flex-col gap-2" aria-label="履歴（古い順）">
            {shown.items.map((entry) => (
              <HistoryItem key={entry.eventId} entry={entry} about={about?.(entry) ?? ''} move={move(entry)} withheld={withheld?.(entry) ?? null} />
            ))}
          </ol>
        </>
      )}
      {shown && shown.total > shown.pageSize && (
        <PageButtons label="履歴のページ" page={shown.page} total={shown.total} pageSize={shown.pageSize} onPage={onPage} buttons={{ previous: '古い記録', next: '新しい記録' }} />
      )}
      {footer}
    </section>
  );
}

/** Which entries of the whole the page holds: 51〜100件目, or 101件目 alone. */
function shownRange({ page, pageSize, items }: HistoryPage<unknown>): string {
  const first = (page - 1) * pageSize + 1;
  const last = first + items.length - 1;
  return first === last ? `${first}件目` : `${first}〜${last}件目`;
}

function HistoryItem({ entry, about, move, withheld }: { entry: HistoryEntry; about: string; move: string | null; withheld: string | null }) {
  return (
    <li className="rounded-8 border border-solid-gray-420 p-3 text-std-16N-170">
      <p>
        <TokyoDateTime instant={entry.occurredAt} /> <span className="font-bold">{entry.actionLabel}</span>
        {about} ― {entry.actor.name === 'system' ? 'システム' : `${entry.actor.name}さん`}
      </p>
      {move && <p className="text-solid-gray-700">段階：{move}</p>}
      {entry.comment && <p className="whitespace-pre-wrap break-words">コメント：{entry.comment}</p>}
      {withheld && <p className="text-solid-gray-700">{withheld}</p>}
    </li>
  );
}
