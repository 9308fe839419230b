import { OlderVersionsButton, useNewestVersions } from '../ui/newest-versions';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { XPolicyDetail } from './x-policies.queries';

/** 保存された版: each save of the plan (either part) made a version; which one is in approval or published. */
export function PlanVersions({ detail }: { detail: XPolicyDetail }) {
  const versions = detail.plan?.versions ?? [];
  const inApproval = detail.plan?.status === 'IN_APPROVAL' ? detail.plan.submission?.version : undefined;
  const newest = useNewestVersions(versions);
  return (
    <section aria-labelledby="plan-versions-heading" className="mt-8">
      <h2 id="plan-versions-heading" className="text-std-24B-150">
        保存された版
      </h2>
      {versions.length === 0 ? (
        <p className="mt-2">保存された版はまだありません。</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left text-std-16N-170">
          <caption className="sr-only">X方針の保存された版（新しい順）</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-420">
              <th scope="col" className="py-2 pr-4">版</th>
              <th scope="col" className="py-2 pr-4">保存した人</th>
              <th scope="col" className="py-2 pr-4">保存日時</th>
              <th scope="col" className="py-2">状態</th>
            </tr>
          </thead>
          <tbody>
            {newest.shown.map((version) => (
              <tr key={version.version} className="border-b border-solid-gray-420">
                <td className="py-2 pr-4">第{version.version}版</td>
                <td className="py-2 pr-4">{version.savedBy.name}</td>
                <td className="py-2 pr-4">
                  <TokyoDateTime instant={version.savedAt} />
                </td>
                <td className="py-2">
                  {detail.publication?.version === version.version && <StatusLabel tone="info">公表した版</StatusLabel>}
                  {inApproval === version.version && <StatusLabel tone="caution">決裁中の版</StatusLabel>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OlderVersionsButton hidden={newest.hidden} onShow={newest.showAll} />
    </section>
  );
}
