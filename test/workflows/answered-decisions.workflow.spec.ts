import { ClusterAction, textRefOf } from '@app/domain';
import { FY2024_LIFECYCLE_SETTINGS } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { clusterUpdates } from '../../workflows/src/cluster-lifecycle/cluster-lifecycle.messages';
import { AnsweringFlags, kickoffCluster, MANAGER, MINUTE, OFFICE, scenarioYear, STAFF } from '../support/workflow-scenarios';
import { describeWithTimeSkipping, useWorkflowTestbed } from '../support/workflow-testbed';

/** As the API kicks off: every action that leaves the analysis open is answered with its event, for the caller to record. */
const AS_THE_API_KICKS_OFF: AnsweringFlags = { savesAnsweredWithEvent: true, kickoffAnsweredWithEvent: true, decisionsAnsweredWithEvent: true };
const SECOND = 1000;

/**
 * A caller that dies between a decision's answer and recording it must not leave whoever acts next
 * without the task: the workflow records such a decision itself a minute on. The activities are
 * recording stubs (each event kept once, as the read model keeps it by id); the clock is skipped.
 */
describeWithTimeSkipping('decisions answered with their event, on a time-skipping server', () => {
  const tb = useWorkflowTestbed();
  const recordedEvents = (fiscalYear: number) =>
    tb.activities.clusterEvents.filter((entry) => entry.workflowId === clusterWorkflowId(fiscalYear, 27)).map(({ at, value }) => ({ at, action: value.action, seq: value.seq }));
  const save = { type: 'save-draft', actor: STAFF, kind: 'interim', title: '経過報告', text: textRefOf('本文', 'h'), basedOnVersion: null } as const;

  it('records a decision no caller recorded itself a minute after answering it, with the events before it, once', async () => {
    const { fiscalYear } = await scenarioYear(tb, { x1: 20 }, { interim: 'x1' });
    const handle = await kickoffCluster(tb, fiscalYear, 27, FY2024_LIFECYCLE_SETTINGS, AS_THE_API_KICKS_OFF);
    expect((await handle.executeUpdate(clusterUpdates['save-draft'], { args: [save] })).event?.action).toBe(ClusterAction.SaveDraft);
    const submitted = await handle.executeUpdate(clusterUpdates.submit, { args: [{ type: 'submit', actor: STAFF, kind: 'interim' }] });
    expect(submitted.event).toMatchObject({ action: ClusterAction.Submit, seq: 3 });
    const answeredAt = await tb.now();

    // Saves alone are left to their callers; a decision is waited for a minute.
    await tb.skipTo(answeredAt + 50 * SECOND);
    expect(recordedEvents(fiscalYear)).toEqual([]);
    await tb.skipTo(answeredAt + MINUTE + 10 * SECOND);
    const caughtUp = recordedEvents(fiscalYear);
    expect(caughtUp.map(({ action, seq }) => `${seq} ${action}`)).toEqual(['1 kickoff', '2 save-draft', '3 submit']);
    for (const { at } of caughtUp) expect(at).toBeGreaterThanOrEqual(answeredAt + MINUTE);

    // Recorded, they are not recorded again; the next decision is waited for on its own.
    const approved = await handle.executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: MANAGER, kind: 'interim', comment: null }] });
    expect(approved.event).toMatchObject({ action: ClusterAction.Approve, seq: 4 });
    await tb.skipTo((await tb.now()) + 10 * MINUTE);
    expect(recordedEvents(fiscalYear).map(({ action, seq }) => `${seq} ${action}`)).toEqual(['1 kickoff', '2 save-draft', '3 submit', '4 approve']);
  });

  it('records a withdrawal itself before answering, carrying the answered events, and leaves nothing to catch up after', async () => {
    const { fiscalYear } = await scenarioYear(tb, { x1: 20 }, { interim: 'x1' });
    const handle = await kickoffCluster(tb, fiscalYear, 27, FY2024_LIFECYCLE_SETTINGS, AS_THE_API_KICKS_OFF);
    await handle.executeUpdate(clusterUpdates['save-draft'], { args: [save] });
    await handle.executeUpdate(clusterUpdates.submit, { args: [{ type: 'submit', actor: STAFF, kind: 'interim' }] });
    const withdrawn = await handle.executeUpdate(clusterUpdates.withdraw, { args: [{ type: 'withdraw', actor: OFFICE, reason: '事業の廃止' }] });
    // Closing the analysis, it is not left to a caller: the workflow ends once it is recorded.
    expect(withdrawn.event).toBeUndefined();
    expect(recordedEvents(fiscalYear).map(({ action, seq }) => `${seq} ${action}`)).toEqual(['1 kickoff', '2 save-draft', '3 submit', '4 withdraw']);
    await handle.result();
    await tb.skipTo((await tb.now()) + 10 * MINUTE);
    expect(recordedEvents(fiscalYear)).toHaveLength(4);
  });
});
