import { ROLE_LABELS, type Role } from '@app/domain';
import { useState } from 'react';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { PageButtons } from '../ui/page-buttons';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { type UserAdminEvent, USER_HISTORY_PAGE_SIZE, type UserView, useUserHistory } from './admin.queries';

/** A field's value as a person reads it: roles by their labels, yes/no for 有効, — for none. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'roles' && Array.isArray(value)) return value.length === 0 ? '—' : value.map((role) => ROLE_LABELS[role as Role] ?? String(role)).join('・');
  if (field === 'active') return value ? '有効' : '無効';
  return String(value);
}

function Change({ change }: { change: UserAdminEvent['changes'][number] }) {
  return (
    <li>
      {change.fieldLabel}：{shown(change.field, change.from)} → {shown(change.field, change.to)}
    </li>
  );
}

/** 操作の履歴: every act of user administration on one user, newest first, from the audit trail. */
export function UserHistory({ user }: { user: UserView }) {
  const [page, setPage] = useState(1);
  const history = useUserHistory(user.id, page);
  return (
    <div className="text-std-16N-170">
      <p>{user.displayName}（{user.username}）についての管理操作です（新しい順）。パスワードそのものは記録しません。</p>
      {history.isPending && <Loading label="操作の履歴を読み込んでいます" />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.items.length === 0 && <p className="mt-2">記録された操作はありません。</p>}
      {history.data && history.data.items.length > 0 && (
        <ol className="mt-2 flex flex-col gap-2" aria-label={`${user.displayName}さんの管理操作の履歴`}>
          {history.data.items.map((event) => (
            <li key={event.id} className="rounded-8 border border-solid-gray-420 p-3">
              <p>
                <TokyoDateTime instant={event.occurredAt} /> <span className="font-bold">{event.actionLabel}</span> ― {event.actor.id === null ? 'システム' : `${event.actor.name}さん`}
              </p>
              {event.changes.length > 0 && (
                <ul className="mt-1 list-disc pl-6">
                  {event.changes.map((change) => (
                    <Change key={change.field} change={change} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {history.data && history.data.total > USER_HISTORY_PAGE_SIZE && (
        <PageButtons
          label="操作の履歴のページ"
          page={page}
          total={history.data.total}
          pageSize={USER_HISTORY_PAGE_SIZE}
          onPage={setPage}
          buttons={{ previous: '新しい操作', next: '古い操作' }}
        />
      )}
    </div>
  );
}
