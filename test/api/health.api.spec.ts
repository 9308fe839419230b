import { prepareDatabase } from '@app/persistence';
import { INestApplication } from '@nestjs/common';
import { chmodSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { Role } from '@app/domain';
import { createUser, login, startApi } from '../support/api-harness';
import { testRunDir, uniqueName } from '../support/test-environment';
import { startTestServers } from '../support/test-servers';
import { eventually, RunningWorker, startWorker } from '../support/worker-harness';

/** Servers of its own, because this test stops them. */
describe('GET /api/v1/health', () => {
  let servers: ServerHostProcess;
  let app: INestApplication;
  let worker: RunningWorker | undefined;
  const taskQueue = uniqueName('queue');

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(testRunDir(), 'health-'));
    chmodSync(dataDir, 0o755);
    servers = await startTestServers(join(dataDir, 'postgres'));
    await prepareDatabase(servers.ready.databaseUrl!);
    app = await startApi({ databaseUrl: servers.ready.databaseUrl!, temporalAddress: servers.ready.temporalAddress, taskQueue });
  });
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await servers?.close();
  });

  it('answers 503 naming the worker while none polls, 200 with all up, then 503 naming Temporal, then 503 naming the database', async () => {
    const noWorker = await request(app.getHttpServer()).get('/api/v1/health').expect(503);
    expect(noWorker.body).toMatchObject({ status: 503, code: 'service.unhealthy' });
    expect(noWorker.body.current).toEqual({ database: 'up', temporal: 'up', worker: 'down' });
    expect(noWorker.body.detail).toBe('応答していないサービスがあります: ワーカー [worker]');
    // The check's own text names the task queue; that stays out of the public answer.
    expect(JSON.stringify(noWorker.body)).not.toContain(taskQueue);

    worker = await startWorker({ databaseUrl: servers.ready.databaseUrl!, temporalAddress: servers.ready.temporalAddress, taskQueue });
    const healthy = await eventually(() => request(app.getHttpServer()).get('/api/v1/health').expect(200));
    expect(healthy.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } } });
    await worker.stop();
    worker = undefined;

    await servers.stopServer('temporal');
    const temporalDown = await request(app.getHttpServer()).get('/api/v1/health').expect(503);
    expect(temporalDown.headers['content-type']).toContain('application/problem+json');
    expect(temporalDown.body).toMatchObject({ status: 503, code: 'service.unhealthy' });
    // With Temporal gone nobody can tell whether a worker polls: not up.
    expect(temporalDown.body.current).toEqual({ database: 'up', temporal: 'down', worker: 'down' });
    // The checks' own error texts (hosts, ports, driver messages) stay in the log.
    expect(Object.keys(temporalDown.body).sort()).toEqual(['code', 'current', 'detail', 'fields', 'instance', 'status', 'title', 'type']);
    expect(JSON.stringify(temporalDown.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|UNAVAILABLE|message/);
    // An action that needs Temporal says why it cannot be done now, instead of failing with a 500.
    await createUser(app, { username: 'office', roles: [Role.ReformOffice] });
    const token = await login(app, 'office');
    const refused = await request(app.getHttpServer())
      .patch('/api/v1/fiscal-years/2024/meetings/x3')
      .auth(token, { type: 'bearer' })
      .send({ date: { kind: 'exact', date: '2024-10-07' } })
      .expect(503);
    expect(refused.body).toMatchObject({ status: 503, code: 'temporal.unavailable', type: 'urn:kitakyushu-reform:problem:temporal.unavailable' });
    expect(refused.body.detail).toContain('ワークフローサーバー（Temporal）に接続できません');

    await servers.stopServer('postgres');
    // A read and an action while PostgreSQL is down: the server's trouble, told as such, with when to try again.
    for (const call of [
      request(app.getHttpServer()).get('/api/v1/fiscal-years').auth(token, { type: 'bearer' }),
      request(app.getHttpServer()).get('/api/v1/fiscal-years/2024/clusters').auth(token, { type: 'bearer' }),
      request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'office', password: 'password-1234' }),
    ]) {
      const unavailable = await call;
      expect({ status: unavailable.status, code: unavailable.body.code, retryAfter: unavailable.headers['retry-after'] }).toEqual({ status: 503, code: 'database.unavailable', retryAfter: '5' });
      expect(unavailable.body.detail).toContain('データベースに接続できません');
    }
    const bothDown = await request(app.getHttpServer()).get('/api/v1/health').expect(503);
    expect(bothDown.body.current).toEqual({ database: 'down', temporal: 'down', worker: 'down' });
  });
});
