import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { privateFile } from '../infra/private-files';

/**
 * Without JWT_SECRET the launcher generates one and keeps it with the embedded data, readable by its
 * owner only, so tokens stay valid across restarts and no secret ever sits in the repository.
 */
export function localJwtSecret(path: string): string {
  if (existsSync(path)) return readFileSync(privateFile(path), 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
