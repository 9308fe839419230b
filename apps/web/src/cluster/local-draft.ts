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
 * A draft kept on an older base: someone saved a newer version meanwhile (the save was refused with
 * 412), so the text is offered again, on top of the newer version, rather than lost.
 */
function keptOnOlderBase(address: DraftAddress): { key: string; text: DraftText; baseVersion: number } | null {
  let found: { key: string; text: DraftText; baseVersion: number } | null = null;
  for (let base = address.baseVersion - 1; base >= 0 && !found; base--) {
    const key = draftStorageKey({ ...address, baseVersion: base });
    const text = read(key);
    if (text) found = { key, text, baseVersion: base };
  }
  return found;
}

/**
 * The draft as typed, kept in this browser until a 保存 succeeds, so a failed save, a reload or a
 * closed tab loses nothing. `restored` says the text came from here rather than from the server;
 * `restoredFrom` names the older version it was typed on, when a newer one was saved meanwhile.
 */
export function useLocalDraft(address: DraftAddress, saved: DraftText) {
  const key = draftStorageKey(address);
  const [kept] = useState(() => {
    const own = read(key);
    if (own) return { text: own, from: null, olderKey: null };
    const older = keptOnOlderBase(address);
    return older ? { text: older.text, from: older.baseVersion, olderKey: older.key } : null;
  });
  const [text, setText] = useState<DraftText>(kept?.text ?? saved);
  const [restored, setRestored] = useState(kept !== null && (kept.text.title !== saved.title || kept.text.body !== saved.body));

  useEffect(() => {
    // The older copy now lives under this version's key; keeping both would offer it twice.
    if (kept?.olderKey) localStorage.removeItem(kept.olderKey);
  }, [kept]);

  useEffect(() => {
    if (text.title === saved.title && text.body === saved.body) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(text));
  }, [key, text, saved.title, saved.body]);

  const discard = useCallback(() => {
    localStorage.removeItem(key);
    setText(saved);
    setRestored(false);
  }, [key, saved]);

  return { text, setText, restored, restoredFrom: restored ? (kept?.from ?? null) : null, discard, dismissNote: () => setRestored(false) };
}

/** After a successful 保存: what was kept is on the server now. */
export const forgetDraft = (address: DraftAddress) => localStorage.removeItem(draftStorageKey(address));
