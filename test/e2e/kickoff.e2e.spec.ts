import { Role } from '@app/domain';
import { CLUSTER_STAGE, clusterWorkflowId, FISCAL_YEAR } from '@app/temporal';
import { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { createUser, login, startApi } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';
import { eventually, RunningWorker, startWorker } from '../support/worker-harness';
import { TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { CatalogueRepository } from '@app/persistence';
import { connectTestClient } from '../support/test-temporal';

/** The whole pipe: HTTP request → API → Temporal → worker activity → PostgreSQL. */
describe('kicking off a cluster through the API', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let worker: RunningWorker;
  let pg: PgClient;
  let temporal: Client;
  let token: string;
  // Workflow ids are global to the Temporal server; a year of its own keeps this file independent.
  const fiscalYear = TEST_FISCAL_YEARS.kickoff;
  const taskQueue = uniqueName('queue');

  beforeAll(async () => {
    database = await createTestDatabase();
    const temporalAddress = testTemporalAddress();
    [app, worker] = await Promise.all([
      startApi({ databaseUrl: database.url, temporalAddress, taskQueue }),
      startWorker({ databaseUrl: database.url, temporalAddress, taskQueue }),
    ]);
    pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    temporal = await connectTestClient();
    await createUser(app, { username: 'office', roles: [Role.ReformOffice], displayName: '市政変革 花子' });
    await createUser(app, { username: 'staff', roles: [Role.Staff], bureauCode: null });
    token = await login(app, 'office');
    await app.get(CatalogueRepository).copyFiscalYear(2024, fiscalYear);
    await pg.query(`INSERT INTO bureaus (code, name) VALUES ('kankyo', '環境局')`);
    await request(app.getHttpServer())
      .patch(`/api/v1/fiscal-years/${fiscalYear}/clusters/27`)
      .auth(token, { type: 'bearer' })
      .send({ owningBureauCode: 'kankyo', analysedThisYear: true })
      .expect(200);
  });

  afterAll(async () => {
    await temporal.workflow
      .getHandle(clusterWorkflowId(fiscalYear, 27))
      .terminate('test finished')
      .catch(() => undefined);
    await temporal?.connection.close();
    await pg?.end();
    await worker?.stop();
    await app?.close();
    await database?.drop();
  });

  it('starts the lifecycle workflow, which records the kickoff in the read model and the audit trail', async () => {
    const kickoff = { meetingDate: '2024-06-04', attendees: ['環境局 総務課長', '市政変革推進室 係長'], notes: 'ごみ処理事業の経営分析に着手' };
    const response = await request(app.getHttpServer())
      .post(`/api/v1/fiscal-years/${fiscalYear}/clusters/27/kickoff`)
      .auth(token, { type: 'bearer' })
      .send(kickoff)
      .expect(201);
    expect(response.body).toEqual({ workflowId: `cluster/${fiscalYear}/27`, started: true });

    const cluster = await eventually(async () => {
      const { rows } = await pg.query(`SELECT stage, stage_changed_at FROM clusters WHERE fiscal_year = $1 AND no = 27`, [fiscalYear]);
      expect(rows[0].stage).toBe('KICKOFF');
      return rows[0];
    });
    expect(cluster.stage_changed_at).toBeInstanceOf(Date);

    const { rows: audit } = await pg.query(`SELECT actor_name, action, from_state, to_state, details FROM audit_events WHERE fiscal_year = $1 AND cluster_no = 27 ORDER BY id`, [fiscalYear]);
    expect(audit).toEqual([
      // Given its bureau and flagged for the year's analyses before (beforeAll), as the trail says too.
      { actor_name: '市政変革 花子', action: 'change-owning-bureau', from_state: 'NOT_STARTED', to_state: 'NOT_STARTED', details: { from: null, to: { code: 'kankyo', name: '環境局' } } },
      { actor_name: '市政変革 花子', action: 'set-analysed', from_state: 'NOT_STARTED', to_state: 'NOT_STARTED', details: {} },
      { actor_name: '市政変革 花子', action: 'kickoff', from_state: 'NOT_STARTED', to_state: 'KICKOFF', details: { kickoff } },
    ]);

    const listed = await request(app.getHttpServer()).get(`/api/v1/fiscal-years/${fiscalYear}/clusters/27`).auth(token, { type: 'bearer' }).expect(200);
    expect(listed.body).toMatchObject({ stage: 'KICKOFF', stageLabel: '経営分析着手' });

    const description = await temporal.workflow.getHandle(clusterWorkflowId(fiscalYear, 27)).describe();
    expect(description.typedSearchAttributes.get(FISCAL_YEAR)).toBe(fiscalYear);
    expect(description.typedSearchAttributes.get(CLUSTER_STAGE)).toBe('KICKOFF');
  });

  it('refuses a second kickoff of the same cluster with 409 and changes nothing', async () => {
    const response = await request(app.getHttpServer())
      .post(`/api/v1/fiscal-years/${fiscalYear}/clusters/27/kickoff`)
      .auth(token, { type: 'bearer' })
      .send({ meetingDate: '2024-06-05', attendees: [] })
      .expect(409);
    expect(response.body.detail).toContain('既に経営分析に着手しています');
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = $1 AND cluster_no = 27 AND action = 'kickoff'`, [fiscalYear]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses to kick off a cluster without an owning bureau, saying what to do', async () => {
    const response = await request(app.getHttpServer())
      .post(`/api/v1/fiscal-years/${fiscalYear}/clusters/26/kickoff`)
      .auth(token, { type: 'bearer' })
      .send({ meetingDate: '2030-06-04', attendees: [] })
      .expect(409);
    expect(response.body.detail).toContain('所管局が設定されていない');
  });

  it('refuses staff, an impossible date and an unknown cluster without starting anything', async () => {
    const staffToken = await login(app, 'staff');
    await request(app.getHttpServer()).post(`/api/v1/fiscal-years/${fiscalYear}/clusters/26/kickoff`).auth(staffToken, { type: 'bearer' }).send({ meetingDate: '2024-06-04', attendees: [] }).expect(403);
    const badDate = await request(app.getHttpServer())
      .post(`/api/v1/fiscal-years/${fiscalYear}/clusters/26/kickoff`)
      .auth(token, { type: 'bearer' })
      .send({ meetingDate: '2024-02-30', attendees: [] })
      .expect(400);
    expect(badDate.body.fields[0].field).toBe('meetingDate');
    await request(app.getHttpServer()).post(`/api/v1/fiscal-years/${fiscalYear}/clusters/99/kickoff`).auth(token, { type: 'bearer' }).send({ meetingDate: '2024-06-04', attendees: [] }).expect(404);
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = $1 AND stage <> 'NOT_STARTED'`, [fiscalYear]);
    expect(rows[0].n).toBe(1);
  });
});
