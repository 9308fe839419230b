import type { ReactNode } from 'react';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ApprovalDocument } from './platinum.queries';

/**
 * Someone saved a newer version while this person was typing (their save was refused with 412): what
 * they typed is kept, the newer version is there to read, and they choose what to save on top of it.
 */
export function OvertakenNote({
  document,
  base,
  latest,
  onGoOn,
  onTakeLatest,
  children,
}: {
  document: ApprovalDocument;
  base: number;
  latest: number;
  onGoOn: () => void;
  onTakeLatest: () => void;
  children: ReactNode;
}) {
  const newer = document.versions.find((version) => version.version === latest);
  return (
    <div role="status" className="mt-3 rounded-8 border-2 border-blue-900 bg-blue-50 p-3 text-std-16N-170">
      <p>
        <span aria-hidden="true">● </span>
        第{base}版をもとに編集している間に、{newer ? `${newer.savedBy.name}さんが` : ''}第{latest}版を保存しました
        {newer && (
          <>
            （<TokyoDateTime instant={newer.savedAt} />）
          </>
        )}
        。あなたの入力内容はこのまま残しています。第{latest}版の内容を確かめてから、どちらにするか選んでください。
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline underline-offset-4">第{latest}版の内容を見る</summary>
        <div className="mt-2 rounded-8 border border-solid-gray-420 bg-white p-3">{children}</div>
      </details>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={SECONDARY_BUTTON} onClick={onGoOn}>
          入力内容を第{latest + 1}版として保存できるようにする
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onTakeLatest}>
          入力内容を破棄して第{latest}版を開く
        </button>
      </div>
    </div>
  );
}
