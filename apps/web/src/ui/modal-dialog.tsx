import { type ReactNode, useEffect, useRef } from 'react';
import { SECONDARY_BUTTON } from './button-styles';

/**
 * A native <dialog> opened with showModal(), which traps focus and closes on Esc; whoever opened it
 * gets focus back through `onClose`, which the opener uses to refocus its button.
 */
export function ModalDialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const titleId = `dialog-${title.replace(/\s+/g, '-')}`;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-8 border border-solid-gray-420 p-6 text-std-16N-170 backdrop:bg-solid-gray-900/50"
    >
      {open && (
        <>
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-std-24B-150 text-solid-gray-900">
              {title}
            </h2>
            <button type="button" className={SECONDARY_BUTTON} onClick={() => dialog.current?.close()}>
              閉じる
            </button>
          </div>
          <div className="mt-4">{children}</div>
        </>
      )}
    </dialog>
  );
}
