import { REPORT_BODY_MAX_LENGTH } from '@app/domain';
import { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

const FY = TEST_FISCAL_YEARS.httpHygiene;
const NO = 27;

/**
 * What an attacker or a broken client sends at the HTTP layer: every such request is refused with a
 * 4xx in the API's one error shape, and never reaches the point where it could do harm or cause a 500.
 */
describe('HTTP hygiene', () => {
  let fx: LifecycleFixture;
  const draftPath = `/api/v1/fiscal-years/${FY}/clusters/${NO}/reports/interim`;

  beforeAll(async () => {
    fx = await startLifecycleFixture(FY);
    await fx.assignCluster(NO);
    await fx.kickoff(NO);
  }, 120_000);
  afterAll(() => fx?.close());

  it('sends security headers and no X-Powered-By on API answers', async () => {
    const response = await fx.as('staff').get(`/api/v1/fiscal-years/${FY}/clusters`).expect(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('compresses a page of the board for a client that accepts it, Japanese intact', async () => {
    const board = await request(fx.app.getHttpServer())
      .get(`/api/v1/fiscal-years/${FY}/clusters?pageSize=100`)
      .auth(fx.tokens.staff, { type: 'bearer' })
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(board.headers['content-encoding']).toBe('gzip');
    expect(board.body.items.find((row: { no: number }) => row.no === NO).name).toBe('ごみ処理事業');
  });

  it('takes a report of the longest allowed body in Japanese, and answers 413 beyond what any valid request needs', async () => {
    const body = 'あ'.repeat(REPORT_BODY_MAX_LENGTH);
    await fx.as('staff').put(draftPath, { title: '長い報告書', body }).expect(200);
    const tooLarge = await fx.as('staff').put(draftPath, { title: '長すぎる報告書', body: '𠮷'.repeat(REPORT_BODY_MAX_LENGTH * 3) });
    expectProblem(tooLarge, 413, 'request.too-large');
  });

  it.each([
    ['a cluster number beyond any integer column', `/api/v1/fiscal-years/${FY}/clusters/2147483648`],
    ['a cluster number written in hexadecimal', `/api/v1/fiscal-years/${FY}/clusters/0x1b`],
    ['a cluster number with an exponent', `/api/v1/fiscal-years/${FY}/clusters/2.7e1`],
    ['a page number beyond any offset', `/api/v1/fiscal-years/${FY}/clusters?page=1e30`],
    ['a page number in hexadecimal', `/api/v1/fiscal-years/${FY}/clusters?page=0x2`],
    ['a version beyond any integer column', `${draftPath}/versions/99999999999`],
    ['a history page beyond any offset', `/api/v1/fiscal-years/${FY}/clusters/${NO}/history?page=9007199254740993`],
  ])('refuses %s with 400, naming the field', async (_what, path) => {
    const response = await fx.as('staff').get(path);
    expectProblem(response, 400, 'request.invalid');
    expect(response.body.fields.length).toBeGreaterThan(0);
  });

  it.each([
    ['a NUL character', '本文\u0000の途中'],
    ['a lone high surrogate', '本文\ud800の途中'],
    ['a lone low surrogate', '本文\udc00の途中'],
  ])('refuses a draft holding %s with 400 at the door, and the cluster goes on working', async (_what, text) => {
    const response = await fx.as('staff').put(draftPath, { title: '件名', body: text });
    expectProblem(response, 400, 'request.invalid');
    expect(response.body.fields).toEqual([expect.objectContaining({ field: 'body' })]);
    await fx.as('staff').put(draftPath, { title: '件名', body: '正しい本文' }).expect(200);
  });

  it.each([
    ['a NUL character', 'a\u0000b', 'a\\u0000b'],
    ['a lone surrogate', 'a\ud800', 'a\\ud800'],
  ])('refuses a property name holding %s with 400 naming it in escapes, and keeps that answer for its Idempotency-Key', async (_what, key, shown) => {
    const save = () => fx.as('staff').put(draftPath, { title: '件名', body: '本文', [key]: 1 }).set('Idempotency-Key', `unstorable-key-${shown}`);
    const first = expectProblem(await save(), 400, 'request.invalid');
    expect(first.fields).toEqual([expect.objectContaining({ field: shown })]);
    const repeat = await save();
    expectProblem(repeat, 400, 'request.invalid');
    expect(repeat.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a path segment whose percent-encoding does not decode with 400 saying so, not blaming the body', async () => {
    const response = await fx.as('staff').get(`/api/v1/fiscal-years/${FY}/clusters/%ED%A0%80`);
    expectProblem(response, 400, 'request.invalid');
    expect(response.body.detail).toMatch(/URL のパス.*%ED%A0%80/);
  });

  it('refuses a NUL character in a query string with 400', async () => {
    expectProblem(await fx.as('staff').get(`/api/v1/fiscal-years/${FY}/clusters?owningBureau=kan%00kyo`), 400, 'request.invalid');
  });

  it('refuses JSON nested thousands deep with 400', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await request(fx.app.getHttpServer())
      .put(draftPath)
      .auth(fx.tokens.staff, { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send(`{"title":"件名","body":"本文","extra":${deep}}`);
    expectProblem(response, 400, 'request.invalid');
  });

  it('refuses JSON nested thousands deep with 400 also where the action takes no body and the request has an Idempotency-Key', async () => {
    const response = await request(fx.app.getHttpServer())
      .post('/api/v1/me/notifications/read-all')
      .auth(fx.tokens.staff, { type: 'bearer' })
      .set('Idempotency-Key', 'deeply-nested-body')
      .set('Content-Type', 'application/json')
      .send(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expectProblem(response, 400, 'request.invalid');
  });

  /** Sends raw bytes, piece by piece with a pause between, and gives the answer's head and its problem body. */
  async function rawExchange(pieces: readonly string[]): Promise<{ head: string; problem: { status: number; headers: { 'content-type'?: string }; body: Record<string, unknown> } }> {
    const server = fx.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', async () => {
        for (const [index, piece] of pieces.entries()) {
          if (index > 0) await new Promise((resolve) => setTimeout(resolve, 50));
          socket.write(piece);
        }
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk;
        // One answer is all it takes; the server may keep the connection open for the next request.
        const [head, body = ''] = received.split('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? NaN);
        if (Buffer.byteLength(body) >= length) socket.end();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
    return { head, problem: { status, headers: { 'content-type': /content-type: ([^\r]+)/i.exec(head)?.[1] }, body: JSON.parse(body) } };
  }

  it('answers a URL past the 16 kB it reads with 431 in the one error shape, naming the path', async () => {
    const response = await fx.as('staff').get(`/api/v1/fiscal-years/${FY}/clusters?owningBureau=${'x'.repeat(20_000)}`);
    expectProblem(response, 431, 'request.headers-too-large');
    expect(response.body.instance).toBe(`/api/v1/fiscal-years/${FY}/clusters`);
  });

  it('names the path of a URL past 16 kB also when it arrives in pieces, as it may on a busy network', async () => {
    const path = `/api/v1/fiscal-years/${FY}/clusters`;
    const { problem } = await rawExchange([`GET ${path}?owningBureau=${'x'.repeat(10_000)}`, `${'y'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expectProblem(problem, 431, 'request.headers-too-large');
    expect(problem.body.instance).toBe(path);
  });

  it('answers a header section past what Node reads at all (64 kB) with 431 in the one error shape, not a bare status line', async () => {
    const { head, problem } = await rawExchange([`GET /api/v1/fiscal-years/${FY}/clusters?owningBureau=${'x'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expectProblem(problem, 431, 'request.headers-too-large');
  });

  it('answers bytes that are not HTTP with 400 in the one error shape', async () => {
    const { head, problem } = await rawExchange(['GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Broken: a\u0001b\r\n\r\n']);
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expectProblem(problem, 400, 'request.invalid');
  });

  it('takes only JSON bodies: a form or text body is 415', async () => {
    const form = await request(fx.app.getHttpServer()).put(draftPath).auth(fx.tokens.staff, { type: 'bearer' }).type('form').send('title=件名&body=本文');
    expectProblem(form, 415, 'request.unsupported-media-type');
    const text = await request(fx.app.getHttpServer()).put(draftPath).auth(fx.tokens.staff, { type: 'bearer' }).set('Content-Type', 'text/plain').send('{"title":"件名","body":"本文"}');
    expectProblem(text, 415, 'request.unsupported-media-type');
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const response = await request(fx.app.getHttpServer()).put(draftPath).auth(fx.tokens.staff, { type: 'bearer' }).set('Content-Type', 'application/json').send('{"title":');
    expectProblem(response, 400, 'request.invalid');
  });
});
