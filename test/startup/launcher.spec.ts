import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { descendants, isAlive, launch, launcherEnvironment, loginAsAdmin, stop, stopLeftoverLaunchers } from '../support/launcher-harness';

describe('npm start', () => {
  afterAll(stopLeftoverLaunchers);

  it('prints where to go, stops everything on SIGTERM, SIGINT and SIGHUP, and comes back with the same data', async () => {
    const env = await launcherEnvironment();
    const port = env.PORT;
    const api = `http://localhost:${port}/api/v1`;

    const first = await launch(env);
    const printed = first.output.join('\n');
    expect(printed).toMatch(new RegExp(`is running\\.\\n  Web app       http://localhost:${port}/\\n  API           ${api}\\n`));
    const webApp = await fetch(`http://localhost:${port}/`);
    expect(webApp.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await webApp.text()).toContain('<html lang="ja">');
    expect(printed).toContain(`OpenAPI UI    http://localhost:${port}/api/docs`);
    expect(printed).toMatch(/Temporal UI   http:\/\/127\.0\.0\.1:\d+/);
    expect(printed).toMatch(/^Temporal: dev server on .* — Temporal CLI/m);
    expect(printed).toContain('"username":"admin"');
    // Workflows kept in DATA_DIR need the same payload key on every start: made once, readable by this user only.
    const payloadKeyFile = join(env.DATA_DIR, 'temporal-payload-keys');
    expect(printed).toContain(`Temporal: payloads encrypted with key "local" (generated, kept in ${payloadKeyFile})`);
    expect(statSync(payloadKeyFile).mode & 0o777).toBe(0o600);
    const payloadKey = readFileSync(payloadKeyFile, 'utf8');
    expect(payloadKey).toMatch(/^local:[A-Za-z0-9+/]{43}=\n$/);
    const token = await loginAsAdmin(api);
    const created = await fetch(`${api}/fiscal-years`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fiscalYear: 2025, copyFrom: 2024 }),
    });
    expect(created.status).toBe(201);

    const processes = descendants(first.child.pid!);
    expect(processes.length).toBeGreaterThanOrEqual(4);
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(processes.filter(isAlive)).toEqual([]);

    const second = await launch(env);
    expect(readFileSync(payloadKeyFile, 'utf8')).toBe(payloadKey);
    const years = await fetch(`${api}/fiscal-years`, { headers: { authorization: `Bearer ${await loginAsAdmin(api)}` } });
    expect(((await years.json()) as { fiscalYear: number }[]).map((year) => year.fiscalYear)).toEqual([2024, 2025]);
    const secondProcesses = descendants(second.child.pid!);
    expect(await stop(second, 'SIGINT')).toBe(0);
    expect(secondProcesses.filter(isAlive)).toEqual([]);

    // A closed terminal sends SIGHUP.
    const third = await launch(env);
    const thirdProcesses = descendants(third.child.pid!);
    expect(await stop(third, 'SIGHUP')).toBe(0);
    expect(thirdProcesses.filter(isAlive)).toEqual([]);
  }, 180_000);
});
