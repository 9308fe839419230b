import { ClusterAction, ClusterLifecycleEvent, Deadline, Role, textRefOf } from '@app/domain';
import { AnsweredEventRecorder, ReportTextRepository } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { clusterUpdates } from '@app/workflows';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, USERS } from '../support/lifecycle-fixture';
import { auditTrail, expectNothingLeftHanging, expectReadModelAgrees, reportVersions } from '../support/read-model-checks';
import { eventually } from '../support/worker-harness';

/**
 * A kickoff, a draft save and a decision that leaves the analysis open are answered with their event
 * and recorded in the read model by the API, and deadlines moved by a meeting's change by the worker's
 * activity that tells the analyses, not by an activity between two workflow tasks; one no caller
 * recorded still reaches the read model, in order.
 */
describe('kickoffs, draft saves, decisions and moved deadlines answered with their event', () => {
  let fx: LifecycleFixture;

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.answeredEvents);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const report = (no: number) => `${fx.base(no)}/reports/interim`;
  const kickedOff = async (no: number) => {
    await fx.assignCluster(no);
    await fx.kickoff(no);
  };
  const historyOf = async (no: number) => (await fx.temporal.workflow.getHandle(clusterWorkflowId(fx.fiscalYear, no)).fetchHistory()).events ?? [];

  /** The demo account as a workflow's actor. */
  const actorOf = async (username: 'staff' | 'manager', role: Role) => {
    const { rows } = await fx.pg.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
    return { id: rows[0].id, name: USERS[username].displayName, roles: [role], bureauCode: 'kankyo' };
  };

  /** A save sent straight to the workflow by a caller that dies before recording the event it is answered with. */
  async function saveWithoutRecording(no: number, title: string, body: string): Promise<ClusterLifecycleEvent | undefined> {
    const actor = await actorOf('staff', Role.Staff);
    const text = textRefOf(body, await fx.app.get(ReportTextRepository).store(body));
    const outcome = await fx.temporal.workflow
      .getHandle(clusterWorkflowId(fx.fiscalYear, no))
      .executeUpdate(clusterUpdates['save-draft'], { args: [{ type: 'save-draft', actor, kind: 'interim', title, text, basedOnVersion: null }] });
    return outcome.event;
  }

  it('kicks off in one workflow task, with no activity, and shows the kickoff at once', async () => {
    const no = 26;
    await kickedOff(no);
    const history = await historyOf(no);
    expect(history.filter((event) => event.activityTaskScheduledEventAttributes)).toEqual([]);
    expect(history.filter((event) => event.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    expect(await auditTrail(fx, no)).toEqual(['kickoff']);
    await expectReadModelAgrees(fx, no);
  });

  it('catches up with a kickoff whose request died before recording it, at the next try to kick it off', async () => {
    const no = 25;
    await fx.assignCluster(no);
    const start = { meetingDate: `${fx.fiscalYear}-06-04`, attendees: ['環境局 総務課長'] };
    jest.spyOn(fx.app.get(AnsweredEventRecorder), 'record').mockRejectedValueOnce(new Error('the API process died here'));
    await fx.as('office').post(`${fx.base(no)}/kickoff`, start).expect(500);
    expect(await auditTrail(fx, no)).toEqual([]);
    const again = await fx.as('office2').post(`${fx.base(no)}/kickoff`, start).expect(409);
    expect(again.body).toMatchObject({ code: 'cluster.already-started', current: { stage: 'KICKOFF' } });
    expect(await auditTrail(fx, no)).toEqual(['kickoff']);
    await expectReadModelAgrees(fx, no);
  });

  it('answers a save from one workflow task, with no activity, and shows it at once', async () => {
    const no = 27;
    await kickedOff(no);
    const before = (await historyOf(no)).length;
    const saved = await fx.as('staff').put(report(no), { title: '経過報告（案）', body: '「全角」の本文も、そのまま。' }).expect(200);
    expect(saved.body.reports[0]).toMatchObject({ kind: 'interim', status: 'DRAFT', latest: { version: 1, title: '経過報告（案）' } });
    const added = (await historyOf(no)).slice(before);
    expect(added.filter((event) => event.activityTaskScheduledEventAttributes)).toEqual([]);
    expect(added.filter((event) => event.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim']);
    await expectReadModelAgrees(fx, no);
  });

  it('records an earlier save no caller recorded before the next save, so neither change is lost', async () => {
    const no = 28;
    await kickedOff(no);
    await saveWithoutRecording(no, '第1版', '最初の本文');
    expect(await reportVersions(fx, no, 'interim')).toEqual([]);
    await fx.as('staff2').put(report(no), { title: '第2版', body: '二つ目の本文' }).set('If-Match', '"1"').expect(200);
    expect(await reportVersions(fx, no, 'interim')).toEqual(['1 第1版', '2 第2版']);
    expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'save-draft interim']);
    await expectReadModelAgrees(fx, no);
    await expectNothingLeftHanging(fx);
  });

  it('records saves no caller recorded with the next action the workflow records itself, a withdrawal', async () => {
    const no = 29;
    await kickedOff(no);
    await saveWithoutRecording(no, '第1版', '最初の本文');
    await saveWithoutRecording(no, '第2版', '二つ目の本文');
    const before = (await historyOf(no)).length;
    const withdrawn = await fx.as('office').post(`${fx.base(no)}/withdraw`, { reason: '事業の統合' }).expect(200);
    expect(withdrawn.body.stage).toBe('WITHDRAWN');
    // Closing the analysis, the withdrawal is recorded by the workflow's own activity, which carries the saves.
    expect((await historyOf(no)).slice(before).filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(1);
    expect(await reportVersions(fx, no, 'interim')).toEqual(['1 第1版', '2 第2版']);
    expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'save-draft interim', 'withdraw']);
    await expectReadModelAgrees(fx, no);
  });

  describe('decisions', () => {
    const submitted = async (no: number) => {
      await kickedOff(no);
      await fx.as('staff').put(report(no), { title: '経過報告', body: '本文' }).expect(200);
      await fx.as('staff').post(`${report(no)}/submit`).expect(200);
    };

    it('answers an approval from one workflow task, with no activity, and shows it at once', async () => {
      const no = 36;
      await submitted(no);
      const before = (await historyOf(no)).length;
      const approved = await fx.as('manager').post(`${report(no)}/approve`, { comment: '承認します' }).expect(200);
      expect(approved.body.reports[0].submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'pending', 'waiting']);
      const added = (await historyOf(no)).slice(before);
      expect(added.filter((event) => event.activityTaskScheduledEventAttributes)).toEqual([]);
      expect(added.filter((event) => event.workflowTaskCompletedEventAttributes)).toHaveLength(1);
      expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'submit interim', 'approve interim']);
      await expectReadModelAgrees(fx, no);
    });

    it('shows the approval whose caller died before recording it in the 409 of the one that came second, and records it once', async () => {
      const no = 37;
      await submitted(no);
      const manager = await actorOf('manager', Role.Manager);
      const first = await fx.temporal.workflow
        .getHandle(clusterWorkflowId(fx.fiscalYear, no))
        .executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: manager, kind: 'interim', comment: null }] });
      expect(first.event).toMatchObject({ action: ClusterAction.Approve });
      expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'submit interim']);

      const second = await fx.as('manager2').post(`${report(no)}/approve`).expect(409);
      expect(second.body.current.reports[0]).toMatchObject({ kind: 'interim', status: 'IN_APPROVAL' });
      expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'submit interim', 'approve interim']);
      const detail = await fx.as('director').get(fx.base(no)).expect(200);
      expect(detail.body.reports[0].submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'pending', 'waiting']);
      await expectReadModelAgrees(fx, no);
      await expectNothingLeftHanging(fx);
    });

    it('records a decision whose caller died before recording it at the next decision, before it', async () => {
      const no = 38;
      await submitted(no);
      jest.spyOn(fx.app.get(AnsweredEventRecorder), 'record').mockRejectedValueOnce(new Error('the API process died here'));
      await fx.as('manager').post(`${report(no)}/approve`).expect(500);
      expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'submit interim']);
      const directed = await fx.as('director').post(`${report(no)}/approve`).expect(200);
      expect(directed.body.reports[0].submission.steps.map((step: { status: string }) => step.status)).toEqual(['approved', 'approved', 'pending']);
      expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', 'submit interim', 'approve interim', 'approve interim']);
      await expectReadModelAgrees(fx, no);
    });
  });

  it('records itself the event after twenty answered in a row, carrying them, so what the workflow keeps stays bounded', async () => {
    const no = 31;
    await kickedOff(no);
    const answered: boolean[] = [];
    for (let version = 1; version <= 20; version += 1) answered.push((await saveWithoutRecording(no, `第${version}版`, `本文 ${version}`)) !== undefined);
    // The kickoff was the first of the twenty.
    expect(answered).toEqual([...Array(19).fill(true), false]);
    expect((await historyOf(no)).filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(1);
    // Answered once recorded, with all before it.
    expect(await reportVersions(fx, no, 'interim')).toEqual(Array.from({ length: 20 }, (_, index) => `${index + 1} 第${index + 1}版`));
    await expectReadModelAgrees(fx, no);
  });

  it('keeps every one of many saves sent at once by two authors, in the order the workflow took them', async () => {
    const no = 30;
    await kickedOff(no);
    const saves = Array.from({ length: 8 }, (_, index) => fx.as(index % 2 === 0 ? 'staff' : 'staff2').put(report(no), { title: `版 ${index}`, body: `本文 ${index}` }));
    for (const answer of await Promise.all(saves)) expect(answer.status).toBe(200);
    const versions = await reportVersions(fx, no, 'interim');
    expect(versions.map((line) => line.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(new Set(versions.map((line) => line.slice(line.indexOf(' ') + 1)))).toEqual(new Set(Array.from({ length: 8 }, (_, index) => `版 ${index}`)));
    await expectReadModelAgrees(fx, no);
    await expectNothingLeftHanging(fx);
  });

  describe('when a meeting moves', () => {
    /** Each move takes the 1st X meeting a week further (every analysis of the year re-plans). */
    let x1 = new Date(`${TEST_FISCAL_YEARS.answeredEvents}-07-22T00:00:00Z`);
    async function moveX1(): Promise<void> {
      x1 = new Date(x1.getTime() + 7 * 24 * 3600 * 1000);
      await fx.as('office').patch(`/api/v1/fiscal-years/${fx.fiscalYear}/meetings/x1`, { date: { kind: 'exact', date: x1.toISOString().slice(0, 10) } }).expect(200);
    }
    const interimDue = async (no: number) => {
      const { rows } = await fx.pg.query<{ deadlines: Deadline[] }>(`SELECT deadlines FROM clusters WHERE fiscal_year = $1 AND no = $2`, [fx.fiscalYear, no]);
      return rows[0].deadlines.find((deadline) => deadline.target === 'interim')?.dueAt;
    };
    const movedNotices = async (no: number) => {
      const inbox = await fx.as('staff').get('/api/v1/me/notifications?pageSize=200').expect(200);
      return (inbox.body.items as { kind: string; fiscalYear: number; clusterNo: number; dueAt: string }[]).filter(
        (item) => item.kind === 'deadline-moved' && item.fiscalYear === fx.fiscalYear && item.clusterNo === no,
      );
    };

    it('re-plans each analysis in one workflow task, with no activity: the teller records the move and tells the owners', async () => {
      const no = 32;
      await kickedOff(no);
      const dueBefore = await interimDue(no);
      const before = (await historyOf(no)).length;
      await moveX1();
      await eventually(async () => expect(await auditTrail(fx, no)).toEqual(['kickoff', ClusterAction.DeadlinesMoved]));
      const dueAfter = await interimDue(no);
      expect(Date.parse(dueAfter as string) - Date.parse(dueBefore as string)).toBe(7 * 24 * 3600 * 1000);
      expect((await movedNotices(no)).map((notice) => notice.dueAt)).toEqual([expect.stringMatching(new RegExp(`^${x1.toISOString().slice(0, 4)}`))]);
      const added = (await historyOf(no)).slice(before);
      expect(added.filter((event) => event.activityTaskScheduledEventAttributes)).toEqual([]);
      expect(added.filter((event) => event.workflowTaskCompletedEventAttributes)).toHaveLength(1);
      await expectReadModelAgrees(fx, no);
    });

    it('records the move once, with its notices once, when the teller died after the analysis answered it', async () => {
      const no = 33;
      await kickedOff(no);
      const recorder = fx.worker.app.get(AnsweredEventRecorder);
      const record = recorder.record.bind(recorder);
      let died = false;
      const dying = jest.spyOn(recorder, 'record').mockImplementation(async (event, unconfirmed) => {
        if (event.clusterNo !== no || died) return record(event, unconfirmed);
        died = true;
        throw new Error('the worker died here');
      });
      try {
        await moveX1();
        // The activity is tried again a second later, and the analysis answers again what it has not seen recorded.
        await eventually(async () => expect(await auditTrail(fx, no)).toEqual(['kickoff', ClusterAction.DeadlinesMoved]), 20_000);
      } finally {
        dying.mockRestore();
      }
      expect(died).toBe(true);
      expect(await movedNotices(no)).toHaveLength(1);
      await expectReadModelAgrees(fx, no);
    });

    it('records the move itself, with the saves before it and its notices, once twenty answered events wait', async () => {
      const no = 35;
      await kickedOff(no);
      // With the kickoff, twenty events answered and not yet carried by one the workflow recorded.
      for (let version = 1; version <= 19; version += 1) await saveWithoutRecording(no, `第${version}版`, `本文 ${version}`);
      await moveX1();
      await eventually(async () => expect((await auditTrail(fx, no)).at(-1)).toBe(ClusterAction.DeadlinesMoved));
      expect(await auditTrail(fx, no)).toEqual(['kickoff', ...Array(19).fill('save-draft interim'), ClusterAction.DeadlinesMoved]);
      expect((await historyOf(no)).filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(1);
      expect(await movedNotices(no)).toHaveLength(1);
      await expectReadModelAgrees(fx, no);
    });

    it('records a save no caller recorded before the deadlines the move changed, so neither is lost', async () => {
      const no = 34;
      await kickedOff(no);
      await saveWithoutRecording(no, '第1版', '最初の本文');
      await moveX1();
      await eventually(async () => expect(await auditTrail(fx, no)).toEqual(['kickoff', 'save-draft interim', ClusterAction.DeadlinesMoved]));
      expect(await reportVersions(fx, no, 'interim')).toEqual(['1 第1版']);
      await expectReadModelAgrees(fx, no);
      await expectNothingLeftHanging(fx);
    });
  });
});
