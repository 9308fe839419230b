import { fiscalYearLabel, fiscalYearOfDay, tokyoDate } from '@app/domain';
import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { isApiProblem } from '../api/api-problem';
import { paths } from '../routes/paths';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import { ErrorNotice } from '../ui/error-notice';
import { TEXT_LINK } from '../ui/link-styles';
import { Loading } from '../ui/loading';
import { TokyoDate } from '../ui/tokyo-date-time';
import { IssueView } from '../x-policies/issue-view';
import { PublishedProgressList } from '../x-policies/published-progress-list';
import { usePublishedXPolicies } from '../x-policies/x-policies.queries';
import { PublicShell } from './public-shell';

/** /public/x-policies: this fiscal year's published X policies. */
export function CurrentPublicXPolicies() {
  return <Navigate to={paths.publicXPolicies(fiscalYearOfDay(tokyoDate(new Date())))} replace />;
}

/**
 * /public/fiscal-years/{fy}/x-policies: what the bureaus published, for anyone, without logging in:
 * exactly what the public API gives, each issue with its response, schedule and published progress,
 * each with the day it was published.
 */
export function PublicXPoliciesPage() {
  const fiscalYear = useFiscalYearParam();
  useEffect(() => {
    document.title = `局区X方針${fiscalYear ? `（${fiscalYearLabel(fiscalYear)}）` : ''}｜北九州市 市政変革`;
  }, [fiscalYear]);
  return <PublicShell>{fiscalYear === undefined ? <p className="text-std-16N-170">年度の指定が正しくありません。アドレスをご確認ください。</p> : <PublishedOfYear fiscalYear={fiscalYear} />}</PublicShell>;
}

function PublishedOfYear({ fiscalYear }: { fiscalYear: number }) {
  const published = usePublishedXPolicies(fiscalYear);
  // A year the city has not set up yet has published nothing: the public is told so, not shown an error.
  const yearUnknown = isApiProblem(published.error) && published.error.problem.code === 'fiscal-year.unknown';
  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">局区X方針（{fiscalYearLabel(fiscalYear)}）</h1>
      <p className="mt-2 text-std-16N-170">
        北九州市の各局・区が、自らの仕事の進め方を点検して定めた変革課題と対応策、その後の進捗を公表しています。それぞれに公表した日を記しています。
      </p>
      {published.isPending && <Loading label="公表された局区X方針を読み込んでいます" />}
      {published.isError && !yearUnknown && <ErrorNotice error={published.error} onRetry={() => void published.refetch()} />}
      {(yearUnknown || published.data?.items.length === 0) && <p className="mt-6 text-std-16N-170">{fiscalYearLabel(fiscalYear)}の局区X方針は、まだ公表されていません。</p>}
      {published.data && published.data.items.length > 0 && (
        <>
          <nav aria-labelledby="published-bureaus-heading" className="mt-6 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
            <h2 id="published-bureaus-heading" className="text-std-18B-160">
              公表している局・区（{published.data.items.length}）
            </h2>
            <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
              {published.data.items.map((policy) => (
                <li key={policy.bureau.code}>
                  <a href={`#bureau-${policy.bureau.code}`} className={TEXT_LINK}>
                    {policy.bureau.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {published.data.items.map((policy) => (
            <section key={policy.bureau.code} id={`bureau-${policy.bureau.code}`} aria-labelledby={`bureau-${policy.bureau.code}-heading`} className="mt-10 text-std-16N-170" data-testid="published-x-policy">
              <h2 id={`bureau-${policy.bureau.code}-heading`} className="text-std-24B-150 text-solid-gray-900">
                {policy.bureau.name}
              </h2>
              <p className="mt-1">
                課題と対応策の公表：<TokyoDate instant={policy.publishedAt} />
              </p>
              <div className="mt-3 flex flex-col gap-4">
                {policy.issues.map((issue, index) => (
                  <IssueView key={issue.id} idPrefix={`bureau-${policy.bureau.code}-issue`} issue={issue} index={index}>
                    <section aria-labelledby={`bureau-${policy.bureau.code}-${issue.id}-progress`} className="mt-4 border-t border-solid-gray-420 pt-3">
                      <h4 id={`bureau-${policy.bureau.code}-${issue.id}-progress`} className="text-std-18B-160">
                        進捗<span className="sr-only">（{policy.bureau.name} 課題{index + 1}）</span>
                      </h4>
                      <PublishedProgressList label={`${policy.bureau.name} 課題${index + 1}の進捗`} entries={issue.progress} />
                    </section>
                  </IssueView>
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </>
  );
}
