import { refused } from '@app/domain';
import { ArgumentsHost, Logger } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';

function answer(error: unknown) {
  const response = {
    headersSent: false,
    statusCode: 0,
    headers: {} as Record<string, string>,
    body: '',
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    setHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
      return this;
    },
    send(body: string) {
      this.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ method: 'POST', path: '/api/v1/users' }), getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return { status: response.statusCode, contentType: response.headers['content-type'], problem: JSON.parse(response.body) };
}

describe('ProblemDetailsFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('answers an unexpected error with a generic 500 that leaks nothing, and logs it', () => {
    const { status, contentType, problem } = answer(new Error('connection to postgres://reform:s3cret@db failed'));
    expect(status).toBe(500);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(problem).toMatchObject({ code: 'server.error', type: 'urn:kitakyushu-reform:problem:server.error', status: 500, fields: [], current: null });
    expect(JSON.stringify(problem)).not.toContain('s3cret');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('POST /api/v1/users'), expect.stringContaining('s3cret'));
  });

  it('answers a refusal with the status of its class, without logging it', () => {
    const { status, problem } = answer(refused('user.username-taken', 'ユーザー名「kankyo.sato」は既に使われています'));
    expect(status).toBe(409);
    expect(problem).toMatchObject({ code: 'user.username-taken', title: 'ユーザー名は既に使われています', detail: 'ユーザー名「kankyo.sato」は既に使われています' });
    expect(logged).not.toHaveBeenCalled();
  });
});
