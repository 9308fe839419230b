import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresDataDir } from '../../tools/infra/postgres-data-dir';

/** npm start as root from a private folder: PostgreSQL (run as `postgres`) still gets a data folder it can reach. */
describe('where npm start keeps PostgreSQL data', () => {
  const root = process.getuid?.() === 0;
  let privateFolder: string;
  let openFolder: string;

  beforeAll(() => {
    privateFolder = mkdtempSync(join(tmpdir(), 'reform-private-'));
    chmodSync(privateFolder, 0o700);
    openFolder = mkdtempSync(join(tmpdir(), 'reform-open-'));
    chmodSync(openFolder, 0o755);
  });
  afterAll(() => {
    rmSync(privateFolder, { recursive: true, force: true });
    rmSync(openFolder, { recursive: true, force: true });
  });

  it('keeps it under DATA_DIR when the postgres user can reach it', () => {
    expect(postgresDataDir(join(openFolder, '.data'))).toEqual({ path: join(openFolder, '.data', 'postgres'), note: null });
  });

  it(root ? 'moves it to a folder of its own under /var/lib, the same one each time, saying why' : 'keeps it under DATA_DIR for a normal user', () => {
    const dataDir = join(privateFolder, '.data');
    const chosen = postgresDataDir(dataDir);
    if (!root) return expect(chosen).toEqual({ path: join(dataDir, 'postgres'), note: null });
    expect(chosen.path).toMatch(/^\/var\/lib\/kitakyushu-reform\/[0-9a-f]{12}\/postgres$/);
    expect(chosen.note).toContain(privateFolder);
    expect(postgresDataDir(dataDir)).toEqual(chosen);
    const other = postgresDataDir(join(privateFolder, 'other'));
    expect(other.path).not.toBe(chosen.path);
    for (const made of [chosen, other]) rmSync(join(made.path, '..'), { recursive: true, force: true });
  });
});
