import { DataSource } from 'typeorm';
import { createDataSourceOptions, runMigrations } from './data-source-options';
import { seedCatalogue, SeedResult } from './seed/seed-catalogue';
import { DemoSeedResult, PasswordHashFunction, seedDemoData } from './seed/seed-demo';

export interface PreparedDatabase {
  readonly migrationsApplied: string[];
  readonly seed: SeedResult;
  /** Present only when demo data was asked for. */
  readonly demo?: DemoSeedResult;
}

export interface DatabasePreparation {
  /** Also insert the demo organisation (DEMO_DATA=true), hashing its password with this function. */
  readonly demoData?: { readonly hashPassword: PasswordHashFunction };
}

/** Brings a database to the current schema and seeds the FY2024 catalogue (and demo data if asked); safe to repeat. */
export async function prepareDatabase(url: string, preparation: DatabasePreparation = {}): Promise<PreparedDatabase> {
  const migrationsApplied = await runMigrations(url);
  const dataSource = await new DataSource(createDataSourceOptions(url)).initialize();
  try {
    const seed = await seedCatalogue(dataSource);
    if (!preparation.demoData) return { migrationsApplied, seed };
    return { migrationsApplied, seed, demo: await seedDemoData(dataSource, preparation.demoData.hashPassword) };
  } finally {
    await dataSource.destroy();
  }
}
