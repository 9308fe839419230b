import { TemporalConnectionSettings } from '@app/config';
import { Role } from '@app/domain';
import { CatalogueRepository } from '@app/persistence';
import { clusterWorkflowId, connectTemporalClient } from '@app/temporal';
import { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Pool } from 'pg';
import { getClusterCase } from '@app/workflows';
import { ApiHarnessOptions, createUser, login, startApi, TEST_ADMIN_PASSWORD } from './api-harness';
import { AuthenticatedHttp, httpClient } from './http-client';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from './test-environment';
import { testTemporal } from './test-temporal';
import { RunningWorker, startWorker } from './worker-harness';

/**
 * Workflow ids are business keys (`cluster/<year>/<no>`) and global to the test run's Temporal
 * server, so each test file that starts workflows works in a fiscal year of its own, copied from FY2024.
 */
export const TEST_FISCAL_YEARS = {
  kickoff: 2030,
  approvals: 2031,
  accessMatrix: 2032,
  replay: 2033,
  bulkKickoff: 2024,
  meetings: 2036,
  notificationsBase: 2039,
  reminders: 2040,
  rescheduling: 2041,
  workerRestart: 2042,
  digest: 2043,
  shutdown: 2044,
  kickoffReminders: 2045,
  problems: 2046,
  webApp: 2047,
  board: 2048,
  clusterPage: 2049,
  clusterPermissions: 2050,
  reminderInbox: 2054,
  httpHygiene: 2055,
  requestDeadline: 2056,
  concurrency: 2070,
  idempotencyLease: 2071,
  deliveryOutbox: 2072,
  adminPages: 2051,
  meetingDue: 2053,
  longAnalysis: 2057,
  closedStaysClosed: 2058,
  xPolicy: 2060,
  platinum: 2061,
  xPolicyPages: 2062,
  platinumPages: 2063,
  fuzz: 2074,
  /** The year the fuzz's own requests may register (`POST /fiscal-years`), and act on. */
  fuzzCreated: 2075,
  payloadEncryption: 2076,
  temporalTls: 2077,
  workerKilled: 2080,
  postgresOutage: 2081,
  temporalOutage: 2082,
  answeredEvents: 2083,
  scaleOut: 2086,
  boardPaging: 2087,
  bulkKickoffPage: 2088,
  analysedSelectionPage: 2089,
} as const;

export const BUREAUS = { kankyo: '環境局', kodomo: '子ども家庭局' } as const;

/** Users of every role; `…2` users are a second holder of the same role, for delegation and races. */
export const USERS = {
  staff: { roles: [Role.Staff], bureauCode: 'kankyo', displayName: '環境 花子' },
  staff2: { roles: [Role.Staff], bureauCode: 'kankyo', displayName: '環境 次郎' },
  manager: { roles: [Role.Manager], bureauCode: 'kankyo', displayName: '環境 課長' },
  manager2: { roles: [Role.Manager], bureauCode: 'kankyo', displayName: '環境 副課長' },
  director: { roles: [Role.Director], bureauCode: 'kankyo', displayName: '環境 局長' },
  office: { roles: [Role.ReformOffice], bureauCode: null, displayName: '市政変革 一郎' },
  office2: { roles: [Role.ReformOffice], bureauCode: null, displayName: '市政変革 二郎' },
  otherStaff: { roles: [Role.Staff], bureauCode: 'kodomo', displayName: '子ども 三郎' },
  otherManager: { roles: [Role.Manager], bureauCode: 'kodomo', displayName: '子ども 課長' },
  otherDirector: { roles: [Role.Director], bureauCode: 'kodomo', displayName: '子ども 局長' },
  staffAndManager: { roles: [Role.Staff, Role.Manager], bureauCode: 'kankyo', displayName: '環境 兼務' },
} as const;

export type TestUserName = keyof typeof USERS | 'admin';

export interface LifecycleFixture {
  readonly app: INestApplication;
  /** The worker in this process; absent with `inProcessWorker: false`. */
  readonly worker: RunningWorker;
  /** Where a worker of the fixture's own finds the database, Temporal and its task queue. */
  readonly databaseUrl: string;
  readonly temporalSettings: TemporalConnectionSettings;
  readonly taskQueue: string;
  /** Stops the worker, as a crash or deployment would, leaving its workflows to wait on the server. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  /** Closes the API as its shutdown hooks would (the fixture then leaves it closed). */
  closeApi(): Promise<void>;
  /** Another fiscal year copied from FY2024 (catalogue, settings, meetings moved by whole years). */
  addFiscalYear(fiscalYear: number): Promise<void>;
  /** Connections to the fixture's database; one lost while PostgreSQL restarts is replaced by the next query. */
  readonly pg: Pool;
  readonly temporal: Client;
  readonly fiscalYear: number;
  readonly tokens: Record<TestUserName, string>;
  /** An HTTP client acting as one of the test users (or anonymous). */
  as(user: TestUserName | null): AuthenticatedHttp;
  base(no: number): string;
  /** Makes a cluster ready for kickoff: owned by the bureau and flagged for this year. */
  assignCluster(no: number, bureauCode?: string): Promise<void>;
  /** Kicks the cluster off as the reform office; the answer comes once the read model shows it. */
  kickoff(no: number): Promise<void>;
  workflowCase(no: number): Promise<unknown>;
  close(): Promise<void>;
}

