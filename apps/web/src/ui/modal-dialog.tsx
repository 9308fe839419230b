import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { SECONDARY_BUTTON } from './button-styles';

/** Opens a native <dialog> as modal (the browser traps focus, Esc closes) and gives focus back to what opened it. */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => {
      setOpen(false);
      opener.current?.focus();
    };
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, []);
  return {
    ref,
    isOpen,
    open: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(true);
      ref.current?.showModal();
    },
    close: () => ref.current?.close(),
  };
}

export type ModalDialogControl = ReturnType<typeof useModalDialog>;

/** A titled dialog with a form; its content is drawn only while open, so every opening starts afresh. */
export function ModalDialog({
  control,
  title,
  children,
}: {
  control: { ref: RefObject<HTMLDialogElement | null>; isOpen: boolean; close: () => void };
  title: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <dialog
      ref={control.ref}
      aria-labelledby={titleId}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-8 border border-solid-gray-420 bg-white p-6 text-std-16N-170 text-solid-gray-900 backdrop:bg-black/50"
    >
      {control.isOpen && (
        <>
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-std-20B-150">
              {title}
            </h2>
            <button type="button" className={SECONDARY_BUTTON} onClick={control.close}>
              閉じる
            </button>
          </div>
          <div className="mt-4">{children}</div>
        </>
      )}
    </dialog>
  );
}

/** A dialog closes once its action has taken effect; a refusal keeps it open, with the reason. */
export function useCloseWhenDone(action: { succeeded: boolean; reset: () => void }, close: () => void) {
  const { succeeded, reset } = action;
  useEffect(() => {
    if (!succeeded) return;
    close();
    reset();
  }, [succeeded, reset, close]);
}
