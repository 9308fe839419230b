import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { TEXT_LINK } from '../ui/link-styles';
import type { ClusterDetail } from './cluster.queries';

/** The Platinum proposals and the published X-policy issues that name this cluster, each linked to its page: the programme's other work on it. */
export function LinkedWorkSection({ detail }: { detail: ClusterDetail }) {
  const proposals = detail.linkedProposals;
  const issues = detail.linkedXPolicyIssues;
  return (
    <section aria-labelledby="linked-work-heading" className="mt-8">
      <h2 id="linked-work-heading" className="text-std-24B-150">
        関連する提案・X方針
      </h2>
      <div className="mt-2 grid gap-6 text-std-16N-170 md:grid-cols-2">
        <div>
          <h3 className="text-std-20B-150">プラチナ市役所プロジェクトの提案</h3>
          {proposals.length === 0 ? (
            <p className="mt-1">この事業群に関連する提案はありません。</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-1" aria-label="関連する提案">
              {proposals.map((proposal) => (
                <li key={proposal.id}>
                  <Link to={paths.proposal(detail.fiscalYear, proposal.id)} className={TEXT_LINK}>
                    提案 No.{proposal.id}
                    {proposal.title ? ` ${proposal.title}` : ''}
                  </Link>
                  <span className="text-solid-gray-700">（{proposal.phaseLabel}）</span>
                  {!proposal.title && <span className="block text-solid-gray-700">件名はPTリーダーの承認後に表示されます。</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-std-20B-150">局区X方針の課題（公表済み）</h3>
          {issues.length === 0 ? (
            <p className="mt-1">この事業群に関連する、公表されたX方針の課題はありません。</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-1" aria-label="関連するX方針の課題">
              {issues.map((issue) => (
                <li key={`${issue.bureauCode}/${issue.issueId}`}>
                  <Link to={paths.xPolicy(detail.fiscalYear, issue.bureauCode)} className={TEXT_LINK}>
                    {issue.bureauName}のX方針
                  </Link>
                  ：{issue.title}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
