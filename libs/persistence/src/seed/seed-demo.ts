import { DataSource, EntityManager } from 'typeorm';
import { execute, queryRows } from '../sql/typed-query';
import { DEMO_ORGANISATION, DEMO_PASSWORD, DemoOrganisation } from './demo-organisation';

/** Passed in so that persistence hashes exactly as the API verifies at login, without depending on the API. */
export type PasswordHashFunction = (password: string) => Promise<string>;

export interface DemoSeedResult {
  readonly bureausCreated: number;
  readonly usersCreated: number;
  readonly clustersAssigned: number;
}

/**
 * Inserts the demo organisation (DEMO_DATA=true) with is_demo = true. Rows already present are
 * left alone and a cluster only gets its demo owner while it has none, so a second run changes
 * nothing and the reform office's choice of owning bureau always wins.
 */
export async function seedDemoData(
  dataSource: DataSource,
  hashPassword: PasswordHashFunction,
  organisation: DemoOrganisation = DEMO_ORGANISATION,
): Promise<DemoSeedResult> {
  // One hash for every demo user: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    // Bureaus first: users and clusters refer to them.
    const bureausCreated = await insertBureaus(manager, organisation);
    const usersCreated = await insertUsers(manager, organisation, passwordHash);
    const clustersAssigned = await assignOwningBureaus(manager, organisation);
    return { bureausCreated, usersCreated, clustersAssigned };
  });
}

async function insertBureaus(manager: EntityManager, organisation: DemoOrganisation): Promise<number> {
  let inserted = 0;
  for (const bureau of organisation.bureaus) {
    const rows = await queryRows(
      manager,
      `INSERT INTO bureaus (code, name, is_demo) VALUES ($1, $2, true) ON CONFLICT DO NOTHING RETURNING code`,
      [bureau.code, bureau.name],
    );
    inserted += rows.length;
  }
  return inserted;
}

async function insertUsers(manager: EntityManager, organisation: DemoOrganisation, passwordHash: string): Promise<number> {
  let inserted = 0;
  for (const user of organisation.users) {
    const rows = await queryRows(
      manager,
      `INSERT INTO users (username, password_hash, display_name, roles, bureau_code, is_demo)
       VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT DO NOTHING RETURNING id`,
      [user.username, passwordHash, user.displayName, user.roles, user.bureauCode],
    );
    inserted += rows.length;
  }
  return inserted;
}

async function assignOwningBureaus(manager: EntityManager, organisation: DemoOrganisation): Promise<number> {
  let assigned = 0;
  for (const [no, bureauCode] of Object.entries(organisation.clusterOwners)) {
    const { affected } = await execute(
      manager,
      `UPDATE clusters SET owning_bureau_code = $3, updated_at = now()
       WHERE fiscal_year = $1 AND no = $2 AND owning_bureau_code IS NULL`,
      [organisation.fiscalYear, Number(no), bureauCode],
    );
    assigned += affected;
  }
  return assigned;
}
