import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstUnreachableFolder, runsAsRoot } from './embedded-postgres-package';

/** Where root keeps PostgreSQL's data for checkouts the postgres user cannot enter; persistent, unlike /tmp. */
const SYSTEM_DATA_ROOT = '/var/lib/kitakyushu-reform';

export interface PostgresDataDir {
  readonly path: string;
  /** Why the data is not under DATA_DIR, when it is not. */
  readonly note: string | null;
}

/**
 * PostgreSQL's data folder for a data dir. Started by root, PostgreSQL runs as the `postgres` user,
 * which cannot reach a checkout inside a private folder (a home directory, a `mktemp -d` clone); its
 * data then lives in a folder of its own under /var/lib, one per data dir, so restarts find it again.
 */
export function postgresDataDir(dataDir: string): PostgresDataDir {
  const preferred = join(resolve(dataDir), 'postgres');
  if (!runsAsRoot()) return { path: preferred, note: null };
  mkdirSync(resolve(dataDir), { recursive: true });
  const hidden = firstUnreachableFolder(resolve(dataDir));
  if (hidden === undefined) return { path: preferred, note: null };
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const root = join(SYSTEM_DATA_ROOT, key);
  mkdirSync(root, { recursive: true });
  for (const folder of [SYSTEM_DATA_ROOT, root]) chmodSync(folder, 0o755);
  return { path: join(root, 'postgres'), note: `the postgres user cannot enter ${hidden}` };
}
