import { SYSTEM_ACTOR } from '@app/domain';
import { BureauRepository, CatalogueRepository, DEMO_ORGANISATION, DEMO_PASSWORD, FY2024_CLUSTERS, prepareDatabase } from '@app/persistence';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '@app/security';
import { prepareSystem } from '../../apps/setup/src/prepare-system';
import { login, startApi } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';
import { useTestDataSource } from '../support/test-data-source';
import { testTemporal } from '../support/test-temporal';

const DEMO_BUREAUS = DEMO_ORGANISATION.bureaus.length;
const DEMO_USERS = DEMO_ORGANISATION.users.length;
/** The cluster whose owning bureau the reform office sets before demo data arrives. */
const CHOSEN_CLUSTER = 27;

describe('demo data (DEMO_DATA=true) on a real PostgreSQL', () => {
  const testbed = useTestDataSource();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = testbed.dataSource;
  });

  const snapshot = async () => ({
    bureaus: await dataSource.query(`SELECT * FROM bureaus ORDER BY code`),
    users: await dataSource.query(`SELECT * FROM users ORDER BY username`),
    clusters: await dataSource.query(`SELECT * FROM clusters ORDER BY fiscal_year, no`),
  });

  it('is absent unless asked for', async () => {
    const prepared = await prepareDatabase(testbed.database.url);
    expect(prepared.demo).toBeUndefined();
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM bureaus`);
    expect(count).toBe(0);
  });

  it('creates the demo bureaus and users marked is_demo, and keeps the owning bureau the reform office chose', async () => {
    await new BureauRepository(dataSource).create({ code: 'kikaku', name: '企画調整局' });
    await new CatalogueRepository(dataSource).updateCluster(2024, CHOSEN_CLUSTER, { owningBureauCode: 'kikaku' }, SYSTEM_ACTOR);

    const prepared = await prepareDatabase(testbed.database.url, { demoData: { hashPassword } });
    expect(prepared.demo).toEqual({ bureausCreated: DEMO_BUREAUS, usersCreated: DEMO_USERS, clustersAssigned: FY2024_CLUSTERS.length - 1 });

    const bureaus: { code: string; is_demo: boolean }[] = await dataSource.query(`SELECT code, is_demo FROM bureaus`);
    expect(bureaus.filter((bureau) => bureau.is_demo).map((bureau) => bureau.code).sort()).toEqual(DEMO_ORGANISATION.bureaus.map((bureau) => bureau.code).sort());
    expect(bureaus.find((bureau) => bureau.code === 'kikaku')?.is_demo).toBe(false);
    const users: { username: string; is_demo: boolean }[] = await dataSource.query(`SELECT username, is_demo FROM users`);
    expect(users.filter((user) => user.is_demo).map((user) => user.username).sort()).toEqual(DEMO_ORGANISATION.users.map((user) => user.username).sort());

    const [chosen] = await dataSource.query(`SELECT owning_bureau_code FROM clusters WHERE fiscal_year = 2024 AND no = $1`, [CHOSEN_CLUSTER]);
    expect(chosen.owning_bureau_code).toBe('kikaku');
  });

  it('gives every FY2024 cluster an owning bureau that exists', async () => {
    const clusters: { no: number; owner: string | null }[] = await dataSource.query(
      `SELECT c.no, b.code AS owner FROM clusters c LEFT JOIN bureaus b ON b.code = c.owning_bureau_code WHERE c.fiscal_year = 2024 ORDER BY c.no`,
    );
    expect(clusters).toHaveLength(FY2024_CLUSTERS.length);
    expect(clusters.filter((cluster) => cluster.owner === null)).toEqual([]);
    const [kodomo] = await dataSource.query(`SELECT owning_bureau_code FROM clusters WHERE fiscal_year = 2024 AND name = '保育所・幼稚園'`);
    expect(kodomo.owning_bureau_code).toBe('kodomo');
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const again = await prepareDatabase(testbed.database.url, { demoData: { hashPassword } });
    expect(again.demo).toEqual({ bureausCreated: 0, usersCreated: 0, clustersAssigned: 0 });
    expect(await snapshot()).toEqual(before);
  });

  describe('through the API', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await startApi({ databaseUrl: testbed.database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('lets every demo user log in with the demo password and see their bureau', async () => {
      for (const user of DEMO_ORGANISATION.users) {
        const token = await login(app, user.username, DEMO_PASSWORD);
        const me = await request(app.getHttpServer()).get('/api/v1/me').auth(token, { type: 'bearer' }).expect(200);
        expect(me.body).toMatchObject({ username: user.username, displayName: user.displayName, roles: user.roles });
        expect(me.body.bureau?.code ?? null).toBe(user.bureauCode);
      }
    });

    it('lists the demo bureaus marked isDemo', async () => {
      const token = await login(app, 'kodomo.staff', DEMO_PASSWORD);
      const response = await request(app.getHttpServer()).get('/api/v1/bureaus').auth(token, { type: 'bearer' }).expect(200);
      expect(response.body.items).toContainEqual({ code: 'kodomo', name: '子ども家庭局', isDemo: true });
      expect(response.body.items).toContainEqual({ code: 'kikaku', name: '企画調整局', isDemo: false });
    });
  });
});

describe('DEMO_DATA in the system preparation of npm start and the setup job', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ prepare: false });
  });
  afterAll(async () => {
    await database?.drop();
  });

  const prepare = async (demoData: boolean) => {
    const lines: string[] = [];
    await prepareSystem({ databaseUrl: database.url, temporal: testTemporal(), taskQueue: uniqueName('seed-demo') }, (line) => lines.push(line), { demoData });
    return lines;
  };

  it('says nothing of demo data when it is off', async () => {
    expect((await prepare(false)).some((line) => /demo/i.test(line))).toBe(false);
  });

  it('says in one line how many demo bureaus and users it created', async () => {
    const first = (await prepare(true)).filter((line) => /demo/i.test(line));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain(`${DEMO_BUREAUS} demo bureau(s) and ${DEMO_USERS} demo user(s) created`);
    expect(first[0]).toContain(DEMO_PASSWORD);
    const second = (await prepare(true)).filter((line) => /demo/i.test(line));
    expect(second[0]).toContain('0 demo bureau(s) and 0 demo user(s) created');
  });
});
