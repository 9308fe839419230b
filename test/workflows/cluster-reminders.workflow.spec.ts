import { ClusterStage, LifecycleSettings, NotificationKind, textRefOf } from '@app/domain';
import { clusterWorkflowId } from '@app/temporal';
import { clusterUpdates } from '../../workflows/src/cluster-lifecycle/cluster-lifecycle.messages';
import {
  DAY,
  DAYS_IN_MINUTES,
  DIRECTORS,
  DRAFTERS,
  ESCALATION,
  kickoffCluster,
  MANAGER,
  MANAGERS,
  MINUTE,
  OFFICE,
  scenarioYear,
  sentBy,
  STAFF,
} from '../support/workflow-scenarios';
import { describeWithTimeSkipping, useWorkflowTestbed } from '../support/workflow-testbed';
import { FY2024_LIFECYCLE_SETTINGS } from '@app/persistence';

/** FY2024's reports with a one-step chain (the owning bureau's manager), so a report is approved in one decision. */
const ONE_STEP: LifecycleSettings = { ...FY2024_LIFECYCLE_SETTINGS, approvalChain: [FY2024_LIFECYCLE_SETTINGS.approvalChain[0]] };

/**
 * The cluster lifecycle workflow on the time-skipping test server, with recording stubs for its
 * activities: days pass in milliseconds. A skip returns only once the work due up to its end is
 * done, so every check that nothing was sent comes after the server's clock has passed the moment
 * it would have been sent, and where possible after something due later has arrived.
 */
