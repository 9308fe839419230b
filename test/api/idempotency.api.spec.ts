import { IdempotentRequestRepository, UserRepository } from '@app/persistence';
import { Response } from 'supertest';
import { requestFingerprint } from '../../apps/api/src/common/idempotency.interceptor';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { expectProblem } from '../support/problem-details';

const FY = TEST_FISCAL_YEARS.idempotencyLease;
const LEASE_MS = 2_000;

/** A key claimed by a request that died (its process was killed before it answered) is not held for ever. */
describe('Idempotency-Key on every acting request, and the lease of a claimed key', () => {
  let fx: LifecycleFixture;

  beforeAll(async () => {
    fx = await startLifecycleFixture(FY, {}, { idempotencyLeaseMs: LEASE_MS });
  }, 120_000);
  afterAll(() => fx?.close());

  const history = async (no: number) =>
    ((await fx.as('staff').get(`${fx.base(no)}/history?pageSize=200`).expect(200)).body.items as { action: string }[]).map((entry) => entry.action);

  /** What a request leaves behind when its process is killed after claiming the key: a claim without an answer. */
  async function abandonedClaim(username: string, key: string, method: string, path: string, body: object): Promise<void> {
    const user = await fx.app.get(UserRepository).findByUsername(username);
    const claim = await fx.app.get(IdempotentRequestRepository).claim(user!.id, key, method, path, requestFingerprint(method, path, body), LEASE_MS);
    expect(claim.claimId).toEqual(expect.any(String));
  }

  it('answers 409 in-progress while the lease runs, then lets exactly one of many retries take the key over and act once', async () => {
    const no = 27;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    await fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${fx.base(no)}/reports/interim/submit`).expect(200);
    const path = `${fx.base(no)}/reports/interim/approve`;
    const body = { comment: '承認します' };
    await abandonedClaim('manager', 'died-while-approving', 'POST', path, body);
    const claimedAt = Date.now();
    const approve = () => fx.as('manager').post(path, body).set('Idempotency-Key', 'died-while-approving');

    const early = expectProblem(await approve(), 409, 'idempotency.in-progress');
    expect(early.detail).toContain('2秒後に改めて処理されます');
    expect(await history(no)).not.toContain('approve');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, claimedAt + LEASE_MS + 200 - Date.now())));
    const retries = await Promise.all(Array.from({ length: 10 }, approve));
    const settled: Response[] = [];
    for (let answer of retries) {
      while (answer.status === 409 && answer.body.code === 'idempotency.in-progress') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await approve();
      }
      settled.push(answer);
    }
    expect(settled.map((answer) => answer.status)).toEqual(settled.map(() => 200));
    for (const answer of settled) expect(answer.body).toEqual(settled[0].body);
    expect(settled.filter((answer) => answer.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await history(no)).toEqual(['kickoff', 'save-draft', 'submit', 'approve']);
  }, 60_000);

  it('answers a repeated PATCH and PUT from the stored answer, with the status the endpoint gives', async () => {
    const user = await fx.app.get(UserRepository).findByUsername('staff2');
    const patch = () => fx.as('admin').patch(`/api/v1/users/${user!.id}`, { displayName: '環境 次郎（改）' }).set('Idempotency-Key', 'rename-staff2');
    const first = await patch().expect(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Renamed back in between: the repeat still answers as the first did and does not rename again.
    await fx.as('admin').patch(`/api/v1/users/${user!.id}`, { displayName: '環境 次郎' }).expect(200);
    const repeat = await patch().expect(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect((await fx.app.get(UserRepository).findByUsername('staff2'))!.displayName).toBe('環境 次郎');

    const settings = (await fx.as('office').get(`/api/v1/fiscal-years/${FY}/lifecycle-settings`).expect(200)).body;
    const put = () => fx.as('office').put(`/api/v1/fiscal-years/${FY}/lifecycle-settings`, settings).set('Idempotency-Key', 'settings-once');
    const saved = await put().expect(200);
    expect((await put().expect(200)).body).toEqual(saved.body);
    expectProblem(await fx.as('office').patch(`/api/v1/fiscal-years/${FY}/clusters/30`, { analysedThisYear: true }).set('Idempotency-Key', 'settings-once'), 422, 'idempotency.key-reused');
  }, 60_000);

  it('keeps the key of a request that is only slow: a repeat within the lease does not act a second time', async () => {
    const no = 28;
    await fx.assignCluster(no);
    await fx.kickoff(no);
    const path = `${fx.base(no)}/reports/interim`;
    const body = { title: '経過報告', body: '遅い保存' };
    await abandonedClaim('staff', 'slow-save', 'PUT', path, body);
    expectProblem(await fx.as('staff').put(path, body).set('Idempotency-Key', 'slow-save'), 409, 'idempotency.in-progress');
    // Another request under the same key is still refused as such, claimed or not.
    expectProblem(await fx.as('staff').put(path, { ...body, body: '別の内容' }).set('Idempotency-Key', 'slow-save'), 422, 'idempotency.key-reused');
    expect(await history(no)).toEqual(['kickoff']);
  }, 60_000);
});
