import { LifecycleFixture } from './lifecycle-fixture';

/** The read model says what the workflow itself holds, and the audit trail has each of its events once. */
export async function expectReadModelAgrees(fx: LifecycleFixture, no: number): Promise<void> {
  const workflowCase = await fx.workflowCase(no);
  const { rows } = await fx.pg.query(`SELECT stage, case_state, last_event_seq FROM clusters WHERE fiscal_year = $1 AND no = $2`, [fx.fiscalYear, no]);
  expect(rows[0].case_state).toEqual(workflowCase);
  expect(rows[0].stage).toBe((workflowCase as { stage: string }).stage);
  const audit = await fx.pg.query(`SELECT to_state FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 ORDER BY id`, [fx.fiscalYear, no]);
  expect(audit.rows).toHaveLength(rows[0].last_event_seq);
  expect(audit.rows[audit.rows.length - 1].to_state).toBe(rows[0].stage);
}

/** The cluster's audit trail in order, one `action report-kind` line per entry ("approve interim"). */
export async function auditTrail(fx: LifecycleFixture, no: number): Promise<string[]> {
  const { rows } = await fx.pg.query<{ action: string; report_kind: string | null }>(
    `SELECT action, report_kind FROM audit_events WHERE fiscal_year = $1 AND cluster_no = $2 ORDER BY id`,
    [fx.fiscalYear, no],
  );
  return rows.map((row) => [row.action, row.report_kind].filter(Boolean).join(' '));
}

/** The saved versions of one report in the read model, as `version title` lines. */
export async function reportVersions(fx: LifecycleFixture, no: number, kind: string): Promise<string[]> {
  const { rows } = await fx.pg.query<{ version: number; title: string }>(
    `SELECT version, title FROM report_versions WHERE fiscal_year = $1 AND cluster_no = $2 AND report_kind = $3 ORDER BY version`,
    [fx.fiscalYear, no, kind],
  );
  return rows.map((row) => `${row.version} ${row.title}`);
}

/** No Idempotency-Key is still claimed by a request without an answer, and the read model refused no event. */
export async function expectNothingLeftHanging(fx: LifecycleFixture): Promise<void> {
  const claimed = await fx.pg.query(`SELECT idempotency_key FROM idempotent_requests WHERE status_code IS NULL`);
  expect(claimed.rows).toEqual([]);
  const refused = await fx.pg.query(`SELECT event_id, problem FROM projection_failures`);
  expect(refused.rows).toEqual([]);
}
