import { toTokyoIsoString } from '@app/domain';
import { ensureSearchAttributes } from '@app/temporal';
import { Connection } from '@temporalio/client';
import { chmodSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ServerHostProcess } from '../../tools/infra/server-host-process';
import { holdClusterRow, projectionsWaiting } from '../support/fault-injection';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { expectUnavailable, retryWhileRefused, timed } from '../support/outage-answers';
import { auditTrail, expectNothingLeftHanging, expectReadModelAgrees } from '../support/read-model-checks';
import { testRunDir } from '../support/test-environment';
import { startOwnTemporal } from '../support/test-servers';
import { testTemporal } from '../support/test-temporal';
import { eventually, quietTemporalRuntime } from '../support/worker-harness';

const FY = TEST_FISCAL_YEARS.temporalOutage;
/** How long an action waits on Temporal before 503 (15 s in production). */
const DEADLINE_MS = 3_000;
/** A 503 comes when the deadline has passed at the latest, not when the outage ends. */
const ANSWERED_WITHIN_MS = DEADLINE_MS + 3_000;
/** The interim report's reminder falls this long after the year's deadlines are set: within the outage. */
const REMINDER_AFTER_MS = 20_000;

/**
 * The Temporal dev server (one of this file's own, keeping its workflows in SQLite) stopped while the
 * API records an approval its workflow answered, and started again on the same port with the same file; the
 * worker and the API reconnect by themselves. Meanwhile actions answer 503 temporal.unavailable with
 * Retry-After, in time, and reads from the read model answer as usual; afterwards retries with the
 * same Idempotency-Key act once, the workflows go on, and a reminder that fell due during the outage
 * goes out once.
 */
describe('Temporal stopped and started again', () => {
  let servers: ServerHostProcess;
  let fx: LifecycleFixture;
  const reports = (no: number) => `${fx.base(no)}/reports/interim`;

  beforeAll(async () => {
    quietTemporalRuntime('ERROR', 'ERROR');
    const dataDir = mkdtempSync(join(testRunDir(), 'temporal-outage-'));
    chmodSync(dataDir, 0o700);
    servers = await startOwnTemporal(join(dataDir, 'temporal.sqlite'));
    const connection = await Connection.connect({ address: servers.ready.temporalAddress });
    await ensureSearchAttributes(connection, 'default');
    await connection.close();
    fx = await startLifecycleFixture(FY, {}, { temporal: testTemporal(servers.ready.temporalAddress), temporalRequestTimeoutMs: DEADLINE_MS });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await servers?.close();
  });

  const inbox = async () =>
    (await fx.pg.query<{ notification_key: string; created_at: Date }>(`SELECT notification_key, created_at FROM notifications WHERE fiscal_year = $1`, [FY])).rows;

  it('answers actions 503 and reads 200 while it is down; afterwards each retry acts once and the reminder due meanwhile goes out once', async () => {
    // The interim report falls due in an hour, its reminder an hour before: 20 s from now.
    const due = new Date(Math.ceil((Date.now() + 3600_000 + REMINDER_AFTER_MS) / 1000) * 1000);
    const reminderAt = due.getTime() - 3600_000;
    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${FY}/calendar-settings`).expect(200)).body;
    const deadlines = [{ target: 'interim', meetingId: 'x1', leadBusinessDays: 0 }];
    const tokyo = toTokyoIsoString(due);
    await fx.as('office').put(`/api/v1/fiscal-years/${FY}/calendar-settings`, { ...settings, deadlines, reminderOffsets: ['PT1H'], digestLeadBusinessDays: 0, dueTime: tokyo.slice(11, 19) }).expect(200);
    await fx.as('office').patch(`/api/v1/fiscal-years/${FY}/meetings/x1`, { date: { kind: 'exact', date: tokyo.slice(0, 10) } }).expect(200);
    for (const no of [27, 28]) await fx.assignCluster(no);
    await fx.kickoff(27);
    await fx.as('staff').put(reports(27), { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${reports(27)}/submit`).expect(200);

    // The manager's approval is answered by the workflow, and the API records it when Temporal stops:
    // it needs Temporal no more, so it is answered, and its retry gets the same answer.
    const row = await holdClusterRow(fx.databaseUrl, FY, 27);
    const approve = () => fx.as('manager').post(`${reports(27)}/approve`, { comment: '承認します' }).set('Idempotency-Key', 'manager-approves');
    const inFlight = timed(approve);
    await projectionsWaiting(fx, 1);
    await servers.stopServer('temporal');
    await row.release();
    expect((await inFlight).response.status).toBe(200);
    expect(await inbox()).toEqual([]);

    // Reads come from the read model: they answer as usual, and show the approval.
    const detail = await fx.as('manager').get(fx.base(27)).expect(200);
    expect(detail.body.reports[0].submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'pending', 'waiting']);
    for (const read of [`/api/v1/fiscal-years/${FY}/clusters`, `${fx.base(27)}/history`, '/api/v1/me/notifications', '/api/v1/me/tasks']) await fx.as('director').get(read).expect(200);
    // Actions need Temporal: each is told so in time, with when to try again.
    const directorApproves = () => fx.as('director').post(`${reports(27)}/approve`).set('Idempotency-Key', 'director-approves');
    const kickoff28 = () => fx.as('office').post(`${fx.base(28)}/kickoff`, { meetingDate: `${FY}-06-04`, attendees: [] }).set('Idempotency-Key', 'kickoff-28');
    for (const send of [directorApproves, kickoff28]) expectUnavailable(await timed(send), 'temporal.unavailable', ANSWERED_WITHIN_MS);
    expect((await approve().expect(200)).headers['idempotent-replayed']).toBe('true');

    // The reminder's time passes with nobody to send it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, reminderAt + 1_000 - Date.now())));
    expect(await inbox()).toEqual([]);
    // Nothing can be sent before the server is asked to start again.
    const restarting = Date.now();
    await servers.startServer('temporal');

    expect((await retryWhileRefused(directorApproves, ['temporal.unavailable'], ANSWERED_WITHIN_MS)).response.status).toBe(200);
    expect((await retryWhileRefused(kickoff28, ['temporal.unavailable'], ANSWERED_WITHIN_MS)).response.status).toBe(201);
    await fx.as('office').post(`${reports(27)}/approve`).expect(200);

    // Each cluster's reminder once: No.27's at its time, which fell in the outage, No.28's at its kickoff, already past it.
    const reminders = await eventually(async () => {
      const entries = await inbox();
      expect([...new Set(entries.map((entry) => entry.notification_key.split('/').slice(0, 3).join('/')))].sort()).toEqual([`reminder/${FY}/27`, `reminder/${FY}/28`]);
      return entries;
    });
    expect(new Set(reminders.map((entry) => entry.notification_key)).size).toBe(2);
    for (const entry of reminders) expect(entry.created_at.getTime()).toBeGreaterThanOrEqual(restarting);

    expect(await auditTrail(fx, 27)).toEqual(['kickoff', 'save-draft interim', 'submit interim', 'approve interim', 'approve interim', 'approve interim']);
    expect(await auditTrail(fx, 28)).toEqual(['kickoff']);
    for (const no of [27, 28]) await expectReadModelAgrees(fx, no);
    await expectNothingLeftHanging(fx);
  }, 150_000);
});
