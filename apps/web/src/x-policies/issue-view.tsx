import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TEXT_LINK } from '../ui/link-styles';

interface Issue {
  readonly id: string;
  readonly title: string;
  readonly response: string;
  readonly schedule: string;
  readonly clusterNos: readonly number[];
}

/**
 * One reform issue as it reads: 課題, 対応策, スケジュール and the clusters it concerns. On the staff's
 * pages each cluster links to its page; the public page names them only. `children` is what follows
 * the issue (its progress).
 */
export function IssueView({
  idPrefix,
  issue,
  index,
  clusterHref,
  children,
}: {
  /** Unique on the page: the public page lists every bureau's issues, and two bureaus may use the same issue id. */
  idPrefix: string;
  issue: Issue;
  index: number;
  clusterHref?: (no: number) => string;
  children?: ReactNode;
}) {
  const headingId = `${idPrefix}-${issue.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h3 id={headingId} className="text-std-20B-150">
        課題{index + 1}：{issue.title}
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
        <dt className="font-bold">対応策</dt>
        <dd className="whitespace-pre-wrap break-words">{issue.response || '（記入なし）'}</dd>
        <dt className="font-bold">スケジュール</dt>
        <dd className="whitespace-pre-wrap break-words">{issue.schedule || '（記入なし）'}</dd>
        <dt className="font-bold">関係する事業群</dt>
        <dd>
          {issue.clusterNos.length === 0 ? (
            'なし'
          ) : (
            <ul className="flex flex-wrap gap-x-3" aria-label={`課題${index + 1}に関係する事業群`}>
              {issue.clusterNos.map((no) => (
                <li key={no}>
                  {clusterHref ? (
                    <Link to={clusterHref(no)} className={TEXT_LINK}>
                      No.{no}
                    </Link>
                  ) : (
                    `No.${no}`
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {children}
    </article>
  );
}
