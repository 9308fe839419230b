import { BUREAU_CODE_PATTERN, fiscalYearLabel, X_POLICY_PHASE_LABELS, X_POLICY_PHASES, XPolicyPhase } from '@app/domain';
import { useEffect } from 'react';
import { Link, useOutletContext, useParams } from 'react-router';
import { type DraftAddress, forgetDraft } from '../drafts/local-draft';
import { Breadcrumbs } from '../layout/breadcrumbs';
import { NotFoundPage } from '../pages/not-found-page';
import { paths } from '../routes/paths';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import type { Profile } from '../session/profile';
import { ErrorNotice } from '../ui/error-notice';
import { TEXT_LINK } from '../ui/link-styles';
import { Loading } from '../ui/loading';
import { StepList } from '../ui/step-list';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { DeadlineText, PROVISIONAL_NOTE } from './deadline-text';
import { IssuesSection } from './issues-section';
import { PlanApprovalSection, PlanReturnedNote } from './plan-approval-section';
import { PlanVersions } from './plan-versions';
import { PublicationSection } from './publication-section';
import { SelfInspectionSection } from './self-inspection-section';
import { type PlanPart, type XPolicyAddress, type XPolicyDetail, useXPolicyActions, useXPolicyDetail } from './x-policies.queries';
import { XPolicyHistory } from './x-policy-history';

/** /fiscal-years/{fy}/x-policies/{bureau}: one bureau's X policy, everything about it on one page. */
export function XPolicyPage() {
  const fiscalYear = useFiscalYearParam();
  const bureau = useParams().bureau ?? '';
  if (fiscalYear === undefined || !BUREAU_CODE_PATTERN.test(bureau)) return <NotFoundPage />;
  return <XPolicyOf key={`${fiscalYear}/${bureau}`} address={{ fiscalYear, bureau }} />;
}

function XPolicyOf({ address }: { address: XPolicyAddress }) {
  const profile = useOutletContext<Profile>();
  const detail = useXPolicyDetail(address);
  const draftAddress = (part: PlanPart, baseVersion: number): DraftAddress => ({ scope: [profile.id, 'x-policy', address.fiscalYear, address.bureau, part], baseVersion });
  const actions = useXPolicyActions(address, (part, basedOnVersion) => forgetDraft(draftAddress(part, basedOnVersion)));
  const name = detail.data?.bureau.name;
  useEffect(() => {
    document.title = `${name ? `${name}の` : ''}X方針｜市政変革 ワークフロー`;
  }, [name]);
  if (detail.isPending) return <Loading label="X方針を読み込んでいます" />;
  if (detail.isError) return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const baseVersion = data.plan?.versions.at(-1)?.version ?? 0;
  const published = data.phase === XPolicyPhase.Published || data.phase === XPolicyPhase.Closed;
  return (
    <div>
      <Breadcrumbs above={[{ label: `${fiscalYearLabel(address.fiscalYear)}の局区X方針`, to: paths.xPolicies(address.fiscalYear) }]} current={data.bureau.name} />
      <h1 className="mt-2 text-std-32B-150">
        {data.bureau.name}のX方針（{fiscalYearLabel(address.fiscalYear)}）
      </h1>
      <Summary detail={data} />
      {data.phase && <StepList label="X方針の段階" steps={X_POLICY_PHASES.map((phase) => ({ key: phase, label: X_POLICY_PHASE_LABELS[phase] }))} current={X_POLICY_PHASES.indexOf(data.phase as XPolicyPhase)} />}
      {data.textsRestricted && (
        <p role="note" aria-label="閲覧の制限" className="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
          <span className="font-bold">作成中の内容は表示されません。</span>
          自己点検の回答、作成中の課題と対応策（下書き）、決裁・差戻しのコメントと公表前の進捗は、{data.bureau.name}の職員と市政変革室だけが閲覧できます。ここには段階と決裁の状況、公表された内容を表示しています。
        </p>
      )}
      <PlanReturnedNote detail={data} />
      {!data.started ? (
        <p className="mt-8 text-std-16N-170">{fiscalYearLabel(address.fiscalYear)}のX方針はまだ開始されていません。市政変革室が開始すると、自己点検に回答できるようになります。</p>
      ) : (
        <>
          {/* Once published, what was published and its progress come first; the self-inspection behind it stays readable. */}
          <PublicationSection detail={data} address={address} />
          <SelfInspectionSection detail={data} address={draftAddress('self-inspection', baseVersion)} save={actions.saveSelfInspection} baseVersion={baseVersion} />
          {!published && <IssuesSection detail={data} address={draftAddress('issues', baseVersion)} save={actions.saveIssues} baseVersion={baseVersion} />}
          <PlanApprovalSection detail={data} actions={actions} baseVersion={baseVersion} />
          <PlanVersions detail={data} />
          <XPolicyHistory address={address} detail={data} />
        </>
      )}
    </div>
  );
}

function Summary({ detail }: { detail: XPolicyDetail }) {
  return (
    <>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-std-16N-170">
        <dt className="font-bold">段階</dt>
        <dd>{detail.phaseLabel}</dd>
        {detail.pendingStep && (
          <>
            <dt className="font-bold">決裁待ち</dt>
            <dd>{detail.pendingStep}</dd>
          </>
        )}
        {detail.deadline && (
          <>
            <dt className="font-bold">{detail.deadline.label}の期限</dt>
            <dd>
              <DeadlineText deadline={detail.deadline} />
            </dd>
          </>
        )}
        <dt className="font-bold">公表</dt>
        <dd>{detail.publishedAt ? <TokyoDateTime instant={detail.publishedAt} /> : '未公表'}</dd>
        {detail.publishedAt && (
          <>
            <dt className="font-bold">公表した内容</dt>
            <dd>
              課題 {detail.publishedIssueCount}件・進捗 {detail.publishedProgressCount}件（
              <Link to={paths.publicXPolicies(detail.fiscalYear)} className={TEXT_LINK}>
                公表ページ
              </Link>
              ）
            </dd>
          </>
        )}
      </dl>
      {detail.deadline?.provisional && <p className="mt-1 text-std-16N-170 text-solid-gray-700">{PROVISIONAL_NOTE}</p>}
    </>
  );
}
