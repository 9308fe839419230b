import { fiscalYearLabel, PROPOSAL_PHASE_LABELS, ProposalPhase } from '@app/domain';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { Breadcrumbs } from '../layout/breadcrumbs';
import { NotFoundPage } from '../pages/not-found-page';
import { paths } from '../routes/paths';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { decisionFieldsOf } from './decision-editor';
import { DecisionSection } from './decision-section';
import { OwedTable } from './owed-table';
import { PhaseStepper } from './phase-stepper';
import { type ProposalAddress, type ProposalDetail, useProposal, useProposalActions } from './platinum.queries';
import { PoliciesSection } from './policies-section';
import { proposalFieldsOf } from './proposal-form';
import { ProposalHistory } from './proposal-history';
import { ProposalOfficeActions } from './proposal-office-actions';
import { ProposalSection } from './proposal-section';
import { proposalStateText } from './proposal-state';
import { useVersionedDraft } from './use-versioned-draft';

const PROPOSAL_PATH = [ProposalPhase.Drafting, ProposalPhase.Submitted, ProposalPhase.BureauReview, ProposalPhase.ResponsePolicy, ProposalPhase.Closed];
const wholeNumber = (text: string | undefined) => (text && /^\d{1,9}$/.test(text) ? Number(text) : null);

/** /fiscal-years/{fy}/platinum/proposals/{id}: one proposal from its draft to the last response policy, on one page. */
export function ProposalPage() {
  const params = useParams();
  const fiscalYear = wholeNumber(params.fy);
  const id = wholeNumber(params.id);
  if (fiscalYear === null || id === null || id < 1) return <NotFoundPage />;
  return <ProposalPageOf key={`${fiscalYear}/${id}`} proposal={{ fiscalYear, id }} />;
}

function ProposalPageOf({ proposal }: { proposal: ProposalAddress }) {
  const detail = useProposal(proposal);
  useEffect(() => {
    const title = detail.data?.title ? `提案 No.${proposal.id} ${detail.data.title}` : `提案 No.${proposal.id}`;
    document.title = `${title}｜市政変革 ワークフロー`;
  }, [proposal.id, detail.data?.title]);
  return (
    <div lang="ja">
      <Breadcrumbs above={[{ label: `プラチナ市役所プロジェクト（${fiscalYearLabel(proposal.fiscalYear)}）`, to: paths.platinum(proposal.fiscalYear) }]} current={`提案 No.${proposal.id}`} />
      {detail.isPending && <Loading label="提案を読み込んでいます" />}
      {detail.isError && <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <ProposalBody proposal={proposal} detail={detail.data} />}
    </div>
  );
}

function ProposalBody({ proposal, detail }: { proposal: ProposalAddress; detail: ProposalDetail }) {
  const proposalDraft = useVersionedDraft(proposalFieldsOf(detail.content), detail.proposalDocument.versions.at(-1)?.version ?? 0);
  const decisionDraft = useVersionedDraft(decisionFieldsOf(detail.decision), detail.decisionDocument.versions.at(-1)?.version ?? 0);
  const latestOf = (saved: ProposalDetail, document: 'proposalDocument' | 'decisionDocument') => saved[document].versions.at(-1)?.version ?? 0;
  const actions = useProposalActions(proposal, {
    proposal: (saved) => proposalDraft.saved(latestOf(saved, 'proposalDocument')),
    decision: (saved) => decisionDraft.saved(latestOf(saved, 'decisionDocument')),
  });
  const phase = detail.phase as ProposalPhase;
  return (
    <>
      <h1 className="mt-2 text-std-32B-150">
        提案 No.{detail.id}
        {detail.title ? ` ${detail.title}` : ''}
      </h1>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170">
        <dt className="font-bold">年度</dt>
        <dd>{fiscalYearLabel(detail.fiscalYear)}</dd>
        <dt className="font-bold">段階</dt>
        <dd>
          {detail.phaseLabel}（{proposalStateText(detail)}）
        </dd>
        <dt className="font-bold">起案</dt>
        <dd>{detail.createdBy.name}さん</dd>
        <dt className="font-bold">制度所管局</dt>
        <dd>{detail.owningBureau?.name ?? '未割当て'}</dd>
        <dt className="font-bold">関係局</dt>
        <dd>{detail.concernedBureaus.length > 0 ? detail.concernedBureaus.map((bureau) => bureau.name).join('、') : '未割当て'}</dd>
        <dt className="font-bold">結論</dt>
        <dd>{detail.decisionOutcomeLabel ?? '未決'}</dd>
        <dt className="font-bold">最終更新</dt>
        <dd>
          <TokyoDateTime instant={detail.updatedAt} />
        </dd>
      </dl>
      {phase === ProposalPhase.Withdrawn ? (
        <div className="mt-4 rounded-8 border-2 border-solid-gray-536 p-4 text-std-16N-170" role="note" aria-label="取下げ">
          <p className="font-bold">段階：取下げ（この提案は取り下げられました）</p>
          {detail.withdrawal && (
            <p className="mt-1">
              <TokyoDateTime instant={detail.withdrawal.at} />　{detail.withdrawal.by.name}さん　理由：{detail.withdrawal.reason}
            </p>
          )}
        </div>
      ) : (
        <PhaseStepper label="提案の段階" path={PROPOSAL_PATH} labels={PROPOSAL_PHASE_LABELS} current={phase} />
      )}
      {detail.owed.length > 0 && (
        <section aria-labelledby="proposal-owed-heading" className="mt-8">
          <h2 id="proposal-owed-heading" className="text-std-24B-150">
            誰が何をいつまでに
          </h2>
          <OwedTable fiscalYear={proposal.fiscalYear} items={detail.owed} caption="この提案で、誰が何をいつまでに" withProposal={false} />
        </section>
      )}
      <ProposalOfficeActions detail={detail} actions={actions} />
      <ProposalSection proposal={proposal} detail={detail} actions={actions} draft={proposalDraft} />
      <DecisionSection proposal={proposal} detail={detail} actions={actions} draft={decisionDraft} />
      <PoliciesSection detail={detail} actions={actions} />
      <ProposalHistory proposal={proposal} />
    </>
  );
}
