import { chmodSync, mkdirSync } from 'node:fs';
import { rootOnlyPathProblem } from './root-only-path';

/**
 * Where root keeps what the `postgres` user must reach when the checkout is private: PostgreSQL's
 * binaries and data. Persistent (unlike /tmp) and writable by root alone.
 */
export const SYSTEM_FOLDER = '/var/lib/kitakyushu-reform';

/** The system folder, made when missing, once it is clear that nobody but root can have put anything there. */
export function trustedSystemFolder(path = SYSTEM_FOLDER): string {
  mkdirSync(path, { recursive: true, mode: 0o755 });
  const problem = rootOnlyPathProblem(path);
  if (problem) {
    throw new Error(
      `${path} cannot be trusted: ${problem}, so another user could have planted files there. ` +
        `Make it root's alone (chown root:root, chmod 755 on it and the folders above) or remove it.`,
    );
  }
  // Entered, never listed, by the postgres user on its way to its own folders.
  chmodSync(path, 0o755);
  return path;
}
