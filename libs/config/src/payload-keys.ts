import { randomBytes } from 'node:crypto';

/** AES-256: the payload codec's keys are 32 bytes. */
export const PAYLOAD_KEY_BYTES = 32;

const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HOW_TO_MAKE_ONE = 'make one with: openssl rand -base64 32';

/**
 * The keys of the Temporal payload codec: the one that encrypts what is sent now, and every key
 * whose payloads may still be read (a rotated-out key stays until no open workflow holds its payloads).
 */
export interface PayloadKeys {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export type ParsedPayloadKeyList = { readonly keys: ReadonlyMap<string, Buffer> } | { readonly problem: string };

/**
 * Reads TEMPORAL_PAYLOAD_KEYS: `id:base64key` entries separated by commas. A problem names the entry
 * by its id or position, never by its key.
 */
export function parsePayloadKeyList(text: string): ParsedPayloadKeyList {
  const entries = text.split(',').map((entry) => entry.trim());
  const keys = new Map<string, Buffer>();
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator);
    const encoded = separator < 0 ? '' : entry.slice(separator + 1);
    if (!KEY_ID_PATTERN.test(id) || encoded === '') {
      return { problem: `entry ${index + 1} is not id:base64key (an id of letters, digits, ".", "_" or "-", then ":" and the key; ${HOW_TO_MAKE_ONE})` };
    }
    if (keys.has(id)) return { problem: `key id "${id}" is listed twice` };
    if (!BASE64_PATTERN.test(encoded)) return { problem: `key "${id}" is not base64 (${HOW_TO_MAKE_ONE})` };
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== PAYLOAD_KEY_BYTES) {
      return { problem: `key "${id}" is ${key.length} bytes; AES-256-GCM needs ${PAYLOAD_KEY_BYTES} (${HOW_TO_MAKE_ONE})` };
    }
    keys.set(id, key);
  }
  return { keys };
}

/**
 * Which key encrypts: TEMPORAL_PAYLOAD_KEY_ID, or the only key listed. A problem when the id is not
 * listed, or when several keys are listed and none is named.
 */
export function currentPayloadKeyId(keys: ReadonlyMap<string, Buffer>, named: string | undefined): { readonly id: string } | { readonly problem: string } {
  const listed = [...keys.keys()];
  if (named === undefined) {
    return listed.length === 1 ? { id: listed[0] } : { problem: `is required when TEMPORAL_PAYLOAD_KEYS lists several keys (${listed.join(', ')}): name the one that encrypts` };
  }
  return keys.has(named) ? { id: named } : { problem: `is not one of the key ids of TEMPORAL_PAYLOAD_KEYS (${listed.join(', ')})` };
}

/** A fresh `id:base64key` entry for TEMPORAL_PAYLOAD_KEYS. */
export function newPayloadKeyEntry(id: string): string {
  return `${id}:${randomBytes(PAYLOAD_KEY_BYTES).toString('base64')}`;
}
