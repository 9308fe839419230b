import { useCallback, useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A draft typed on top of one saved version. While nothing is typed it follows the latest version; once
 * someone else saves a newer one under an edit (the save is refused with 412), the typed text is kept
 * and `overtakenBy` names the newer version until the person chooses: go on from it, or take it instead.
 */
export function useVersionedDraft<T>(saved: T, savedVersion: number) {
  const [draft, setDraft] = useState({ base: savedVersion, start: saved, text: saved });
  const edited = !same(draft.text, draft.start);
  if (!edited && (draft.base !== savedVersion || !same(draft.start, saved))) {
    // Nothing typed: simply show the newest version (also right after one's own save).
    setDraft({ base: savedVersion, start: saved, text: saved });
  }
  const setText = useCallback((text: T) => setDraft((old) => ({ ...old, text })), []);
  return {
    text: draft.text,
    setText,
    /** The version the next save is written on, sent as If-Match. */
    base: draft.base,
    edited,
    overtakenBy: edited && savedVersion > draft.base ? savedVersion : null,
    /** Keep what was typed, to be saved on top of the newer version. */
    goOnFromLatest: () => setDraft((old) => ({ ...old, base: savedVersion, start: saved })),
    /** Drop what was typed for the newer version. */
    takeLatest: () => setDraft({ base: savedVersion, start: saved, text: saved }),
    /** After one's own save: what was typed is now that version. */
    saved: (version: number) => setDraft((old) => ({ base: version, start: old.text, text: old.text })),
  };
}
