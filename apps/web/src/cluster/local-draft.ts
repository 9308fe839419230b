import { useCallback, useEffect, useState } from 'react';

export interface DraftText {
  readonly title: string;
  readonly body: string;
}

/** Whose draft of which report, written on top of which saved version: a draft never lands on another's base. */
export interface DraftAddress {
  readonly userId: string;
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly kind: string;
  readonly baseVersion: number;
}

const PREFIX = 'reform-draft';
export const draftStorageKey = (address: DraftAddress) =>
  [PREFIX, address.userId, address.fiscalYear, address.clusterNo, address.kind, `v${address.baseVersion}`].join(':');

function read(key: string): DraftText | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (stored && typeof stored === 'object' && typeof (stored as DraftText).title === 'string' && typeof (stored as DraftText).body === 'string') {
      return { title: (stored as DraftText).title, body: (stored as DraftText).body };
    }
  } catch {
    // Unreadable (storage off, or not ours): as if nothing were kept.
  }
  return null;
}

/**
 * The draft as typed, kept in this browser until a 保存 succeeds, so a failed save, a reload or a
 * closed tab loses nothing. `restored` says the text came from here rather than from the server.
 */
export function useLocalDraft(address: DraftAddress, saved: DraftText) {
  const key = draftStorageKey(address);
  const [kept] = useState(() => read(key));
  const [text, setText] = useState<DraftText>(kept ?? saved);
  const [restored, setRestored] = useState(kept !== null && (kept.title !== saved.title || kept.body !== saved.body));

  useEffect(() => {
    if (text.title === saved.title && text.body === saved.body) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(text));
  }, [key, text, saved.title, saved.body]);

  const discard = useCallback(() => {
    localStorage.removeItem(key);
    setText(saved);
    setRestored(false);
  }, [key, saved]);

  return { text, setText, restored, discard, dismissNote: () => setRestored(false) };
}

/** After a successful 保存: what was kept is on the server now. */
export const forgetDraft = (address: DraftAddress) => localStorage.removeItem(draftStorageKey(address));
