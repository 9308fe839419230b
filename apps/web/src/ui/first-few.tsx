import type { ReactNode } from 'react';
import { useState } from 'react';
import { SECONDARY_BUTTON } from './button-styles';

/** A long list's first few items at first, and all of them once asked for: a card or a table still fits the screen. */
export function useFirstFew<Item>(items: readonly Item[], few: number) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, few);
  return { shown, hidden: items.length - shown.length, showAll: () => setAll(true) };
}

/** Under a list while some of it is left out; says how much. */
export function ShowAllButton({ hidden, onShow, children }: { hidden: number; onShow: () => void; children: ReactNode }) {
  if (hidden === 0) return null;
  return (
    <button type="button" className={`mt-2 ${SECONDARY_BUTTON}`} onClick={onShow}>
      {children}
    </button>
  );
}
