import { adminPasswordOf } from '@app/config';
import request from 'supertest';
import { startApi } from '../support/api-harness';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

/** The administrator account on a production start: never with a password anyone can read in the README. */
describe('the administrator account at start-up', () => {
  let database: TestDatabase;
  const target = () => ({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('refuses to start in production without ADMIN_PASSWORD, or with the published one, while no admin exists', async () => {
    await expect(startApi({ ...target(), adminPassword: adminPasswordOf({ NODE_ENV: 'production' }) })).rejects.toThrow(/ADMIN_PASSWORD is unset/);
    await expect(startApi({ ...target(), adminPassword: adminPasswordOf({ NODE_ENV: 'production', ADMIN_PASSWORD: 'reform-admin' }) })).rejects.toThrow(/published development password/);
  });

  it('creates the admin with a password of the operator, and afterwards starts without one', async () => {
    const first = await startApi({ ...target(), adminPassword: adminPasswordOf({ NODE_ENV: 'production', ADMIN_PASSWORD: 'operators-own-password' }) });
    await request(first.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: 'operators-own-password' }).expect(200);
    await first.close();
    const later = await startApi({ ...target(), adminPassword: adminPasswordOf({ NODE_ENV: 'production' }) });
    await request(later.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: 'operators-own-password' }).expect(200);
    await later.close();
  });
});
