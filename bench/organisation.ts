import { Participant, Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { hashPassword } from '@app/security';
import { ApiClient } from '../tools/http/api-client';

/** The bureaus that own the clusters in the benchmark, taken in turn by cluster number. */
export const BENCH_BUREAUS = [
  { code: 'kankyo', name: '環境局' },
  { code: 'kodomo', name: '子ども家庭局' },
  { code: 'kensetsu', name: '建設局' },
] as const;

export type BureauCode = (typeof BENCH_BUREAUS)[number]['code'];
export type BureauRole = 'staff' | 'manager' | 'director';

export const OFFICE = 'bench.office';
export const bureauUser = (bureau: string, role: BureauRole) => `bench.${bureau}.${role}`;

/** The default approval chain, step by step, and who of the bench's users holds each step for a cluster's bureau. */
export const APPROVAL_STEPS = [
  { label: '所管課長', approver: (bureau: string) => bureauUser(bureau, 'manager') },
  { label: '所管局長', approver: (bureau: string) => bureauUser(bureau, 'director') },
  { label: '市政変革室', approver: () => OFFICE },
] as const;

export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

const ROLE_OF: Record<BureauRole, Role> = { staff: Role.Staff, manager: Role.Manager, director: Role.Director };

/** A logged-in user: the bearer token for the API path, the participant for the direct Temporal path. */
export interface BenchUser {
  readonly token: string;
  /** For a login through the web app's form. */
  readonly password: string;
  readonly participant: Participant;
}

/**
 * Inserts the bureaus, creates the reform-office user and a staff member, manager and director in
 * every bureau directly in the database, then logs each in through the API.
 */
export async function createOrganisation(users: UserRepository, pg: PgClient, api: ApiClient): Promise<Map<string, BenchUser>> {
  for (const bureau of BENCH_BUREAUS) {
    await pg.query(`INSERT INTO bureaus (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [bureau.code, bureau.name]);
  }
  const password = randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password);
  const definitions = [
    { username: OFFICE, displayName: '市政変革 ベンチ', roles: [Role.ReformOffice], bureauCode: null as string | null },
    ...BENCH_BUREAUS.flatMap((bureau) =>
      (Object.keys(ROLE_OF) as BureauRole[]).map((role) => ({
        username: bureauUser(bureau.code, role),
        displayName: `${bureau.name} ${role}`,
        roles: [ROLE_OF[role]],
        bureauCode: bureau.code as string | null,
      })),
    ),
  ];
  const result = new Map<string, BenchUser>();
  for (const definition of definitions) {
    await users.createIfAbsent({ ...definition, passwordHash });
    const row = await users.findByUsername(definition.username);
    if (!row) throw new Error(`user ${definition.username} was not created`);
    const token = await api.login(definition.username, password);
    result.set(definition.username, {
      token,
      password,
      participant: { id: row.id, name: row.displayName, roles: row.roles as Role[], bureauCode: row.bureauCode },
    });
  }
  return result;
}

/** Flags every cluster of the year as analysed and gives each an owning bureau, in SQL. Returns them by number. */
export async function flagAllClusters(pg: PgClient, fiscalYear: number): Promise<Map<number, BureauCode>> {
  const codes = BENCH_BUREAUS.map((bureau) => bureau.code);
  const { rows } = await pg.query<{ no: number; owning_bureau_code: BureauCode }>(
    `UPDATE clusters SET analysed_this_year = true, owning_bureau_code = ($2::text[])[((no - 1) % cardinality($2::text[])) + 1]
     WHERE fiscal_year = $1 RETURNING no, owning_bureau_code`,
    [fiscalYear, codes],
  );
  return new Map(rows.sort((a, b) => a.no - b.no).map((row) => [row.no, row.owning_bureau_code]));
}
