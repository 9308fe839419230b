import { createDataSourceOptions, prepareDatabase, runMigrations } from '@app/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/test-environment';

describe('schema and FY2024 seed on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ prepare: false });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('migrates an empty database and seeds 57 clusters with their exact Japanese names', async () => {
    const first = await prepareDatabase(database.url);
    expect(first.migrationsApplied.length).toBeGreaterThan(0);
    expect(first.seed.clustersInserted).toBe(57);
    dataSource = await new DataSource(createDataSourceOptions(database.url)).initialize();
    const [{ name }] = await dataSource.query(`SELECT name FROM clusters WHERE fiscal_year = 2024 AND no = 22`);
    expect(name).toBe('保育所・幼稚園');
  });

  it('changes nothing when run again, and keeps the reform office’s edits', async () => {
    await dataSource.query(`UPDATE clusters SET analysed_this_year = true, name = '保育所・幼稚園（改）' WHERE fiscal_year = 2024 AND no = 22`);
    const snapshot = async () => dataSource.query(`SELECT * FROM clusters ORDER BY fiscal_year, no`);
    const before = await snapshot();
    const second = await prepareDatabase(database.url);
    expect(second).toEqual({ migrationsApplied: [], seed: { fiscalYear: 2024, clustersInserted: 0 } });
    expect(await snapshot()).toEqual(before);
    expect(await runMigrations(database.url)).toEqual([]);
  });

  it('undoes the board-order migration and those after it and applies them again, keeping the board in order and the clusters as they were', async () => {
    // A kicked-off cluster, as the projection leaves it, so that applying the migration again has a moment of falling behind to work out.
    const deadlines = [
      { target: 'interim', meetingId: 'x1', meetingName: '第1回X会議', meetingDateLabel: '', dueDate: '2024-07-12', dueAt: '2024-07-12T08:00:00.000Z', provisional: false },
    ];
    const reports = [{ kind: 'interim', label: '経過報告', stage: 'INTERIM_REPORT', status: 'DRAFT', authorIds: [], latestVersion: null, submission: null, lastReturn: null, approvedAt: null }];
    await dataSource.query(`UPDATE clusters SET stage = 'INTERIM_REPORT', deadlines = $1, case_state = $2, overdue_from = '2024-07-12T08:00:00.000Z' WHERE fiscal_year = 2024 AND no = 27`, [
      JSON.stringify(deadlines),
      JSON.stringify({ reports }),
    ]);
    const clusters = async () => dataSource.query(`SELECT fiscal_year, no, name, group_sort_order, kind_sort_order, overdue_from FROM clusters ORDER BY fiscal_year, no`);
    const before = await clusters();
    expect(before.filter((row: { overdue_from: Date | null }) => row.overdue_from !== null)).toHaveLength(1);
    const undone = await undoMigrationsDownTo('BoardOrderAndOverdue1733600000000');
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = 2024`)).toEqual([{ n: 57 }]);
    expect(await runMigrations(database.url)).toEqual(undone.reverse());
    expect(await clusters()).toEqual(before);
  });

  it('gives a bureau whose name another already had its code beside it when names become unique, and refuses a second of a name after', async () => {
    await undoMigrationsDownTo('BureauNamesUnique1733700000000');
    await dataSource.query(`INSERT INTO bureaus (code, name) VALUES ('kowan', '港湾空港局'), ('kuko', '港湾空港局')`);
    await runMigrations(database.url);
    expect(await dataSource.query(`SELECT code, name FROM bureaus WHERE code IN ('kowan', 'kuko') ORDER BY code`)).toEqual([
      { code: 'kowan', name: '港湾空港局' },
      { code: 'kuko', name: '港湾空港局（kuko）' },
    ]);
    await expect(dataSource.query(`INSERT INTO bureaus (code, name) VALUES ('kowan2', '港湾空港局')`)).rejects.toThrow(/bureaus_name_key/);
  });

  /** Undoes the applied migrations from the latest back to `name`, that one included; their names, latest first. */
  async function undoMigrationsDownTo(name: string): Promise<string[]> {
    const undone: string[] = [];
    while (undone.at(-1) !== name) {
      const [latest] = await dataSource.query(`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`);
      await dataSource.undoLastMigration();
      undone.push(latest.name);
    }
    return undone;
  }

  it('keeps the audit trail append-only', async () => {
    await dataSource.query(
      `INSERT INTO audit_events (event_id, occurred_at, actor_name, action) VALUES ('test#1', now(), 'テスト', 'kickoff')`,
    );
    await expect(dataSource.query(`UPDATE audit_events SET actor_name = 'x'`)).rejects.toThrow();
    await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow();
    const [{ actor_name }] = await dataSource.query(`SELECT actor_name FROM audit_events WHERE event_id = 'test#1'`);
    expect(actor_name).toBe('テスト');
  });
});