describeWithTimeSkipping('cluster reminders on a time-skipping server', () => {
  const tb = useWorkflowTestbed();
  const sent = (fiscalYear: number, clusterNo = 27) => sentBy(tb, clusterWorkflowId(fiscalYear, clusterNo));

  it('reminds the drafters 7, 3 and 1 days before the deadline, each at its time, then escalates to the director and the reform office', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { x1: 20 }, { interim: 'x1' });
    await kickoffCluster(tb, fiscalYear);
    const moments = [-7 * DAY, -3 * DAY, -1 * DAY, 0].map((offset) => dueAt.interim + offset);
    for (const [index, moment] of moments.entries()) {
      await tb.skipTo(moment - MINUTE);
      expect(sent(fiscalYear)).toHaveLength(index);
      await tb.skipTo(moment + MINUTE);
      expect(sent(fiscalYear)).toHaveLength(index + 1);
    }
    expect(sent(fiscalYear).map(({ kind, reportKind, dueAt: due, minutesToDeadline, recipients }) => ({ kind, reportKind, due, minutesToDeadline, recipients }))).toEqual([
      { kind: NotificationKind.Reminder, reportKind: 'interim', due: dueAt.interim, minutesToDeadline: -7 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.Reminder, reportKind: 'interim', due: dueAt.interim, minutesToDeadline: -3 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.Reminder, reportKind: 'interim', due: dueAt.interim, minutesToDeadline: -1 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.Escalation, reportKind: 'interim', due: dueAt.interim, minutesToDeadline: 0, recipients: ESCALATION },
    ]);

    // After the escalation nothing is left to send, however long the analysis stays open.
    await tb.skipTo(dueAt.interim + 30 * DAY);
    expect(sent(fiscalYear)).toHaveLength(4);
  });

  it('reminds whoever holds the step once the report is submitted, never its author nor who decided an earlier step', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { x1: 20 }, { interim: 'x1' });
    const handle = await kickoffCluster(tb, fiscalYear);
    await tb.skipTo(dueAt.interim - 5 * DAY);
    await handle.executeUpdate(clusterUpdates['save-draft'], { args: [{ type: 'save-draft', actor: STAFF, kind: 'interim', title: '経過報告', text: textRefOf('本文', 'h'), basedOnVersion: null }] });
    await handle.executeUpdate(clusterUpdates.submit, { args: [{ type: 'submit', actor: STAFF, kind: 'interim' }] });
    await tb.skipTo(dueAt.interim - 2 * DAY);
    await handle.executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: MANAGER, kind: 'interim', comment: null }] });
    await tb.skipTo(dueAt.interim + MINUTE);

    expect(sent(fiscalYear).map(({ kind, minutesToDeadline, recipients, excludedUserIds }) => ({ kind, minutesToDeadline, recipients, excludedUserIds }))).toEqual([
      { kind: NotificationKind.Reminder, minutesToDeadline: -7 * DAYS_IN_MINUTES, recipients: DRAFTERS, excludedUserIds: [] },
      { kind: NotificationKind.Reminder, minutesToDeadline: -3 * DAYS_IN_MINUTES, recipients: MANAGERS, excludedUserIds: [STAFF.id] },
      // Nobody decides two steps of one submission: the manager who approved is not asked to decide the director's step.
      { kind: NotificationKind.Reminder, minutesToDeadline: -1 * DAYS_IN_MINUTES, recipients: DIRECTORS, excludedUserIds: [STAFF.id, MANAGER.id] },
      { kind: NotificationKind.Escalation, minutesToDeadline: 0, recipients: ESCALATION, excludedUserIds: [] },
    ]);
  });

  it('stops reminding of an approved report while the next report is chased on its own deadline', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { x1: 20, x3: 40 }, { interim: 'x1', 'direction-budget': 'x3' });
    const handle = await kickoffCluster(tb, fiscalYear, 27, ONE_STEP);
    await tb.skipTo(dueAt.interim - 6 * DAY);
    await handle.executeUpdate(clusterUpdates['save-draft'], { args: [{ type: 'save-draft', actor: STAFF, kind: 'interim', title: '経過報告', text: textRefOf('本文', 'h'), basedOnVersion: null }] });
    await handle.executeUpdate(clusterUpdates.submit, { args: [{ type: 'submit', actor: STAFF, kind: 'interim' }] });
    const approved = await handle.executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: MANAGER, kind: 'interim', comment: null }] });
    expect(approved.stage).toBe(ClusterStage.DirectionReport);

    // The direction report's first reminder falls well after the interim deadline: once it is here, that deadline has passed too.
    await tb.skipTo(dueAt['direction-budget'] - 7 * DAY + MINUTE);
    const of = (reportKind: string) => sent(fiscalYear).filter((notice) => notice.reportKind === reportKind).map(({ kind, minutesToDeadline }) => ({ kind, minutesToDeadline }));
    expect(of('direction-budget')).toEqual([{ kind: NotificationKind.Reminder, minutesToDeadline: -7 * DAYS_IN_MINUTES }]);
    expect(of('interim')).toEqual([{ kind: NotificationKind.Reminder, minutesToDeadline: -7 * DAYS_IN_MINUTES }]);
  });

  it('reminds at once of a report that becomes owed after its first reminder time, then on time', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { x1: 20, x3: 24 }, { interim: 'x1', 'direction-budget': 'x3' });
    const handle = await kickoffCluster(tb, fiscalYear, 27, ONE_STEP);
    const approvedAt = dueAt['direction-budget'] - 5 * DAY - 2 * 60 * MINUTE;
    await tb.skipTo(approvedAt);
    await handle.executeUpdate(clusterUpdates['save-draft'], { args: [{ type: 'save-draft', actor: STAFF, kind: 'interim', title: '経過報告', text: textRefOf('本文', 'h'), basedOnVersion: null }] });
    await handle.executeUpdate(clusterUpdates.submit, { args: [{ type: 'submit', actor: STAFF, kind: 'interim' }] });
    await handle.executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: MANAGER, kind: 'interim', comment: null }] });
    await tb.skipTo(dueAt['direction-budget'] + MINUTE);

    // Its 7-day reminder time passed while the interim report was open: it goes out on approval, not at the next timer.
    expect(sent(fiscalYear).filter((notice) => notice.reportKind === 'direction-budget').map(({ kind, minutesToDeadline }) => ({ kind, minutesToDeadline }))).toEqual([
      { kind: NotificationKind.Reminder, minutesToDeadline: (approvedAt - dueAt['direction-budget']) / MINUTE },
      { kind: NotificationKind.Reminder, minutesToDeadline: -3 * DAYS_IN_MINUTES },
      { kind: NotificationKind.Reminder, minutesToDeadline: -1 * DAYS_IN_MINUTES },
      { kind: NotificationKind.Escalation, minutesToDeadline: 0 },
    ]);
  });

  it('sends nothing for an analysis withdrawn or completed before its deadline, while an open one of the same year is escalated', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { x1: 20 }, { interim: 'x1' });
    const withdrawn = await kickoffCluster(tb, fiscalYear, 27);
    const completed = await kickoffCluster(tb, fiscalYear, 28, { ...ONE_STEP, reportKinds: [ONE_STEP.reportKinds[0]] });
    await kickoffCluster(tb, fiscalYear, 29);
    await tb.skipTo(dueAt.interim - 10 * DAY);
    await withdrawn.executeUpdate(clusterUpdates.withdraw, { args: [{ type: 'withdraw', actor: OFFICE, reason: '事業の廃止' }] });
    await completed.executeUpdate(clusterUpdates['save-draft'], { args: [{ type: 'save-draft', actor: STAFF, kind: 'interim', title: '経過報告', text: textRefOf('本文', 'h'), basedOnVersion: null }] });
    await completed.executeUpdate(clusterUpdates.submit, { args: [{ type: 'submit', actor: STAFF, kind: 'interim' }] });
    const done = await completed.executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: MANAGER, kind: 'interim', comment: null }] });
    expect(done.stage).toBe(ClusterStage.Completed);

    await tb.skipTo(dueAt.interim + DAY);
    expect(sent(fiscalYear, 29).map(({ kind }) => kind)).toEqual([NotificationKind.Reminder, NotificationKind.Reminder, NotificationKind.Reminder, NotificationKind.Escalation]);
    expect(sent(fiscalYear, 27)).toEqual([]);
    expect(sent(fiscalYear, 28)).toEqual([]);
    expect((await withdrawn.describe()).status.name).toBe('COMPLETED');
    expect((await completed.describe()).status.name).toBe('COMPLETED');
  });
});
