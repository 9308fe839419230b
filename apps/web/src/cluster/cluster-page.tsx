import { fiscalYearLabel, isClusterStage, japaneseEraDateWithIso } from '@app/domain';
import { useOutletContext, useParams } from 'react-router';
import { Breadcrumbs } from '../layout/breadcrumbs';
import { paths } from '../routes/paths';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { Profile } from '../session/profile';
import { NotFoundPage } from '../pages/not-found-page';
import { CaseActions } from './case-actions';
import { type ClusterAddress, useClusterDetail } from './cluster.queries';
import { DeadlinesSection } from './deadlines-section';
import { ClusterHistory } from './cluster-history';
import { LinkedWorkSection } from './linked-work-section';
import { ReportTabs } from './report-tabs';
import { StageStepper } from './stage-stepper';

const wholeNumber = (text: string | undefined) => (text && /^\d{1,5}$/.test(text) ? Number(text) : null);

/** /fiscal-years/{fy}/clusters/{no}: one cluster's analysis, everything about it on one page. */
export function ClusterPage() {
  const params = useParams();
  const fiscalYear = wholeNumber(params.fy);
  const no = wholeNumber(params.no);
  if (fiscalYear === null || no === null) return <NotFoundPage />;
  return <ClusterPageOf cluster={{ fiscalYear, no }} />;
}

function ClusterPageOf({ cluster }: { cluster: ClusterAddress }) {
  const profile = useOutletContext<Profile>();
  const detail = useClusterDetail(cluster);
  if (detail.isPending) return <Loading label="事業群を読み込んでいます" />;
  if (detail.isError) return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const reportLabels = Object.fromEntries(data.reports.map((report) => [report.kind, report.label]));
  return (
    <div lang="ja">
      <Breadcrumbs above={[{ label: `${fiscalYearLabel(cluster.fiscalYear)}の進捗`, to: paths.board(cluster.fiscalYear) }]} current={`No.${data.no}`} />
      <h1 className="mt-2 text-std-32B-150">
        No.{data.no} {data.name}
      </h1>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170">
        <dt className="font-bold">年度</dt>
        <dd>{fiscalYearLabel(data.fiscalYear)}</dd>
        <dt className="font-bold">区分</dt>
        <dd>
          {data.group.name}
          {data.kind ? `・${data.kind.name}` : ''}
        </dd>
        <dt className="font-bold">所管局</dt>
        <dd>{data.owningBureau?.name ?? '未設定'}</dd>
        <dt className="font-bold">経営分析</dt>
        <dd>{data.analysedThisYear ? '今年度の対象' : '今年度の対象外'}</dd>
        <dt className="font-bold">現在の段階</dt>
        <dd>
          {data.stageLabel}
          {data.stageChangedAt && (
            <>
              （<TokyoDateTime instant={data.stageChangedAt} />から）
            </>
          )}
        </dd>
        {data.kickoff && (
          <>
            <dt className="font-bold">着手会議</dt>
            <dd>
              {japaneseEraDateWithIso(data.kickoff.meetingDate)}
              {data.kickoff.attendees.length > 0 ? `　出席者：${data.kickoff.attendees.join('、')}` : ''}
              {data.kickoff.notes ? `　メモ：${data.kickoff.notes}` : ''}
            </dd>
          </>
        )}
        {data.withdrawal && (
          <>
            <dt className="font-bold">取下げ</dt>
            <dd>
              <TokyoDateTime instant={data.withdrawal.at} />　{data.withdrawal.by.name}さん　理由：{data.withdrawal.reason}
            </dd>
          </>
        )}
      </dl>
      {isClusterStage(data.stage) && <StageStepper stage={data.stage} />}
      <CaseActions cluster={cluster} detail={data} reportLabels={reportLabels} />
      {data.stage === 'NOT_STARTED' ? (
        <p className="mt-8 text-std-16N-170">経営分析に着手すると、報告書の作成と決裁がここでできるようになります。</p>
      ) : (
        <ReportTabs cluster={cluster} detail={data} userId={profile.id} />
      )}
      <DeadlinesSection detail={data} />
      <LinkedWorkSection detail={data} />
      <ClusterHistory cluster={cluster} reportLabels={reportLabels} />
    </div>
  );
}
