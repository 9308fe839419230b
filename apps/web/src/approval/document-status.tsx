import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';

/** What the status line of a document on a 決裁 chain shows: a cluster's report, a proposal, a decision. */
export interface DocumentStanding {
  readonly status: string;
  readonly statusLabel: string;
  readonly approvedAt?: string | null;
  readonly versions: readonly { readonly version: number; readonly savedBy: { readonly name: string }; readonly savedAt: string }[];
  readonly lastReturn?: { readonly stepLabel: string; readonly by: { readonly name: string }; readonly at: string; readonly comment: string | null } | null;
}

const TONE: Record<string, 'alert' | 'caution' | 'info'> = { RETURNED: 'alert', IN_APPROVAL: 'caution' };

/** How a 決裁 state is marked: 差戻し as an alert, 決裁中 as a caution, the rest as information. */
export function approvalTone(status: string): 'alert' | 'caution' | 'info' {
  return TONE[status] ?? 'info';
}

/** Where a document stands on its chain: its state in words, when it was approved, its latest version. */
export function DocumentStatus({ document, className = 'mt-2' }: { document: DocumentStanding; className?: string }) {
  const latest = document.versions.at(-1);
  return (
    <div className={`${className} flex flex-wrap items-center gap-3 text-std-16N-170`}>
      <StatusLabel tone={approvalTone(document.status)}>{document.statusLabel}</StatusLabel>
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
export function ReturnNote({ document }: { document: DocumentStanding }) {
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
