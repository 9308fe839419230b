import { useEffect, useRef } from 'react';
import { SECONDARY_BUTTON } from './button-styles';

interface PageButtonsProps {
  /** The navigation's accessible name: which list it pages. */
  readonly label: string;
  readonly page: number;
  readonly total: number;
  readonly pageSize: number;
  readonly onPage: (page: number) => void;
  /** What the two buttons say, where the list's order names them better (新しい操作・古い操作). */
  readonly buttons?: { readonly previous: string; readonly next: string };
}

/** 前のページ・次のページ for a list whose page is kept in the screen's own state, not in its address. */
export function PageButtons({ label, page, total, pageSize, onPage, buttons = { previous: '前のページ', next: '次のページ' } }: PageButtonsProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const nav = useRef<HTMLElement>(null);
  // Buttons under a long list: the next page is read from its top, so the list's section comes back into view.
  const turnTo = (next: number) => {
    onPage(next);
    const section = nav.current?.closest('section');
    if (section && section.getBoundingClientRect().top < 0) section.scrollIntoView({ block: 'start' });
  };
  return (
    <nav ref={nav} aria-label={label} className="mt-4 flex items-center gap-4 whitespace-nowrap text-std-16N-170">
      <button type="button" className={SECONDARY_BUTTON} disabled={page <= 1} onClick={() => turnTo(page - 1)}>
        {buttons.previous}
      </button>
      <span>
        {page} / {pages} ページ
      </span>
      <button type="button" className={SECONDARY_BUTTON} disabled={page >= pages} onClick={() => turnTo(page + 1)}>
        {buttons.next}
      </button>
    </nav>
  );
}

/** Back to the last page when the list has shrunk below the one shown (a task done elsewhere, a notice pruned). */
export function useStayWithinPages(page: number, setPage: (page: number) => void, total: number | undefined, pageSize: number): void {
  const last = total === undefined ? page : Math.max(1, Math.ceil(total / pageSize));
  useEffect(() => {
    if (page > last) setPage(last);
  }, [page, last, setPage]);
}
