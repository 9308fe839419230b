import { ShowAllButton, useFirstFew } from './first-few';

/** Versions a table shows before the older ones are asked for: a document saved fifty times still fits the screen. */
const NEWEST_VERSIONS_SHOWN = 10;

/** Saved versions, newest first: the newest few at first, all once asked for. */
export function useNewestVersions<Version>(oldestFirst: readonly Version[]) {
  return useFirstFew([...oldestFirst].reverse(), NEWEST_VERSIONS_SHOWN);
}

/** Shown under a table of versions while older ones are left out. */
export function OlderVersionsButton({ hidden, onShow }: { hidden: number; onShow: () => void }) {
  return (
    <ShowAllButton hidden={hidden} onShow={onShow}>
      古い版も表示（あと{hidden}版）
    </ShowAllButton>
  );
}
