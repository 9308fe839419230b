import { retentionScheduleId, RetentionResult } from '@app/temporal';
import { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { prepareSystem } from '../../apps/setup/src/prepare-system';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from '../support/test-environment';
import { eventually, RunningWorker, startWorker } from '../support/worker-harness';
import { connectTestClient, testTemporal } from '../support/test-temporal';

/**
 * The retention rules as a deployment runs them: set-up creates the Temporal Schedule (again and again
 * without a second one), and one run it starts, on the real worker, prunes what is past retention
 * (by the default rules) in bounded batches and keeps the rest.
 */
describe('retention: a Temporal Schedule made at set-up, pruning in bounded batches', () => {
  const taskQueue = uniqueName('retention');
  let database: TestDatabase;
  let pg: PgClient;
  let client: Client;
  let worker: RunningWorker;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSystem({ databaseUrl: database.url, temporal: testTemporal(), taskQueue }, (line) => lines.push(line));
    pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    client = await connectTestClient();
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await client?.schedule.getHandle(retentionScheduleId(taskQueue)).delete().catch(() => undefined);
    await client?.connection.close();
    await pg?.end();
    await database?.drop();
  });

  it('exists after set-up, nightly in Tokyo, starting its runs on the task queue; set-up again leaves one schedule', async () => {
    expect(lines).toContain('Temporal: retention schedule created (every night at 03:15 Asia/Tokyo)');
    const again: string[] = [];
    await prepareSystem({ databaseUrl: database.url, temporal: testTemporal(), taskQueue }, (line) => again.push(line));
    expect(again).toContain('Temporal: retention schedule up to date (every night at 03:15 Asia/Tokyo)');

    const schedule = await client.schedule.getHandle(retentionScheduleId(taskQueue)).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'retentionWorkflow', taskQueue });
    expect(schedule.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 15, end: 15, step: 1 }] })]);
    expect(schedule.spec.timezone).toBe('Asia/Tokyo');
    // Listing is eventually consistent: wait for it to show the schedule, then count.
    await eventually(async () => {
      const ids: string[] = [];
      for await (const listed of client.schedule.list()) if (listed.scheduleId === retentionScheduleId(taskQueue)) ids.push(listed.scheduleId);
      expect(ids).toHaveLength(1);
    });
  });

  it('prunes, in one triggered run, the idempotency records, read notifications and finished deliveries past retention, and keeps the rest', async () => {
    const { rows } = await pg.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, display_name, roles) VALUES ('retention.user', 'x', '保存 期間', '{staff}') RETURNING id`,
    );
    const user = rows[0].id;
    // 2,500 keys older than the 7 days kept: three batches of at most 1,000; and two recent ones.
    await pg.query(
      `INSERT INTO idempotent_requests (user_id, idempotency_key, method, path, request_hash, status_code, created_at, claimed_at)
       SELECT $1, 'old-' || n, 'POST', '/api/v1/x', 'h', 200, now() - interval '8 days', now() - interval '8 days' FROM generate_series(1, 2500) AS n`,
      [user],
    );
    await pg.query(
      `INSERT INTO idempotent_requests (user_id, idempotency_key, method, path, request_hash, status_code, created_at) VALUES
         ($1, 'recent', 'POST', '/api/v1/x', 'h', 200, now() - interval '6 days'), ($1, 'in-progress', 'PUT', '/api/v1/x', 'h', NULL, now())`,
      [user],
    );
    const notification = (key: string, readAt: string | null, createdAt = `now() - interval '400 days'`) =>
      pg.query(
        `INSERT INTO notifications (id, notification_key, user_id, kind, subject, body, created_at, read_at)
         VALUES ($1 || '/' || $2, $1, $2::uuid, 'reminder', '件名', '本文', ${createdAt}, ${readAt ?? 'NULL'})`,
        [key, user],
      );
    await notification('read-long-ago', `now() - interval '181 days'`);
    await notification('read-lately', `now() - interval '179 days'`);
    await notification('never-read', null, `now() - interval '1000 days'`);
    const delivery = (key: string, status: string, at: string) =>
      pg.query(
        `INSERT INTO notification_deliveries (channel, notification_key, recipient, destination, status, attempts, last_attempt_at, created_at)
         VALUES ('email', $1, $2, 'a@example.jp', $3, 1, ${at}, ${at})`,
        [key, user, status],
      );
    await delivery('delivered-long-ago', 'delivered', `now() - interval '91 days'`);
    await delivery('failed-long-ago', 'failed', `now() - interval '91 days'`);
    await delivery('still-pending', 'pending', `now() - interval '91 days'`);
    await delivery('delivered-lately', 'delivered', `now() - interval '89 days'`);

    worker = await startWorker({ databaseUrl: database.url, temporalAddress: testTemporalAddress(), taskQueue });
    const schedule = client.schedule.getHandle(retentionScheduleId(taskQueue));
    await schedule.trigger();
    const run = await eventually(async () => {
      const [action] = (await schedule.describe()).info.recentActions;
      expect(action).toBeDefined();
      return action.action;
    });
    const result = (await client.workflow.getHandle(run.workflow.workflowId, run.workflow.firstExecutionRunId).result()) as RetentionResult;

    expect(result).toEqual({
      pruned: { idempotentRequests: 2500, readNotifications: 1, notificationDeliveries: 2 },
      batches: { idempotentRequests: 3, readNotifications: 1, notificationDeliveries: 1 },
    });
    const keys = await pg.query(`SELECT idempotency_key FROM idempotent_requests ORDER BY idempotency_key`);
    expect(keys.rows.map((row) => row.idempotency_key)).toEqual(['in-progress', 'recent']);
    const inbox = await pg.query(`SELECT notification_key FROM notifications ORDER BY notification_key`);
    expect(inbox.rows.map((row) => row.notification_key)).toEqual(['never-read', 'read-lately']);
    const deliveries = await pg.query(`SELECT notification_key FROM notification_deliveries ORDER BY notification_key`);
    expect(deliveries.rows.map((row) => row.notification_key)).toEqual(['delivered-lately', 'still-pending']);
  }, 60_000);
});
