import { Role } from '@app/domain';
import { useCallback, useEffect, useState } from 'react';
import { RequireRole } from '../session/permission';
import { ErrorNotice } from '../ui/error-notice';
import { inputClass, LABEL } from '../ui/form-styles';
import { Loading } from '../ui/loading';
import { PageButtons, useStayWithinPages } from '../ui/page-buttons';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { AdminNav } from './admin-nav';
import { DELIVERIES_PAGE_SIZE, type DeliveryFilter, type DeliveryStatus, type DeliveryView, useDeliveries } from './admin.queries';

const CHANNEL_LABELS: Record<DeliveryView['channel'], string> = { email: 'メール', webhook: 'Webhook' };
const STATUS_LABELS: Record<DeliveryStatus, { label: string; tone: 'alert' | 'caution' | 'info' }> = {
  failed: { label: '失敗', tone: 'alert' },
  pending: { label: '送信待ち・再試行中', tone: 'caution' },
  delivered: { label: '送信済み', tone: 'info' },
};

/** 通知の配信: every e-mail and webhook call of the notifications, and above all what finally failed. */
export function DeliveriesPage() {
  useEffect(() => {
    document.title = '通知の配信状況｜市政変革 ワークフロー';
  }, []);
  return (
    <RequireRole role={Role.Admin} roleLabel="システム管理者">
      <Deliveries />
    </RequireRole>
  );
}

function Deliveries() {
  const [filter, setFilter] = useState<DeliveryFilter>({ page: 1, status: 'failed' });
  const deliveries = useDeliveries(filter);
  const toPage = useCallback((page: number) => setFilter((current) => ({ ...current, page })), []);
  useStayWithinPages(filter.page, toPage, deliveries.data?.total, DELIVERIES_PAGE_SIZE);

  return (
    <>
      <AdminNav />
      <h1 className="text-std-32B-150 text-solid-gray-900">通知の配信状況</h1>
      <p className="mt-2 text-std-16N-170">
        お知らせは必ず各自の通知一覧に届きます。ここには、そのほかに送ったメールと Webhook の結果を示します。送れなかったものは間隔を空けて再送し、決められた回数を超えると「失敗」になります。
      </p>
      <form className="mt-6 flex flex-wrap items-end gap-4 text-std-16N-170" aria-label="配信の絞り込み" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="filter-delivery-status" className={LABEL}>
            状態
          </label>
          <select
            id="filter-delivery-status"
            value={filter.status ?? ''}
            onChange={(event) => setFilter({ page: 1, status: (event.target.value || undefined) as DeliveryStatus | undefined })}
            className={inputClass()}
          >
            <option value="failed">失敗のみ</option>
            <option value="pending">送信待ち・再試行中</option>
            <option value="delivered">送信済み</option>
            <option value="">すべて</option>
          </select>
        </div>
      </form>

      {deliveries.isPending && <Loading label="配信状況を読み込んでいます" />}
      {deliveries.isError && <ErrorNotice error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.data && (
        <>
          <p className="mt-4 text-std-16N-170" role="status">
            {deliveries.data.total === 0
              ? '該当する配信はありません'
              : `${deliveries.data.total}件中 ${(filter.page - 1) * DELIVERIES_PAGE_SIZE + 1}〜${(filter.page - 1) * DELIVERIES_PAGE_SIZE + deliveries.data.items.length}件目`}
          </p>
          {deliveries.data.items.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-left text-std-16N-170">
                <caption className="sr-only">通知の配信の一覧</caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-600">
                    <th scope="col" className="p-2">状態</th>
                    <th scope="col" className="p-2">方法</th>
                    <th scope="col" className="p-2">宛先</th>
                    <th scope="col" className="p-2">通知</th>
                    <th scope="col" className="p-2">試行回数</th>
                    <th scope="col" className="p-2">最後の試行</th>
                    <th scope="col" className="p-2">最後のエラー</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.data.items.map((delivery) => (
                    <tr key={`${delivery.channel}|${delivery.notificationKey}|${delivery.destination}|${delivery.username ?? ''}`} className="border-b border-solid-gray-420 align-top">
                      <td className="p-2">
                        <StatusLabel tone={STATUS_LABELS[delivery.status].tone}>{STATUS_LABELS[delivery.status].label}</StatusLabel>
                      </td>
                      <td className="p-2">{CHANNEL_LABELS[delivery.channel]}</td>
                      <td className="p-2">
                        {delivery.username && <span className="block">{delivery.username}</span>}
                        <span className="break-all text-solid-gray-700">{delivery.destination}</span>
                      </td>
                      <td className="p-2">
                        <code className="break-all">{delivery.notificationKey}</code>
                      </td>
                      <td className="p-2">{delivery.attempts}回</td>
                      <td className="p-2">
                        <TokyoDateTime instant={delivery.lastAttemptAt} missing="まだありません" />
                      </td>
                      <td className="p-2 break-all">{delivery.lastError ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <PageButtons label="配信一覧のページ" page={filter.page} total={deliveries.data.total} pageSize={DELIVERIES_PAGE_SIZE} onPage={toPage} />
        </>
      )}
    </>
  );
}
