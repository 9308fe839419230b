import { fiscalYearLabel } from '@app/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionProblem } from '../actions/action-problem';
import { Breadcrumbs } from '../layout/breadcrumbs';
import { paths } from '../routes/paths';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { useCreateProposal, usePlatinumProject } from './platinum.queries';
import { EMPTY_PROPOSAL, ProposalForm, proposalRequestOf, type ProposalFields } from './proposal-form';

/** /fiscal-years/{fy}/platinum/proposals/new: 起案 by a member of the PT; the proposal's page opens once it is filed. */
export function NewProposalPage() {
  const fiscalYear = useFiscalYearParam();
  useEffect(() => {
    document.title = '提案の起案｜市政変革 ワークフロー';
  }, []);
  if (fiscalYear === undefined) return <p className="text-std-16N-170">年度の指定が正しくありません。アドレスをご確認ください。</p>;
  return <NewProposal fiscalYear={fiscalYear} />;
}

function NewProposal({ fiscalYear }: { fiscalYear: number }) {
  const project = usePlatinumProject(fiscalYear);
  return (
    <>
      <Breadcrumbs above={[{ label: `プラチナ市役所プロジェクト（${fiscalYearLabel(fiscalYear)}）`, to: paths.platinum(fiscalYear) }]} current="提案の起案" />
      <h1 className="mt-2 text-std-32B-150 text-solid-gray-900">提案の起案</h1>
      {project.isPending && <Loading label="プロジェクトを読み込んでいます" />}
      {project.isError && <ErrorNotice error={project.error} onRetry={() => void project.refetch()} />}
      {project.data && !project.data.permitted.createProposal && (
        <section aria-labelledby="no-permission-heading" className="mt-4 rounded-8 border-2 border-solid-gray-420 p-6 text-std-16N-170">
          <h2 id="no-permission-heading" className="text-std-24B-150">
            いまは起案できません
          </h2>
          <p className="mt-2">
            {project.data.formation
              ? '提案を起案できるのは、この年度のPTのメンバーだけです。'
              : 'PTがまだ結成されていません。市政変革室が結成を記録すると、PTのメンバーが起案できるようになります。'}
          </p>
        </section>
      )}
      {project.data?.permitted.createProposal && <NewProposalForm fiscalYear={fiscalYear} />}
    </>
  );
}

function NewProposalForm({ fiscalYear }: { fiscalYear: number }) {
  const navigate = useNavigate();
  const [fields, setFields] = useState<ProposalFields>(EMPTY_PROPOSAL);
  // Checked from the first 起案 on, then as the person types: a message goes as soon as its field is right.
  const [checking, setChecking] = useState(false);
  const checked = proposalRequestOf(fields);
  const localProblems = checking && 'problems' in checked ? checked.problems : {};
  const create = useCreateProposal(fiscalYear, (created) => void navigate(paths.proposal(fiscalYear, created.id)));
  const send = (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    if ('problems' in checked) {
      document.getElementById(`new-proposal-${Object.keys(checked.problems)[0]}`)?.focus();
      return;
    }
    create.run(checked.request);
  };
  return (
    <form onSubmit={send} noValidate aria-labelledby="new-proposal-heading" className="mt-4 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h2 id="new-proposal-heading" className="text-std-20B-150">
        提案の内容
      </h2>
      <p className="mt-1 text-solid-gray-700">起案すると提案に番号が付き、第1版として保存されます。内容はPTのメンバーなら誰でも直せます。PTリーダーが承認するまでは、PTと市政変革室のほかには見えません。</p>
      <div className="mt-4">
        <ProposalForm fiscalYear={fiscalYear} idPrefix="new-proposal" fields={fields} onChange={setFields} localProblems={localProblems} problem={create.problem} />
      </div>
      <ActionProblem problem={create.problem} onRetry={create.retry} />
      <div className="mt-6">
        <button type="submit" className={PRIMARY_BUTTON} disabled={create.pending}>
          起案する
        </button>
      </div>
    </form>
  );
}
