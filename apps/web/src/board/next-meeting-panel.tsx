import { fiscalYearLabel } from '@app/domain';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { paths } from '../routes/paths';
import { ErrorNotice } from '../ui/error-notice';
import { TEXT_LINK } from '../ui/link-styles';
import { Loading } from '../ui/loading';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { PageButtons, useStayWithinPages } from '../ui/page-buttons';
import { NextMeetingPages, useNextMeetingPanel } from './board.queries';

type DuePage = components['schemas']['NextMeetingItemPage'];

/** What the next X meeting needs from each cluster, and which of it is at risk (overdue, or due soon and not yet submitted). */
export function NextMeetingPanel({ fiscalYear }: { fiscalYear: number }) {
  const [pages, setPages] = useState<NextMeetingPages>({ atRiskPage: 1, onTrackPage: 1 });
  const panel = useNextMeetingPanel(fiscalYear, pages);
  const data = panel.data;
  const toAtRiskPage = useCallback((atRiskPage: number) => setPages((current) => ({ ...current, atRiskPage })), []);
  const toOnTrackPage = useCallback((onTrackPage: number) => setPages((current) => ({ ...current, onTrackPage })), []);
  // Items leave the lists as they are done or fall due: a page past the end goes back to the last.
  useStayWithinPages(pages.atRiskPage, toAtRiskPage, data?.atRisk.total, data?.atRisk.pageSize ?? 1);
  useStayWithinPages(pages.onTrackPage, toOnTrackPage, data?.onTrack.total, data?.onTrack.pageSize ?? 1);

  return (
    <section aria-labelledby="next-meeting-heading" className="mt-8 rounded-8 border border-solid-gray-420 p-4">
      <h2 id="next-meeting-heading" className="text-std-20B-150 text-solid-gray-900">
        次のX会議に向けて
      </h2>
      {panel.isPending && <Loading label="次のX会議を読み込んでいます" />}
      {panel.isError && <ErrorNotice error={panel.error} onRetry={() => void panel.refetch()} />}
      {data && !data.meeting && <p className="mt-2 text-std-16N-170">{fiscalYearLabel(fiscalYear)}には、今後予定されているX会議はありません。</p>}
      {data?.meeting && (
        <>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-std-16N-170">
            <span className="text-std-18B-160">{data.meeting.name}</span>
            <span>{data.meeting.dateLabel}</span>
            {data.meeting.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
          </p>
          <p className="mt-1 text-std-16N-170">
            未了 {data.atRisk.total + data.onTrack.total}件のうち、危険 <span className="font-bold">{data.atRisk.total}件</span>
            <span className="text-solid-gray-700">（危険＝期限超過、期限まで3営業日以内で未提出、または着手が期限超過）</span>
          </p>
          {data.atRisk.total > 0 && (
            <DueList
              label={`${data.meeting.name}に向けて危険なもの`}
              fiscalYear={fiscalYear}
              due={data.atRisk}
              onPage={toAtRiskPage}
            />
          )}
          {data.onTrack.total > 0 && (
            <details className="mt-3">
              <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline underline-offset-4">
                {data.atRisk.total > 0 ? 'そのほか未了のもの' : '未了のもの'}（{data.onTrack.total}件）
              </summary>
              <DueList
                label={`${data.meeting.name}に向けて未了のもの`}
                fiscalYear={fiscalYear}
                due={data.onTrack}
                onPage={toOnTrackPage}
              />
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** One of the panel's lists, a page at a time when it is long. */
function DueList({ label, fiscalYear, due, onPage }: { label: string; fiscalYear: number; due: DuePage; onPage: (page: number) => void }) {
  return (
    <>
      <ul aria-label={label} className="mt-2 flex flex-col divide-y divide-solid-gray-420 text-std-16N-170">
        {due.items.map((item) => (
          <li key={`${item.clusterNo}/${item.deadline.target}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <Link to={paths.cluster(fiscalYear, item.clusterNo)} className={TEXT_LINK}>
              No.{item.clusterNo} {item.clusterName}
            </Link>
            <span className="text-solid-gray-700">{item.owningBureau?.name ?? '所管局未設定'}</span>
            <span>
              {item.deadline.label}：{item.state}
              {item.stepLabel ? `（${item.stepLabel}）` : ''}
            </span>
            <span>
              期限 <TokyoDateTime instant={item.deadline.dueAt} />
            </span>
            {item.deadline.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
            {item.riskLabel && <StatusLabel tone={item.risk === 'overdue' ? 'alert' : 'caution'}>{item.riskLabel}</StatusLabel>}
          </li>
        ))}
      </ul>
      {due.total > due.pageSize && <PageButtons label={`${label}のページ`} page={due.page} total={due.total} pageSize={due.pageSize} onPage={onPage} />}
    </>
  );
}
