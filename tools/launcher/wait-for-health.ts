import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls the API's health endpoint until it answers 200 (PostgreSQL, Temporal and a polling worker),
 * start-up is abandoned (a part kept failing), or time runs out.
 */
export async function waitForHealth(url: string, goOn: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!goOn()) throw new Error('start-up was abandoned');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(500);
  }
  throw new Error(`the API did not become healthy within ${timeoutMs / 1000} s (${last})`);
}
