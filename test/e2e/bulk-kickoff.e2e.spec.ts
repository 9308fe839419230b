import { FY2024_CLUSTERS } from '@app/persistence';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { eventually } from '../support/worker-harness';

/** The reform office starts the year: every flagged cluster at once, safely repeatable. */
describe('bulk kickoff of the FY2024 clusters', () => {
  let fx: LifecycleFixture;
  const kickoff = { meetingDate: '2024-06-04', attendees: ['市政変革推進室長'], notes: '令和6年度 経営分析 キックオフ' };

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.bulkKickoff);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true, owning_bureau_code = 'kankyo' WHERE fiscal_year = 2024 AND no <> 57`);
    await fx.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = 2024 AND no = 57`);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('starts every flagged cluster with an owning bureau, says which it skipped and why, and counts repeats', async () => {
    const first = await fx.as('office').post('/api/v1/fiscal-years/2024/kickoff', kickoff).expect(200);
    expect(first.body).toEqual({ flagged: 57, started: 56, alreadyRunning: 0, skipped: [{ no: 57, name: 'BPR推進', reason: '所管局が設定されていません' }] });

    await eventually(async () => {
      const progress = await fx.as('office').get('/api/v1/fiscal-years/2024/progress').expect(200);
      expect(progress.body.overall.byStage).toMatchObject({ KICKOFF: 56, NOT_STARTED: 1 });
    }, 30_000);
    const tasks = await fx.as('staff').get('/api/v1/me/tasks?pageSize=200').expect(200);
    expect(tasks.body.total).toBe(56 * 1);

    await fx.assignCluster(57);
    const second = await fx.as('office').post('/api/v1/fiscal-years/2024/kickoff', kickoff).set('Idempotency-Key', 'bulk-2').expect(200);
    expect(second.body).toEqual({ flagged: 57, started: 1, alreadyRunning: 56, skipped: [] });
    const repeated = await fx.as('office').post('/api/v1/fiscal-years/2024/kickoff', kickoff).set('Idempotency-Key', 'bulk-2').expect(200);
    expect(repeated.body).toEqual(second.body);
    const third = await fx.as('office').post('/api/v1/fiscal-years/2024/kickoff', kickoff).expect(200);
    expect(third.body).toMatchObject({ started: 0, alreadyRunning: 57 });

    await eventually(async () => {
      const { rows } = await fx.pg.query(`SELECT count(*)::int AS n FROM audit_events WHERE fiscal_year = 2024 AND action = 'kickoff'`);
      expect(rows[0].n).toBe(FY2024_CLUSTERS.length);
    }, 30_000);
  });
});