export type { AuthenticatedHttp } from './http-client';

export interface LifecycleFixtureOptions extends Pick<ApiHarnessOptions, 'temporalRequestTimeoutMs' | 'idempotencyLeaseMs' | 'temporal'> {
  /** The PostgreSQL server that gets the fixture's database; the run's own by default. */
  readonly databaseServerUrl?: string;
  /** False: no worker in this process (the test runs one of its own, for example as a process it can kill). */
  readonly inProcessWorker?: boolean;
}

export async function startLifecycleFixture(fiscalYear: number, workerEnvironment: Record<string, string> = {}, options: LifecycleFixtureOptions = {}): Promise<LifecycleFixture> {
  const { databaseServerUrl, inProcessWorker = true, ...apiOptions } = options;
  const database: TestDatabase = await createTestDatabase({ serverUrl: databaseServerUrl });
  const temporalAddress = testTemporalAddress();
  // The API's way to Temporal is the worker's and the fixture's own client's too.
  const temporalSettings = apiOptions.temporal ?? testTemporal(temporalAddress);
  const taskQueue = uniqueName('queue');
  const runWorker = () => startWorker({ databaseUrl: database.url, temporalAddress, temporal: temporalSettings, taskQueue, environment: workerEnvironment });
  const [app, firstWorker] = await Promise.all([
    startApi({ databaseUrl: database.url, temporalAddress, taskQueue, ...apiOptions, temporal: temporalSettings }),
    inProcessWorker ? runWorker() : undefined,
  ]);
  let worker = firstWorker;
  let workerRunning = inProcessWorker;
  let apiOpen = true;
  if (fiscalYear !== 2024) await app.get(CatalogueRepository).copyFiscalYear(2024, fiscalYear);
  const pg = new Pool({ connectionString: database.url, max: 2 });
  pg.on('error', () => undefined);
  for (const [code, name] of Object.entries(BUREAUS)) await pg.query(`INSERT INTO bureaus (code, name) VALUES ($1, $2)`, [code, name]);
  for (const [username, user] of Object.entries(USERS)) await createUser(app, { username, ...user, roles: [...user.roles] });
  const names = Object.keys(USERS) as (keyof typeof USERS)[];
  const tokens = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await login(app, name)]))) as Record<TestUserName, string>;
  tokens.admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
  const temporal = await connectTemporalClient(temporalSettings);
  const started = new Set<number>();

  const as = (user: TestUserName | null): AuthenticatedHttp => httpClient(app.getHttpServer(), user ? tokens[user] : null);
  const base = (no: number) => `/api/v1/fiscal-years/${fiscalYear}/clusters/${no}`;

  return {
    app,
    get worker() {
      if (!worker) throw new Error('this fixture runs no worker in this process');
      return worker;
    },
    databaseUrl: database.url,
    temporalSettings,
    taskQueue,
    stopWorker: async () => {
      await worker?.stop();
      workerRunning = false;
    },
    startWorker: async () => {
      worker = await runWorker();
      workerRunning = true;
    },
    closeApi: async () => {
      apiOpen = false;
      await app.close();
    },
    addFiscalYear: async (year) => {
      await app.get(CatalogueRepository).copyFiscalYear(2024, year);
    },
    pg,
    temporal,
    fiscalYear,
    tokens,
    as,
    base,
    assignCluster: async (no, bureauCode = 'kankyo') => {
      await pg.query(`UPDATE clusters SET owning_bureau_code = $3, analysed_this_year = true WHERE fiscal_year = $1 AND no = $2`, [fiscalYear, no, bureauCode]);
    },
    kickoff: async (no) => {
      await as('office').post(`${base(no)}/kickoff`, { meetingDate: `${fiscalYear}-06-04`, attendees: ['環境局 総務課長'] }).expect(201);
      started.add(no);
    },
    workflowCase: (no) => temporal.workflow.getHandle(clusterWorkflowId(fiscalYear, no)).query(getClusterCase),
    close: async () => {
      // Nothing else will drive these workflows; ending them keeps the shared server tidy.
      await Promise.all(
        [...started].map((no) => temporal.workflow.getHandle(clusterWorkflowId(fiscalYear, no)).terminate('test finished').catch(() => undefined)),
      );
      await temporal.connection.close();
      await pg.end();
      if (workerRunning) await worker?.stop();
      if (apiOpen) await app.close();
      await database.drop();
    },
  };
}
