import { RefusedError } from '@app/domain';
import { BureauRepository, createDataSourceOptions, UserRepository } from '@app/persistence';
import { DataSource } from 'typeorm';
import { useTestDataSource } from '../support/test-data-source';

/**
 * Statements with parameters are prepared once per connection, on a real PostgreSQL. One connection
 * only, so what it has prepared can be read from PostgreSQL's own view of the session.
 */
describe('prepared statements', () => {
  const testbed = useTestDataSource();
  let oneConnection: DataSource;

  beforeAll(async () => {
    oneConnection = await new DataSource(createDataSourceOptions(testbed.database.url, 1)).initialize();
  });
  afterAll(async () => {
    await oneConnection?.destroy();
  });

  const prepared = async (fragment: string): Promise<string[]> =>
    ((await oneConnection.query(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1`, [`%${fragment}%`])) as { statement: string }[]).map(
      (row) => row.statement,
    );

  it('parses a statement once per connection however often it runs, and answers each run for its own values', async () => {
    const bureaus = new BureauRepository(oneConnection);
    await bureaus.create({ code: 'prep-a', name: '準備局A' });
    await bureaus.create({ code: 'prep-b', name: '準備局B' });
    expect((await bureaus.findByCode('prep-a'))?.name).toBe('準備局A');
    expect((await bureaus.findByCode('prep-b'))?.name).toBe('準備局B');
    expect(await prepared('INSERT INTO bureaus')).toHaveLength(1);
    expect(await prepared('FROM bureaus WHERE code = $1')).toHaveLength(1);
  });

  it('still reports a failure by its SQLSTATE, and the connection goes on with the same statement', async () => {
    const users = new UserRepository(oneConnection);
    const user = (bureauCode: string) => ({ username: `prep-${bureauCode}`, passwordHash: 'x', displayName: '準備 太郎', roles: ['staff'], bureauCode });
    // An unknown bureau fails the foreign key; the repository knows that failure by its SQLSTATE and refuses in words.
    const failure: unknown = await users.create(user('no-such-bureau'), 'system').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RefusedError);
    expect((failure as RefusedError).refusal).toMatchObject({ code: 'bureau.unknown', message: expect.stringContaining('no-such-bureau') as unknown });
    const created = await users.create(user('prep-a'), 'system');
    expect(created).toMatchObject({ username: 'prep-prep-a', displayName: '準備 太郎', bureau: { code: 'prep-a', name: '準備局A' } });
    expect(await prepared('INSERT INTO users')).toHaveLength(1);
  });
});
