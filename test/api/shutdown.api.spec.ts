import { AddressInfo } from 'node:net';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';

/**
 * Stopping the API (SIGTERM, Ctrl-C) lets the requests already in flight finish with their answers:
 * the HTTP server drains before the database and Temporal connections close under it.
 */
describe('stopping the API', () => {
  let fx: LifecycleFixture;

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.shutdown);
    await fx.assignCluster(27);
    await fx.kickoff(27);
    await fx.as('staff').put(`${fx.base(27)}/reports/interim`, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${fx.base(27)}/reports/interim/submit`).expect(200);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('answers an approval sent just before shutdown, then refuses new connections', async () => {
    await fx.app.listen(0, '127.0.0.1');
    const { port } = fx.app.getHttpServer().address() as AddressInfo;
    const cluster = `http://127.0.0.1:${port}${fx.base(27)}`;
    const arrived = new Promise((resolve) => fx.app.getHttpServer().once('request', resolve));
    const inFlight = fetch(`${cluster}/reports/interim/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fx.tokens.manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: '承認します' }),
    });
    // Once the request has reached the server, stop the application as its shutdown hooks would.
    await arrived;
    const stopping = fx.closeApi();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const detail = (await response.json()) as { reports: { submission: { steps: { status: string }[] } }[] };
    expect(detail.reports[0].submission.steps[0].status).toBe('approved');
    await stopping;
    await expect(fetch(cluster, { headers: { authorization: `Bearer ${fx.tokens.manager}` } })).rejects.toThrow();
  });
});
