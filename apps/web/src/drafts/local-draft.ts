import { useCallback, useEffect, useState } from 'react';

/**
 * Whose draft of which document, written on top of which saved version: a draft never lands on
 * another's base. `scope` names the person first, then the document (year, cluster and report, or
 * year, bureau and part of an X policy).
 */
export interface DraftAddress {
  readonly scope: readonly (string | number)[];
  readonly baseVersion: number;
}

/** Takes what was stored back only when it still has the shape of a draft; anything else reads as nothing kept. */
export type DraftReader<T> = (stored: unknown) => T | null;

const PREFIX = 'reform-draft';
export const draftStorageKey = (address: DraftAddress) => [PREFIX, ...address.scope, `v${address.baseVersion}`].join(':');

function read<T>(key: string, accept: DraftReader<T>): T | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return stored === null ? null : accept(stored);
  } catch {
    // Unreadable (storage off, or not ours): as if nothing were kept.
    return null;
  }
}

/**
 * A draft kept on an older base: a newer version was saved meanwhile (the save was refused with
 * 412), so the text is offered again, on top of the newer version, rather than lost.
 */
function keptOnOlderBase<T>(address: DraftAddress, accept: DraftReader<T>): { key: string; value: T; baseVersion: number } | null {
  for (let base = address.baseVersion - 1; base >= 0; base--) {
    const key = draftStorageKey({ ...address, baseVersion: base });
    const value = read(key, accept);
    if (value !== null) return { key, value, baseVersion: base };
  }
  return null;
}

/**
 * The draft as typed, kept in this browser until a 保存 succeeds, so a failed save, a reload or a
 * closed tab loses nothing. `restored` says the text came from here rather than from the server;
 * `restoredFrom` names the older version it was typed on, when a newer one was saved meanwhile.
 */
export function useLocalDraft<T>(address: DraftAddress, saved: T, accept: DraftReader<T>) {
  const key = draftStorageKey(address);
  const savedJson = JSON.stringify(saved);
  const [kept] = useState(() => {
    const own = read(key, accept);
    if (own !== null) return { value: own, from: null, olderKey: null };
    const older = keptOnOlderBase(address, accept);
    return older ? { value: older.value, from: older.baseVersion, olderKey: older.key } : null;
  });
  const [value, setValue] = useState<T>(kept?.value ?? saved);
  const [restored, setRestored] = useState(kept !== null && JSON.stringify(kept.value) !== savedJson);
  const unsaved = JSON.stringify(value) !== savedJson;

  useEffect(() => {
    // The older copy now lives under this version's key; keeping both would offer it twice.
    if (kept?.olderKey) localStorage.removeItem(kept.olderKey);
  }, [kept]);

  useEffect(() => {
    if (unsaved) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  }, [key, value, unsaved]);

  const discard = useCallback(() => {
    localStorage.removeItem(key);
    setValue(JSON.parse(savedJson) as T);
    setRestored(false);
  }, [key, savedJson]);

  return { value, setValue, unsaved, restored, restoredFrom: restored ? (kept?.from ?? null) : null, discard, dismissNote: () => setRestored(false) };
}

/** After a successful 保存: what was kept is on the server now. */
export const forgetDraft = (address: DraftAddress) => localStorage.removeItem(draftStorageKey(address));
