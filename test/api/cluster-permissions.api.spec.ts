import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName } from '../support/lifecycle-fixture';

/** The detail's `permitted` field and the 代理 candidates list, for each kind of caller, as a report walks its chain. */
describe('what the caller may do now, and who a step can be handed to', () => {
  let fx: LifecycleFixture;
  const NO = 40;
  const NOT_STARTED = 41;

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.clusterPermissions);
    await fx.assignCluster(NO);
    await fx.assignCluster(NOT_STARTED);
    await fx.kickoff(NO);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const permitted = async (user: TestUserName, no = NO) => (await fx.as(user).get(fx.base(no)).expect(200)).body.permitted;
  const interim = async (user: TestUserName) => {
    const answer = (await permitted(user)).reports.find((report: { kind: string }) => report.kind === 'interim');
    const { kind: _kind, ...actions } = answer;
    return Object.keys(actions).filter((action) => actions[action]);
  };

  it('before kickoff: the reform office may kick off and change settings, nobody may touch a report', async () => {
    expect(await permitted('office', NOT_STARTED)).toEqual({ case: { kickoff: true, withdraw: false, changeOwningBureau: true, changeAnalysed: true }, reports: [] });
    expect((await permitted('staff', NOT_STARTED)).case).toEqual({ kickoff: false, withdraw: false, changeOwningBureau: false, changeAnalysed: false });
  });

  it('follows the report: drafters save and submit, the current holder decides, others see nothing to do', async () => {
    expect(await interim('staff')).toEqual(['save']);
    expect(await interim('otherStaff')).toEqual([]);
    expect((await permitted('office')).case).toEqual({ kickoff: false, withdraw: true, changeOwningBureau: true, changeAnalysed: true });

    const saved = await fx.as('staff').put(`${fx.base(NO)}/reports/interim`, { title: '経過報告', body: '本文' }).expect(200);
    const afterSave = saved.body.permitted.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(afterSave).toMatchObject({ save: true, submit: true, approve: false });

    await fx.as('staff').post(`${fx.base(NO)}/reports/interim/submit`).expect(200);
    expect(await interim('staff')).toEqual(['recall']);
    expect(await interim('manager')).toEqual(['approve', 'return', 'delegate']);
    expect(await interim('otherManager')).toEqual([]);
    expect(await interim('director')).toEqual([]);
  });

  it('lists the other active managers of the owning bureau as 代理 candidates, to the current holder only', async () => {
    const answer = await fx.as('manager').get(`${fx.base(NO)}/reports/interim/delegates`).expect(200);
    expect(answer.body).toEqual([
      { username: 'manager2', displayName: '環境 副課長' },
      { username: 'staffAndManager', displayName: '環境 兼務' },
    ]);

    const notYours = await fx.as('otherManager').get(`${fx.base(NO)}/reports/interim/delegates`).expect(403);
    expect(notYours.body.code).toBe('step.not-yours');
    const staff = await fx.as('staff').get(`${fx.base(NO)}/reports/interim/delegates`).expect(403);
    expect(staff.body.code).toBe('access.denied');
  });

  it('leaves out deactivated users', async () => {
    const users = (await fx.as('admin').get('/api/v1/users?role=manager&bureau=kankyo').expect(200)).body.items as { id: string; username: string }[];
    const manager2 = users.find((user) => user.username === 'manager2');
    await fx.as('admin').patch(`/api/v1/users/${manager2?.id}`, { active: false }).expect(200);
    const answer = await fx.as('manager').get(`${fx.base(NO)}/reports/interim/delegates`).expect(200);
    expect(answer.body.map((user: { username: string }) => user.username)).toEqual(['staffAndManager']);
    await fx.as('admin').patch(`/api/v1/users/${manager2?.id}`, { active: true }).expect(200);
  });

  it('refuses the list once the step has moved on, with the current state', async () => {
    await fx.as('manager').post(`${fx.base(NO)}/reports/interim/approve`, {}).expect(200);
    const late = await fx.as('manager').get(`${fx.base(NO)}/reports/interim/delegates`).expect(409);
    expect(late.body.code).toBe('step.already-decided');
    expect(late.body.current.reports).toContainEqual({ kind: 'interim', status: 'IN_APPROVAL', version: 1 });
    expect(await interim('director')).toEqual(['approve', 'return', 'delegate']);
  });
});
