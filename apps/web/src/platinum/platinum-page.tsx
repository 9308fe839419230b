import { fiscalYearLabel, PLATINUM_PHASE_LABELS, PlatinumPhase } from '@app/domain';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { OwedTable } from './owed-table';
import { PhaseStepper } from './phase-stepper';
import { usePlatinumProject } from './platinum.queries';
import { ProjectDeadlinesSection } from './project-deadlines-section';
import { ProjectOfficeActions } from './project-office-actions';
import { ProposalBoard } from './proposal-board';
import { ProposalCounts } from './proposal-counts';
import { TeamSection } from './team-section';

const PROJECT_PATH = Object.values(PlatinumPhase);

/** /fiscal-years/{fy}/platinum: the year's プラチナ市役所プロジェクト, its team, proposals and who owes what, for everyone. */
export function PlatinumPage() {
  const fiscalYear = useFiscalYearParam();
  const title = fiscalYear === undefined ? 'プラチナ市役所プロジェクト' : `プラチナ市役所プロジェクト（${fiscalYearLabel(fiscalYear)}）`;
  useEffect(() => {
    document.title = `${title}｜市政変革 ワークフロー`;
  }, [title]);
  if (fiscalYear === undefined) return <p className="text-std-16N-170">年度の指定が正しくありません。アドレスをご確認ください。</p>;
  return <ProjectOfYear key={fiscalYear} fiscalYear={fiscalYear} title={title} />;
}

function ProjectOfYear({ fiscalYear, title }: { fiscalYear: number; title: string }) {
  const project = usePlatinumProject(fiscalYear);
  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">{title}</h1>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">
        PT（プロジェクトチーム）が市役所の制度・規程の課題を提案し、制度所管局が採用・一部採用・不採用を決め、関係局長が対応方針を述べます。
      </p>
      {project.isPending && <Loading label="プロジェクトを読み込んでいます" />}
      {project.isError && <ErrorNotice error={project.error} onRetry={() => void project.refetch()} />}
      {project.data && (
        <>
          <PhaseStepper label="プロジェクトの段階" path={PROJECT_PATH} labels={PLATINUM_PHASE_LABELS} current={project.data.phase as PlatinumPhase} />
          {project.data.permitted.createProposal && (
            <div className="mt-6 flex flex-wrap items-center gap-4 rounded-8 border-2 border-blue-900 bg-blue-50 p-4 text-std-16N-170">
              <p>あなたはPTのメンバーです。市役所の制度・規程の課題を提案として起案できます。</p>
              <Link to={paths.newProposal(fiscalYear)} className={PRIMARY_BUTTON}>
                起案
              </Link>
            </div>
          )}
          <ProjectOfficeActions project={project.data} />
          <div className="mt-8 grid gap-6 lg:grid-cols-2">
            <TeamSection project={project.data} />
            <ProjectDeadlinesSection project={project.data} />
          </div>
          <ProposalCounts project={project.data} />
          <section aria-labelledby="owed-heading" className="mt-8">
            <h2 id="owed-heading" className="text-std-24B-150 text-solid-gray-900">
              誰が何をいつまでに（{project.data.owed.length}件）
            </h2>
            {project.data.owed.length === 0 ? (
              <p className="mt-2 text-std-16N-170">いま対応を待っている提案はありません。</p>
            ) : (
              <OwedTable fiscalYear={fiscalYear} items={project.data.owed} caption="提案ごとの、誰が何をいつまでに" withProposal />
            )}
          </section>
          <ProposalBoard fiscalYear={fiscalYear} />
        </>
      )}
    </>
  );
}
