import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createUser, startApi } from '../support/api-harness';
import { expectProblem } from '../support/problem-details';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';

const USER = { username: 'cookie.staff', password: 'password-1234' };

/** The browser's way in: an HttpOnly session cookie, with a CSRF header on every change it authorises. */
describe('the web app session and how the API serves the app', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApi({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue: uniqueName('queue') });
    await createUser(app, { username: USER.username, roles: [] }, USER.password);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function sessionCookie(): Promise<string> {
    const response = await http().post('/api/v1/auth/session').set('X-Requested-With', 'fetch').send(USER).expect(200);
    return response.get('Set-Cookie')![0].split(';')[0];
  }

  it('sets an HttpOnly, SameSite=Strict cookie scoped to the API, Secure only behind https', async () => {
    const plain = await http().post('/api/v1/auth/session').set('X-Requested-With', 'fetch').send(USER).expect(200);
    expect(plain.body).toEqual({ expiresIn: 28800 });
    const [cookie] = plain.get('Set-Cookie')!;
    expect(cookie).toMatch(/^reform_session=[^;]+; Max-Age=28800; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const tls = await http().post('/api/v1/auth/session').set('X-Requested-With', 'fetch').set('X-Forwarded-Proto', 'https').send(USER).expect(200);
    expect(tls.get('Set-Cookie')![0]).toMatch(/; Secure/);
  });

  it('refuses to log in without the CSRF header, and says why in Japanese', async () => {
    const response = await http().post('/api/v1/auth/session').send(USER).expect(403);
    expect(response.body).toMatchObject({ code: 'auth.csrf-header-missing', detail: expect.stringContaining('X-Requested-With') });
    expect(response.get('Set-Cookie')).toBeUndefined();
  });

  it('answers a wrong password as POST /auth/login does', async () => {
    const response = await http().post('/api/v1/auth/session').set('X-Requested-With', 'fetch').send({ ...USER, password: 'wrong' }).expect(401);
    expect(response.body).toMatchObject({ code: 'auth.login-failed', detail: 'ユーザー名またはパスワードが違います' });
  });

  it('authenticates reads by the cookie and changes only with the CSRF header', async () => {
    const cookie = await sessionCookie();
    await http().get('/api/v1/me').set('Cookie', cookie).expect(200, /cookie\.staff/);
    const forged = await http().post('/api/v1/me/notifications/read-all').set('Cookie', cookie).expect(403);
    expect(forged.body.code).toBe('auth.csrf-header-missing');
    await http().post('/api/v1/me/notifications/read-all').set('Cookie', cookie).set('X-Requested-With', 'fetch').expect(200);
  });

  it.each(['%', '%E3%81', 'a%zz'])('takes a session cookie whose encoding does not decode (%s) for a wrong token: 401, and logging out still works', async (value) => {
    expectProblem(await http().get('/api/v1/me').set('Cookie', `reform_session=${value}`), 401, 'auth.required');
    await http().delete('/api/v1/auth/session').set('Cookie', `reform_session=${value}`).set('X-Requested-With', 'fetch').expect(204);
  });

  it('keeps bearer tokens working without the header, for API clients', async () => {
    const { accessToken } = (await http().post('/api/v1/auth/login').send(USER).expect(200)).body;
    await http().post('/api/v1/me/notifications/read-all').auth(accessToken, { type: 'bearer' }).expect(200);
  });

  it('ends the session by clearing the cookie', async () => {
    const response = await http().delete('/api/v1/auth/session').set('X-Requested-With', 'fetch').expect(204);
    expect(response.get('Set-Cookie')![0]).toMatch(/^reform_session=; Path=\/api; Expires=Thu, 01 Jan 1970/);
    await http().get('/api/v1/me').expect(401);
  });

  it('serves the app with a strict CSP and index.html for its own routes, never for /api', async () => {
    for (const path of ['/', '/login', '/fiscal-years/2024/clusters/27']) {
      const page = await http().get(path).expect(200).expect('Content-Type', /text\/html/);
      expect(page.text).toContain('<html lang="ja">');
      expect(page.get('Content-Security-Policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(page.get('X-Content-Type-Options')).toBe('nosniff');
      expect(page.get('X-Frame-Options')).toBe('DENY');
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    for (const path of ['/api', '/api/v1/no-such-thing', '/api/no-such-version/me']) {
      const response = await http().get(path).expect(404).expect('Content-Type', /application\/problem\+json/);
      expect(response.body.code).toBe('route.unknown');
    }
    await http().post('/no-such-form').expect(404);
  });

  it('serves the hashed assets as immutable', async () => {
    const page = await http().get('/').expect(200);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    await http().get(script).expect(200).expect('Cache-Control', 'public, max-age=31536000, immutable').expect('Content-Type', /javascript/);
  });
});
