import { setTimeout as delay } from 'node:timers/promises';

/** Polls the API's health endpoint until it answers 200, a process dies, or time runs out. */
export async function waitForHealth(url: string, isAlive: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('a process stopped during start-up');
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
