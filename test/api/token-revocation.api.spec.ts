import { Role } from '@app/domain';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { createUser, login, startApi } from '../support/api-harness';
import { expectProblem } from '../support/problem-details';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-the-validator';

/** Tokens that must not work: after logout, and ones forged or made for another system. */
describe('access tokens', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const me = (token: string) => request(app.getHttpServer()).get('/api/v1/me').auth(token, { type: 'bearer' });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    await createUser(app, { username: 'kankyo.staff', roles: [Role.Staff], bureauCode: null });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('POST /auth/logout ends every token of the caller, on every device, and a new login works', async () => {
    const laptop = await login(app, 'kankyo.staff');
    const phone = await login(app, 'kankyo.staff');
    await me(laptop).expect(200);
    await request(app.getHttpServer()).post('/api/v1/auth/logout').auth(laptop, { type: 'bearer' }).expect(204);
    expectProblem(await me(laptop), 401, 'auth.required');
    expectProblem(await me(phone), 401, 'auth.required');
    await me(await login(app, 'kankyo.staff')).expect(200);
  });

  it('DELETE /auth/session ends the session token too, so a copied cookie stops working', async () => {
    const opened = await request(app.getHttpServer()).post('/api/v1/auth/session').set('X-Requested-With', 'fetch').send({ username: 'kankyo.staff', password: 'password-1234' }).expect(200);
    const cookie = String(opened.headers['set-cookie']).split(';')[0];
    await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', cookie).expect(200);
    await request(app.getHttpServer()).delete('/api/v1/auth/session').set('Cookie', cookie).set('X-Requested-With', 'fetch').expect(204);
    expectProblem(await request(app.getHttpServer()).get('/api/v1/me').set('Cookie', cookie), 401, 'auth.required');
  });

  it('refuses tokens with the right key but another issuer, audience or algorithm, and unsigned ones', async () => {
    const valid = await login(app, 'kankyo.staff');
    const claims = app.get(JwtService).decode<Record<string, unknown>>(valid);
    const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, ...own } = claims;
    const signer = new JwtService({ secret: JWT_SECRET });
    const forged = [
      await signer.signAsync(own, { issuer: 'another-system', audience: 'kitakyushu-reform-api', expiresIn: 600 }),
      await signer.signAsync(own, { issuer: 'kitakyushu-reform', audience: 'another-api', expiresIn: 600 }),
      await signer.signAsync(own, { issuer: 'kitakyushu-reform', audience: 'kitakyushu-reform-api', expiresIn: 600, algorithm: 'HS512' }),
    ];
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const body = base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 });
    forged.push(`${base64url({ alg: 'none', typ: 'JWT' })}.${body}.`);
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const wrongKey = createHmac('sha256', 'another-key-another-key-another-key').update(`${header}.${body}`).digest('base64url');
    forged.push(`${header}.${body}.${wrongKey}`);
    for (const token of forged) expectProblem(await me(token), 401, 'auth.required');
    await me(valid).expect(200);
  });
});
