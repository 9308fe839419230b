import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { firstUnreachableFolder, runsAsRoot } from './embedded-postgres-package';
import { SYSTEM_FOLDER, trustedSystemFolder } from './system-folder';

export interface PostgresDataDir {
  readonly path: string;
  /** Why the data is not under DATA_DIR, when it is not. */
  readonly note: string | null;
}

/**
 * PostgreSQL's data folder for a data dir. Started by root, PostgreSQL runs as the `postgres` user,
 * which cannot reach a checkout inside a private folder (a home directory, a `mktemp -d` clone); its
 * data then lives in a folder of its own in the system folder, one per data dir, so restarts find it
 * again. DATA_DIR itself is the launcher's to open for passing through (see `privateFolder`).
 */
export function postgresDataDir(dataDir: string, systemFolder = SYSTEM_FOLDER): PostgresDataDir {
  const preferred = join(resolve(dataDir), 'postgres');
  if (!runsAsRoot()) return { path: preferred, note: null };
  mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const hidden = firstUnreachableFolder(dirname(resolve(dataDir)));
  if (hidden === undefined) return { path: preferred, note: null };
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const root = join(trustedSystemFolder(systemFolder), key);
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o711);
  return { path: join(root, 'postgres'), note: `the postgres user cannot enter ${hidden}` };
}
