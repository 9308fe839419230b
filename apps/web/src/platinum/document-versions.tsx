import { OlderVersionsButton, useNewestVersions } from '../ui/newest-versions';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ApprovalDocument } from './platinum.queries';

/** The saved versions of a document on its chain: who saved which, when; titles only for those who may read its drafts. */
export function DocumentVersions({ id, document, approvedTitle }: { id: string; document: ApprovalDocument; approvedTitle: string | null }) {
  const versions = document.versions;
  const approvedVersion = document.status === 'APPROVED' ? versions.at(-1)?.version : undefined;
  // Whoever may not read the drafts still reads the approved version, under the title everyone sees.
  const titleOf = (version: ApprovalDocument['versions'][number]) => version.title ?? (version.version === approvedVersion ? approvedTitle : null);
  const withheld = versions.some((version) => titleOf(version) === null);
  const newest = useNewestVersions(versions);
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        保存された版
      </h3>
      {versions.length === 0 ? (
        <p className="mt-2 text-std-16N-170">保存された版はまだありません。</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left text-std-16N-170">
          <caption className="sr-only">{document.label}の保存された版（新しい順）</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-420">
              <th scope="col" className="py-2 pr-4">版</th>
              <th scope="col" className="py-2 pr-4">件名</th>
              <th scope="col" className="py-2 pr-4">保存した人</th>
              <th scope="col" className="py-2">保存日時</th>
            </tr>
          </thead>
          <tbody>
            {newest.shown.map((version) => (
              <tr key={version.version} className="border-b border-solid-gray-420">
                <td className="py-2 pr-4">第{version.version}版</td>
                <td className="py-2 pr-4">
                  {titleOf(version) ?? <span className="text-solid-gray-700">（表示されません）</span>}
                  {version.version === approvedVersion ? '（承認された版）' : ''}
                  {version.empty ? '（本文なし）' : ''}
                </td>
                <td className="py-2 pr-4">{version.savedBy.name}</td>
                <td className="py-2">
                  <TokyoDateTime instant={version.savedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OlderVersionsButton hidden={newest.hidden} onShow={newest.showAll} />
      {withheld && <p className="mt-2 text-std-16N-170 text-solid-gray-700">承認前の版（下書き）の件名と内容は、作成と決裁に関わる方だけが閲覧できます。</p>}
    </section>
  );
}
