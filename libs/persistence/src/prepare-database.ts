import { DataSource } from 'typeorm';
import { createDataSourceOptions, runMigrations } from './data-source-options';
import { seedCatalogue, SeedResult } from './seed/seed-catalogue';

export interface PreparedDatabase {
  readonly migrationsApplied: string[];
  readonly seed: SeedResult;
}

/** Brings a database to the current schema and seeds the FY2024 catalogue; safe to repeat. */
export async function prepareDatabase(url: string): Promise<PreparedDatabase> {
  const migrationsApplied = await runMigrations(url);
  const dataSource = await new DataSource(createDataSourceOptions(url)).initialize();
  try {
    return { migrationsApplied, seed: await seedCatalogue(dataSource) };
  } finally {
    await dataSource.destroy();
  }
}
