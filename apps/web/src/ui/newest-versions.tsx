import { useState } from 'react';
import { SECONDARY_BUTTON } from './button-styles';

/** Versions a table shows before the older ones are asked for: a document saved fifty times still fits the screen. */
export const NEWEST_VERSIONS_SHOWN = 10;

/** The versions newest first, the newest few at first and all once asked for. */
export function useNewestVersions<Version>(oldestFirst: readonly Version[]) {
  const [all, setAll] = useState(false);
  const newestFirst = [...oldestFirst].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, NEWEST_VERSIONS_SHOWN);
  return { shown, hidden: newestFirst.length - shown.length, showAll: () => setAll(true) };
}

/** Shown under a table while older versions are left out. */
export function OlderVersionsButton({ hidden, onShow }: { hidden: number; onShow: () => void }) {
  if (hidden === 0) return null;
  return (
    <button type="button" className={`mt-2 ${SECONDARY_BUTTON}`} onClick={onShow}>
      古い版も表示（あと{hidden}版）
    </button>
  );
}
