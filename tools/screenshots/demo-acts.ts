import { DEMO_PASSWORD } from '@app/persistence';
import { ApiClient, TimedResponse } from '../../bench/api-client';

/** One call of the API as a demo user, under /api/v1, expecting its status (200 unless said). */
export type DemoAct = (username: string, method: string, path: string, body?: object, expect?: number) => Promise<TimedResponse>;

/** Acting through the API as the demo users, as people would, each logged in once. */
export function demoActs(api: ApiClient): DemoAct {
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await api.login(username, DEMO_PASSWORD));
    return tokens.get(username)!;
  };
  return async (username, method, path, body, expect = 200) => api.call(method, path, { token: await tokenOf(username), body, expect });
}
