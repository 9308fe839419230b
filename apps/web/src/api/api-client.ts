import createClient, { type Middleware } from 'openapi-fetch';
import { problemOf } from './api-problem';
import type { paths } from './schema';

type SessionLostListener = () => void;
const sessionLostListeners = new Set<SessionLostListener>();

/** Called when the API says the session is gone (expired, logged out elsewhere, account disabled). */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

const sessionWatch: Middleware = {
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !schemaPath.startsWith('/api/v1/auth/')) sessionLostListeners.forEach((listener) => listener());
    return undefined;
  },
};

/**
 * The one client of the API, typed from its OpenAPI document. The session is an HttpOnly cookie the
 * browser sends by itself; the custom header is what the API asks of cookie-authenticated changes.
 */
export const api = createClient<paths>({ credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
api.use(sessionWatch);

/** The body of a successful answer, or the API's problem thrown as an ApiProblem. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw problemOf(undefined, undefined);
  }
  if (result.error !== undefined || !result.response.ok) throw problemOf(result.error, result.response);
  return result.data as T;
}
