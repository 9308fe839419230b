import { fiscalYearOfDay, tokyoDate } from '@app/domain';
import { DEMO_PASSWORD } from '@app/persistence';
import { launch, launcherEnvironment, stop, stopLeftoverLaunchers } from '../support/launcher-harness';

/** DEMO_DATA=true on a fresh start: every page of the programme has content, put there by the workflows themselves. */
describe('npm start with DEMO_DATA=true', () => {
  afterAll(stopLeftoverLaunchers);

  it('puts this fiscal year\'s analyses, X policies and Platinum project under way once, and leaves them alone on the next start', async () => {
    const env = await launcherEnvironment({ DEMO_DATA: 'true' });
    const api = `http://localhost:${env.PORT}/api/v1`;
    const fiscalYear = fiscalYearOfDay(tokyoDate(new Date()));

    const first = await launch(env);
    expect(first.output).toContain(`Demo data: FY${fiscalYear} under way`);
    const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reform.office1', password: DEMO_PASSWORD }) });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const get = async (path: string) => (await fetch(`${api}/fiscal-years/${fiscalYear}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<Record<string, unknown>>;

    const xPolicies = (await get('/x-policies')) as { items: { phase: string | null }[] };
    const xPhases = new Set(xPolicies.items.map((item) => item.phase));
    expect([...xPhases]).toEqual(expect.arrayContaining([null, 'SELF_INSPECTION', 'ISSUES', 'IN_APPROVAL', 'PUBLISHED']));
    const platinum = (await get('/platinum')) as { phase: string; formation: unknown; countsByPhase: { key: string; count: number }[] };
    expect(platinum.formation).not.toBeNull();
    expect(platinum.countsByPhase.filter((count) => count.count > 0).map((count) => count.key)).toEqual(
      expect.arrayContaining(['DRAFTING', 'SUBMITTED', 'BUREAU_REVIEW', 'RESPONSE_POLICY', 'CLOSED', 'WITHDRAWN']),
    );
    const clusters = (await get('/clusters?pageSize=100')) as { items: { stage: string }[] };
    expect(clusters.items.some((cluster) => cluster.stage === 'INTERIM_REPORT')).toBe(true);
    expect(await stop(first, 'SIGTERM')).toBe(0);

    const second = await launch(env);
    expect(second.output).toContain('Demo data: this fiscal year is there already, left as it is');
    expect(await stop(second, 'SIGTERM')).toBe(0);
  }, 240_000);
});
