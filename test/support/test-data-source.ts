import { createDataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-environment';

export interface TestDataSource {
  /** The file's own migrated and seeded database. */
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
}

/**
 * A database of the test file's own, migrated and seeded, with a DataSource on it for the whole
 * file; closed and dropped after it. Call at the top of a describe, before the hooks that use it.
 */
export function useTestDataSource(): TestDataSource {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(createDataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  const ready = () => {
    if (!database || !dataSource) throw new Error('the test database is not ready: use it in a hook or test');
    return { database, dataSource };
  };
  return {
    get database() {
      return ready().database;
    },
    get dataSource() {
      return ready().dataSource;
    },
  };
}
