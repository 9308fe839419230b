import { paths } from '../routes/paths';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { IssueProgress } from './issue-progress';
import { IssueView } from './issue-view';
import type { XPolicyAddress, XPolicyDetail } from './x-policies.queries';

/** 公表した課題と対応策: the plan as published, each issue with its progress; what anyone may read. */
export function PublicationSection({ detail, address }: { detail: XPolicyDetail; address: XPolicyAddress }) {
  const publication = detail.publication;
  if (!publication) return null;
  return (
    <section aria-labelledby="publication-heading" className="mt-8">
      <h2 id="publication-heading" className="text-std-24B-150">
        公表した課題と対応策
      </h2>
      <p className="mt-2">
        第{publication.version}版を <TokyoDateTime instant={publication.publishedAt} /> に公表しました（課題 {publication.issues.length}件）。
      </p>
      <div className="mt-3 flex flex-col gap-4">
        {publication.issues.map((issue, index) => (
          <IssueView key={issue.id} idPrefix="published-issue" issue={issue} index={index} clusterHref={(no) => paths.cluster(detail.fiscalYear, no)}>
            <IssueProgress detail={detail} address={address} issue={issue} index={index} />
          </IssueView>
        ))}
      </div>
    </section>
  );
}
