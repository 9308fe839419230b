import { useState } from 'react';
import { ErrorNotice } from '../ui/error-notice';
import { TEXT_LINK } from '../ui/link-styles';
import { Loading } from '../ui/loading';
import { OlderVersionsButton, useNewestVersions } from '../ui/newest-versions';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { type ClusterAddress, type ReportView, useReportVersion } from './cluster.queries';
import { textDiff } from './text-diff';

/** The saved versions: each readable, and what changed between any two. */
export function VersionHistory({ cluster, report }: { cluster: ClusterAddress; report: ReportView }) {
  const versions = report.versions;
  const last = versions.at(-1)?.version ?? null;
  const [reading, setReading] = useState<number | null>(null);
  const [from, setFrom] = useState<number | null>(versions.length >= 2 ? versions[versions.length - 2].version : null);
  const [to, setTo] = useState<number | null>(last);
  const idPrefix = `versions-${report.kind}`;
  const newest = useNewestVersions(versions);
  if (versions.length === 0) return <p className="mt-2 text-std-16N-170">保存された版はまだありません。</p>;
  if (report.textsRestricted) {
    return (
      <p className="mt-2 text-std-16N-170">
        第{last}版まで保存されています。各版の件名・本文は閲覧できません。
      </p>
    );
  }
  return (
    <div>
      <table className="mt-2 w-full border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{report.label}の保存された版</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-420">
            <th scope="col" className="py-2 pr-4">版</th>
            <th scope="col" className="py-2 pr-4">件名</th>
            <th scope="col" className="py-2 pr-4">保存した人</th>
            <th scope="col" className="py-2 pr-4">保存日時</th>
            <th scope="col" className="py-2"><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {newest.shown.map((version) => (
            <tr key={version.version} className="border-b border-solid-gray-420">
              <td className="py-2 pr-4">第{version.version}版</td>
              <td className="py-2 pr-4">{version.title}{version.empty ? '（本文なし）' : ''}</td>
              <td className="py-2 pr-4">{version.savedBy.name}</td>
              <td className="py-2 pr-4"><TokyoDateTime instant={version.savedAt} /></td>
              <td className="py-2">
                <button
                  type="button"
                  className={TEXT_LINK}
                  aria-expanded={reading === version.version}
                  onClick={() => setReading(reading === version.version ? null : version.version)}
                >
                  {reading === version.version ? `第${version.version}版を閉じる` : `第${version.version}版を読む`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OlderVersionsButton hidden={newest.hidden} onShow={newest.showAll} />
      {reading !== null && <VersionText cluster={cluster} kind={report.kind} version={reading} />}
      {versions.length >= 2 && (
        <fieldset className="mt-4 rounded-8 border border-solid-gray-420 p-4">
          <legend className="px-1 text-std-16B-170">版の比較</legend>
          <div className="flex flex-wrap items-end gap-4">
            <label className="flex flex-col" htmlFor={`${idPrefix}-from`}>
              比較元
              <select id={`${idPrefix}-from`} className="mt-1 min-h-10 rounded-8 border border-solid-gray-600 px-2" value={from ?? ''} onChange={(event) => setFrom(Number(event.target.value))}>
                {versions.map((version) => <option key={version.version} value={version.version}>第{version.version}版</option>)}
              </select>
            </label>
            <label className="flex flex-col" htmlFor={`${idPrefix}-to`}>
              比較先
              <select id={`${idPrefix}-to`} className="mt-1 min-h-10 rounded-8 border border-solid-gray-600 px-2" value={to ?? ''} onChange={(event) => setTo(Number(event.target.value))}>
                {versions.map((version) => <option key={version.version} value={version.version}>第{version.version}版</option>)}
              </select>
            </label>
          </div>
          {from !== null && to !== null && <VersionDiff cluster={cluster} kind={report.kind} from={from} to={to} />}
        </fieldset>
      )}
    </div>
  );
}

function VersionText({ cluster, kind, version }: { cluster: ClusterAddress; kind: string; version: number }) {
  const text = useReportVersion(cluster, kind, version);
  if (text.isPending) return <Loading label={`第${version}版を読み込んでいます`} />;
  if (text.isError) return <ErrorNotice error={text.error} onRetry={() => void text.refetch()} />;
  return (
    <article aria-label={`第${version}版の本文`} className="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
      <h4 className="text-std-16B-170">第{version}版：{text.data.title}</h4>
      <p className="mt-2 whitespace-pre-wrap break-words">{text.data.body || '（本文なし）'}</p>
    </article>
  );
}

function VersionDiff({ cluster, kind, from, to }: { cluster: ClusterAddress; kind: string; from: number; to: number }) {
  const before = useReportVersion(cluster, kind, from);
  const after = useReportVersion(cluster, kind, to);
  if (before.isPending || after.isPending) return <Loading label="比較する版を読み込んでいます" />;
  if (before.isError || after.isError) return <ErrorNotice error={before.error ?? after.error} onRetry={() => void Promise.all([before.refetch(), after.refetch()])} />;
  if (from === to) return <p className="mt-4">同じ版が選ばれています。比較元と比較先に別の版を選んでください。</p>;
  return (
    <section aria-label={`第${from}版から第${to}版への変更`} className="mt-4">
      <p className="text-std-16N-170">
        <ins className="rounded-4 bg-green-100 px-1 text-green-1100 underline decoration-2">追加</ins>は第{to}版で加わった文字、
        <del className="rounded-4 bg-red-100 px-1 text-red-1100 line-through decoration-2">削除</del>は第{to}版でなくなった文字です。
      </p>
      <DiffLines label="件名" before={before.data.title} after={after.data.title} />
      <DiffLines label="本文" before={before.data.body} after={after.data.body} />
    </section>
  );
}

function DiffLines({ label, before, after }: { label: string; before: string; after: string }) {
  const parts = textDiff(before, after);
  const unchanged = parts.every((part) => part.kind === 'same');
  return (
    <div className="mt-3">
      <h4 className="text-std-16B-170">{label}{unchanged ? '（変更なし）' : ''}</h4>
      <p className="mt-1 whitespace-pre-wrap break-words rounded-8 border border-solid-gray-420 p-3">
        {parts.map((part, index) =>
          part.kind === 'added' ? (
            <ins key={index} className="bg-green-100 text-green-1100 underline decoration-2">
              <span className="sr-only">［追加：</span>{part.text}<span className="sr-only">］</span>
            </ins>
          ) : part.kind === 'removed' ? (
            <del key={index} className="bg-red-100 text-red-1100 line-through decoration-2">
              <span className="sr-only">［削除：</span>{part.text}<span className="sr-only">］</span>
            </del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
