import { createDataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/test-environment';

/** The TypeORM entities describe the schema the migrations build: nothing for `synchronize` to change. */
describe('entities and migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(createDataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('agree, so the entities can be trusted as the schema’s documentation', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
