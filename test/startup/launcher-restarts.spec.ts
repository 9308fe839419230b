import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, descendants, isAlive, launch, launcherEnvironment, loginAsAdmin, processOf, stopLeftoverLaunchers } from '../support/launcher-harness';
import { eventually } from '../support/worker-harness';

const PARTS = [
  { part: 'the worker', command: /apps\/worker\/src\/main\.js/, says: /^The worker stopped unexpectedly \(killed by SIGKILL\): restarting it in 1 s$/ },
  { part: 'the API', command: /apps\/api\/src\/main\.js/, says: /^The API stopped unexpectedly \(killed by SIGKILL\): restarting it in 1 s$/ },
  { part: 'PostgreSQL', command: /\/bin\/postgres -D /, says: /^PostgreSQL: running again on 127\.0\.0\.1:\d+$/ },
  { part: 'Temporal', command: / server start-dev /, says: /^Temporal: running again on 127\.0\.0\.1:\d+$/ },
];

/**
 * Every file and folder below `folder` with the permissions others have on it. One that goes while it is
 * read (a postmaster.pid of a PostgreSQL that was just shutting down) is passed over: it leaks nothing.
 */
function othersAccess(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  const names = existsSync(folder) ? readdirSync(folder) : [];
  for (const name of names) {
    const path = join(folder, name);
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) continue;
    const mode = stats.mode & 0o007;
    found[path] = `${mode & 4 ? 'r' : '-'}${mode & 2 ? 'w' : '-'}${mode & 1 ? 'x' : '-'}`;
    if (stats.isDirectory()) Object.assign(found, othersAccess(path));
  }
  return found;
}

describe('npm start when a part of the system dies', () => {
  afterAll(stopLeftoverLaunchers);

  it('starts the worker, the API, PostgreSQL and Temporal again, each time serving an action afterwards; killed itself, it leaves no process behind', async () => {
    const env = await launcherEnvironment();
    const api = `http://localhost:${env.PORT}/api/v1`;
    const launched = await launch(env);
    const launcher = launched.child.pid!;

    const call = async (method: string, path: string, token: string, body?: object) => {
      const response = await fetch(`${api}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const admin = await loginAsAdmin(api);
    expect((await call('POST', '/bureaus', admin, { code: 'kankyo', name: '環境局' })).status).toBe(201);
    const office = { username: 'office', password: 'office-password-1', displayName: '市政変革室', roles: ['reform-office'] };
    expect((await call('POST', '/users', admin, office)).status).toBe(201);
    let clusterNo = 0;
    /** 着手 of the next cluster: it needs PostgreSQL, Temporal and a worker polling. */
    const kickoffWorks = async () => {
      clusterNo += 1;
      const login = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: office.username, password: office.password }),
      });
      const token = ((await login.json()) as { accessToken: string }).accessToken;
      expect((await call('PATCH', `/fiscal-years/2024/clusters/${clusterNo}`, token, { owningBureauCode: 'kankyo' })).status).toBe(200);
      const kickoff = await call('POST', `/fiscal-years/2024/clusters/${clusterNo}/kickoff`, token, { meetingDate: '2024-06-04', attendees: ['環境局 総務課長'] });
      expect({ status: kickoff.status, started: kickoff.body.started }).toEqual({ status: 201, started: true });
    };
    await kickoffWorks();

    for (const { part, command, says } of PARTS) {
      const killed = processOf(launcher, command);
      const printedBefore = launched.output.length;
      process.kill(killed, 'SIGKILL');
      await launched.line(says, { after: printedBefore });
      const replacement = await eventually(async () => {
        const pid = processOf(launcher, command);
        if (pid === killed) throw new Error(`${part} has not been started again yet`);
        return pid;
      });
      expect({ part, restarted: isAlive(replacement) }).toEqual({ part, restarted: true });
      await eventually(async () => expect((await fetch(`${api}/health`)).status).toBe(200), 30_000);
      await kickoffWorks();
    }

    // Killed outright, the launcher cannot stop anything: the API and the worker notice their lifeline
    // closing, the server host its stdin.
    const everything = descendants(launcher);
    const commands = everything.map(commandLine).join('\n');
    for (const { command } of PARTS) expect(commands).toMatch(command);
    process.kill(launcher, 'SIGKILL');
    await eventually(async () => expect(everything.filter(isAlive).map(commandLine)).toEqual([]), 30_000);

    // Nothing it wrote is readable by other users; the postgres user may only pass through to its data.
    const access = othersAccess(env.DATA_DIR);
    expect(Object.keys(access)).toEqual(expect.arrayContaining(['logs/api.log', 'logs/worker.log', 'logs/postgres.log', 'logs/temporal.log', 'jwt-secret', 'temporal.sqlite'].map((file) => join(env.DATA_DIR, file))));
    expect(Object.entries(access).filter(([, others]) => others.includes('r') || others.includes('w'))).toEqual([]);
    expect(othersAccess(join(env.DATA_DIR, '..'))[env.DATA_DIR]).toBe(process.getuid?.() === 0 ? '--x' : '---');
  }, 115_000);
});
