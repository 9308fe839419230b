import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Why another user could have planted or changed `path`, or undefined when only root could have:
 * it and every folder above it belong to root and are writable by nobody else.
 */
export function rootOnlyPathProblem(path: string): string | undefined {
  for (let folder = realpathSync(path); ; folder = dirname(folder)) {
    const problem = describeProblem(folder, statSync(folder));
    if (problem) return problem;
    if (folder === dirname(folder)) return undefined;
  }
}

/** As {@link rootOnlyPathProblem}, for a folder and everything inside it (links are not followed). */
export function rootOnlyTreeProblem(path: string): string | undefined {
  const above = rootOnlyPathProblem(path);
  if (above) return above;
  const pending = [realpathSync(path)];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const name of readdirSync(folder)) {
      const entry = join(folder, name);
      const stats = lstatSync(entry);
      const problem = describeProblem(entry, stats);
      if (problem) return problem;
      if (stats.isDirectory()) pending.push(entry);
    }
  }
  return undefined;
}

function describeProblem(path: string, stats: { uid: number; mode: number; isSymbolicLink(): boolean }): string | undefined {
  if (stats.uid !== 0) return `${path} belongs to uid ${stats.uid}, not root`;
  // A link's own mode is always 0777 and means nothing; what it points to is checked where it is used.
  if (!stats.isSymbolicLink() && (stats.mode & 0o022) !== 0) return `${path} is writable by ${(stats.mode & 0o002) !== 0 ? 'every user' : 'its group'}`;
  return undefined;
}
