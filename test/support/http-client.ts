import type { Server } from 'node:http';
import request from 'supertest';

export interface AuthenticatedHttp {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
}

/**
 * An HTTP client of an API — an in-process one's server, or one listening at a URL — sending `token`
 * as the bearer token (anonymous without one).
 */
export function httpClient(target: Server | string, token: string | null): AuthenticatedHttp {
  const withAuth = (test: request.Test) => (token ? test.auth(token, { type: 'bearer' }) : test);
  return {
    get: (path) => withAuth(request(target).get(path)),
    post: (path, body) => withAuth(request(target).post(path)).send(body ?? {}),
    put: (path, body) => withAuth(request(target).put(path)).send(body ?? {}),
    patch: (path, body) => withAuth(request(target).patch(path)).send(body ?? {}),
  };
}
