import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ApprovalDocument } from './platinum.queries';

const TONE: Record<string, 'alert' | 'caution' | 'info'> = { RETURNED: 'alert', IN_APPROVAL: 'caution' };

/** Where a document stands on its chain: its state in words, when it was approved, its latest version. */
export function DocumentStatus({ document }: { document: ApprovalDocument }) {
  const latest = document.versions.at(-1);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-std-16N-170">
      <StatusLabel tone={TONE[document.status] ?? 'info'}>{document.statusLabel}</StatusLabel>
      {document.approvedAt && (
        <span>
          承認日時：<TokyoDateTime instant={document.approvedAt} />
        </span>
      )}
      {latest && (
        <span className="text-solid-gray-700">
          最新：第{latest.version}版（{latest.savedBy.name}さん、<TokyoDateTime instant={latest.savedAt} />）
        </span>
      )}
    </div>
  );
}

/** The last 差戻し while the document is returned: who, when and, for those who may read it, why. */
export function ReturnNote({ document }: { document: ApprovalDocument }) {
  const note = document.lastReturn;
  if (!note || document.status !== 'RETURNED') return null;
  return (
    <div className="mt-4 rounded-8 border-2 border-error-2 bg-red-50 p-4 text-std-16N-170" role="note" aria-label="差戻しの理由">
      <p className="font-bold">
        <span aria-hidden="true">⚠ </span>
        {note.stepLabel}（{note.by.name}さん）から差戻しがありました（<TokyoDateTime instant={note.at} />）
      </p>
      {note.comment !== null && <p className="mt-1 whitespace-pre-wrap break-words">{note.comment}</p>}
    </div>
  );
}

/** Said plainly to whoever may not read the drafts: what is withheld, and what is shown instead. */
export function RestrictedNote({ children }: { children: string }) {
  return (
    <p role="note" aria-label="閲覧の制限" className="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
      <span className="font-bold">下書きは表示されません。</span>
      {children}
    </p>
  );
}
