import { chmodSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { holdClusterRow, projectionsWaiting } from '../support/fault-injection';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { expectUnavailable, retryWhileRefused, timed } from '../support/outage-answers';
import { auditTrail, expectNothingLeftHanging, expectReadModelAgrees } from '../support/read-model-checks';
import { testRunDir } from '../support/test-environment';
import { startOwnPostgres } from '../support/test-servers';
import { quietTemporalRuntime } from '../support/worker-harness';

const FY = TEST_FISCAL_YEARS.postgresOutage;
const NO = 27;
/** How long an action waits on Temporal before 503 (15 s in production). */
const DEADLINE_MS = 3_000;
/** How long a key whose request could not record its answer stays claimed (2 min in production). */
const LEASE_MS = 6_000;
/** Without a database, a request fails at its first query: at once, well before any deadline. */
const REFUSED_AT_ONCE_MS = 2_000;

/**
 * PostgreSQL (a server of this file's own) stopped while an approval waits for its projection, and
 * started again on the same port with the same data. Meanwhile reads and actions answer 503
 * database.unavailable with Retry-After, in time; the approval that was in flight answers 503 when its
 * deadline passes. Its key could not be released without a database, so once PostgreSQL is back a
 * retry with that key gets 409 idempotency.in-progress until the key's lease has run out, then the
 * approval's own answer: it acted once.
 */
describe('PostgreSQL stopped and started again during a decision', () => {
  let servers: ServerHostProcess;
  let fx: LifecycleFixture;
  const reports = `/api/v1/fiscal-years/${FY}/clusters/${NO}/reports/interim`;

  beforeAll(async () => {
    quietTemporalRuntime('ERROR', 'ERROR');
    const dataDir = mkdtempSync(join(testRunDir(), 'postgres-outage-'));
    // When tests run as root, PostgreSQL runs as its own user and must be able to enter this folder.
    chmodSync(dataDir, 0o755);
    servers = await startOwnPostgres(join(dataDir, 'postgres'));
    fx = await startLifecycleFixture(FY, {}, { databaseServerUrl: servers.ready.databaseUrl!, temporalRequestTimeoutMs: DEADLINE_MS, idempotencyLeaseMs: LEASE_MS });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await servers?.close();
  });

  it('answers 503 database.unavailable while it is down, and the approval in flight acts once when retried after it is back', async () => {
    await fx.assignCluster(NO);
    await fx.kickoff(NO);
    await fx.as('staff').put(reports, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${reports}/submit`).expect(200);

    const row = await holdClusterRow(fx.databaseUrl, FY, NO);
    const approve = () => fx.as('manager').post(`${reports}/approve`, { comment: '承認します' }).set('Idempotency-Key', 'approve-during-outage');
    const inFlight = timed(approve);
    await projectionsWaiting(fx, 1);
    await servers.stopServer('postgres');
    await row.release();

    for (const read of [`/api/v1/fiscal-years/${FY}/clusters/${NO}`, `/api/v1/fiscal-years/${FY}/clusters`, `/api/v1/fiscal-years/${FY}/clusters/${NO}/history`, '/api/v1/me/tasks']) {
      expectUnavailable(await timed(() => fx.as('manager').get(read)), 'database.unavailable', REFUSED_AT_ONCE_MS);
    }
    expectUnavailable(await timed(approve), 'database.unavailable', REFUSED_AT_ONCE_MS);
    expectUnavailable(await timed(() => fx.as('director').post(`${reports}/approve`)), 'database.unavailable', REFUSED_AT_ONCE_MS);
    // Its deadline passed with PostgreSQL still down: 503, and its key stays claimed, as nothing could release it.
    expectUnavailable(await inFlight, 'database.unavailable', DEADLINE_MS + REFUSED_AT_ONCE_MS);

    await servers.startServer('postgres');
    const retried = await retryWhileRefused(approve, ['database.unavailable', 'idempotency.in-progress'], REFUSED_AT_ONCE_MS);
    expect(retried.response.status).toBe(200);
    expect(retried.refused['idempotency.in-progress']).toBeGreaterThan(0);
    expect(retried.response.body.reports[0].submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'pending', 'waiting']);
    expect((await approve().expect(200)).headers['idempotent-replayed']).toBe('true');

    for (const approver of ['director', 'office'] as const) await fx.as(approver).post(`${reports}/approve`).expect(200);
    expect(await auditTrail(fx, NO)).toEqual(['kickoff', 'save-draft interim', 'submit interim', 'approve interim', 'approve interim', 'approve interim']);
    await expectReadModelAgrees(fx, NO);
    await expectNothingLeftHanging(fx);
  }, 90_000);
});
