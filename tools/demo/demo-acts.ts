import { DEMO_PASSWORD } from '@app/persistence';
import { ApiClient, TimedResponse } from '../http/api-client';

/** One call of the API as a demo user, under /api/v1, expecting its status (200 unless said). */
export type DemoAct = (username: string, method: string, path: string, body?: object, expect?: number) => Promise<TimedResponse>;

/** The most a login waits for the per-address login limit to let it through. */
const LOGIN_PATIENCE = 3;

/**
 * Acting through the API as the demo users, as people would, each logged in once. The API limits
 * logins per address (LOGIN_RATE_LIMIT_PER_MINUTE) and the demo logs in a few dozen people, so a
 * login that is told to wait waits as long as the answer's Retry-After says, and says so.
 */
export function demoActs(api: ApiClient, say: (line: string) => void = () => {}): DemoAct {
  const tokens = new Map<string, Promise<string>>();
  const login = async (username: string): Promise<string> => {
    for (let attempt = 0; ; attempt += 1) {
      const answer = await api.call<{ accessToken: string }>('POST', '/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (answer.status === 200) return answer.body.accessToken;
      if (answer.status !== 429 || attempt >= LOGIN_PATIENCE) throw new Error(`logging in as ${username} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const seconds = answer.retryAfterSeconds ?? 60;
      say(`waiting ${seconds} s for the login limit before logging in as ${username}`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  };
  const tokenOf = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, login(username));
    return tokens.get(username) as Promise<string>;
  };
  return async (username, method, path, body, expect = 200) => api.call(method, path, { token: await tokenOf(username), body, expect });
}
