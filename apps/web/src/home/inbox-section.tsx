import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { noticePageOf } from '../routes/notice-link';
import { ActionProblem } from '../actions/action-problem';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { PageButtons, useStayWithinPages } from '../ui/page-buttons';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { INBOX_PAGE_SIZE, useInbox, useMarkAllRead, useMarkRead } from './home.queries';

export function InboxSection() {
  const [page, setPage] = useState(1);
  const inbox = useInbox(page);
  useStayWithinPages(page, setPage, inbox.data?.total, INBOX_PAGE_SIZE);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const [pendingId, setPendingId] = useState<string | null>(null);

  return (
    <section id="inbox" aria-labelledby="inbox-heading" className="rounded-8 border border-solid-gray-420 p-4">
      <h2 id="inbox-heading" className="text-std-20B-150 text-solid-gray-900">
        お知らせ{inbox.data ? `（未読 ${inbox.data.unread}件）` : ''}
      </h2>
      {inbox.isPending && <Loading label="お知らせを読み込んでいます" />}
      {inbox.isError && <ErrorNotice error={inbox.error} onRetry={() => void inbox.refetch()} />}
      <ActionProblem problem={markRead.problem} onRetry={markRead.retry} />
      <ActionProblem problem={markAllRead.problem} onRetry={markAllRead.retry} />
      {inbox.data && inbox.data.items.length === 0 && <p className="mt-2 text-std-16N-170">お知らせはありません。</p>}
      {inbox.data && inbox.data.unread > 0 && (
        <button type="button" className={`mt-2 ${SECONDARY_BUTTON}`} disabled={markAllRead.pending} onClick={() => markAllRead.run()}>
          すべて既読にする
        </button>
      )}
      {inbox.data && inbox.data.items.length > 0 && (
        <ul className="mt-4 flex flex-col gap-4">
          {inbox.data.items.map((notification) => (
            <li key={notification.id} className="border-t border-solid-gray-420 pt-4 text-std-16N-170">
              <p className="flex flex-wrap items-center gap-2">
                {notification.read ? <span className="text-solid-gray-700">既読</span> : <StatusLabel tone="info">未読</StatusLabel>}
                <span className="text-solid-gray-700">
                  {notification.kindLabel}・<TokyoDateTime instant={notification.createdAt} />
                </span>
              </p>
              <p className={notification.read ? '' : 'font-bold'}>{notification.subject}</p>
              <details className="mt-1">
                <summary className="cursor-pointer text-blue-1000 underline">本文を表示</summary>
                <p className="mt-1 whitespace-pre-line">{notification.body}</p>
              </details>
              {notification.fiscalYear !== null && notification.clusterNo !== null && (
                <p className="mt-2">
                  <Link to={paths.cluster(notification.fiscalYear, notification.clusterNo)} className="text-blue-1000 underline hover:decoration-[3px]">
                    事業群のページを開く<span className="sr-only">：No.{notification.clusterNo}</span>
                  </Link>
                </p>
              )}
              <NoticeLink link={notification.link} />
              {!notification.read && (
                <button
                  type="button"
                  className={`mt-2 ${SECONDARY_BUTTON}`}
                  disabled={markRead.pending && pendingId === notification.id}
                  onClick={() => {
                    setPendingId(notification.id);
                    markRead.run({ id: notification.id });
                  }}
                >
                  既読にする<span className="sr-only">：{notification.subject}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {inbox.data && inbox.data.total > INBOX_PAGE_SIZE && (
        <PageButtons label="お知らせのページ" page={inbox.data.page} total={inbox.data.total} pageSize={INBOX_PAGE_SIZE} onPage={setPage} buttons={{ previous: '前へ', next: '次へ' }} />
      )}
    </section>
  );
}

/** A reminder about a bureau's X policy or a Platinum proposal opens its page. */
function NoticeLink({ link }: { link: string | null }) {
  const page = noticePageOf(link);
  if (!page) return null;
  return (
    <p className="mt-2">
      <Link to={page.path} className="text-blue-1000 underline hover:decoration-[3px]">
        {page.label}
      </Link>
    </p>
  );
}
