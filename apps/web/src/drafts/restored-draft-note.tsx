import { SECONDARY_BUTTON } from '../ui/button-styles';

/**
 * Said when an editor shows what this browser kept rather than what is saved: typing a save did not
 * take, or typing on a version a newer save has replaced since (`onOlderVersion` says which, in the
 * editor's words).
 */
export function RestoredDraftNote({
  draft,
  onOlderVersion,
}: {
  draft: { readonly restored: boolean; readonly restoredFrom: number | null; readonly dismissNote: () => void; readonly discard: () => void };
  onOlderVersion: (from: number) => string;
}) {
  if (!draft.restored) return null;
  return (
    <div role="status" className="mt-2 rounded-8 border-2 border-blue-900 bg-blue-50 p-3 text-std-16N-170">
      <p>
        <span aria-hidden="true">● </span>
        {draft.restoredFrom === null ? '保存していない入力内容を、このブラウザに残っていた控えから復元しました。内容を確認して保存してください。' : onOlderVersion(draft.restoredFrom)}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={SECONDARY_BUTTON} onClick={draft.dismissNote}>
          このまま編集を続ける
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={draft.discard}>
          控えを破棄して保存済みの内容に戻す
        </button>
      </div>
    </div>
  );
}
