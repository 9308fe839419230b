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

  it('undoes the latest migration and applies it again, keeping the board in order and the clusters as they were', async () => {
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
    await dataSource.undoLastMigration();
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = 2024`)).toEqual([{ n: 57 }]);
    expect((await runMigrations(database.url)).length).toBe(1);
    expect(await clusters()).toEqual(before);
  });

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
