import { newPayloadKeyEntry } from '@app/config';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { privateFile } from '../infra/private-files';

/** The id of the payload key `npm start` generates; the README tells how to carry it into a list of your own. */
export const LOCAL_PAYLOAD_KEY_ID = 'local';

/**
 * Without JWT_SECRET the launcher generates one and keeps it with the embedded data, so tokens
 * stay valid across restarts and no secret ever sits in the repository.
 */
export function localJwtSecret(path: string): string {
  return localSecret(path, () => randomBytes(48).toString('base64url'));
}

/**
 * Without TEMPORAL_PAYLOAD_KEYS the launcher generates one key (`local:<base64>`, a TEMPORAL_PAYLOAD_KEYS
 * list of one) beside the embedded data: the workflows kept in DATA_DIR stay readable across restarts.
 */
export function localPayloadKeys(path: string): string {
  return localSecret(path, () => newPayloadKeyEntry(LOCAL_PAYLOAD_KEY_ID));
}

/** Read from `path` (readable by this user only), or made and written there so. */
function localSecret(path: string, generate: () => string): string {
  // A file left readable by others by an earlier version is tightened before it is read.
  if (existsSync(path)) return readFileSync(privateFile(path), 'utf8').trim();
  const secret = generate();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
