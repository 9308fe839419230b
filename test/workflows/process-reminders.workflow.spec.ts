import { NotificationKind, openPlatinumProject, openProposal, openXPolicy, PlatinumPhase, ProcessKind, Role, RecipientRule, DecisionOutcome } from '@app/domain';
import { awaitProcessStart, calendarChanged, platinumProjectUpdates, platinumProjectWorkflow, platinumProposalWorkflow, proposalUpdates, xPolicyUpdates, xPolicyWorkflow } from '@app/workflows';
import { DAY, DAYS_IN_MINUTES, MINUTE, OFFICE, scenarioYear, sentBy, STAFF, MANAGER } from '../support/workflow-scenarios';
import { describeWithTimeSkipping, useWorkflowTestbed, WorkflowTestbed } from '../support/workflow-testbed';

const KANKYO = { code: 'kankyo', name: '環境局' };
const KODOMO = { code: 'kodomo', name: '子ども家庭局' };
const role = (roleName: Role, bureauCode: string | null): RecipientRule => ({ type: 'role', role: roleName, bureauCode });
const person = (id: string, roles: Role[], bureauCode: string | null) => ({ id, name: id, roles, bureauCode });
const DIRECTOR = person('director', [Role.Director], 'kankyo');
const KODOMO_STAFF = person('kodomo-staff', [Role.Staff], 'kodomo');
const KODOMO_MANAGER = person('kodomo-manager', [Role.Manager], 'kodomo');
const KODOMO_DIRECTOR = person('kodomo-director', [Role.Director], 'kodomo');
const LEADER = person('leader', [Role.Manager], 'somu');

/** A fiscal year of its own whose meetings fall the given days ahead, with the process deadlines pegged to them. */
async function processYear(tb: WorkflowTestbed, meetingDays: Record<string, number>, rules: Partial<Record<ProcessKind, { target: string; meetingId: string }[]>>) {
  const year = await scenarioYear(tb, meetingDays, {});
  const stubbed = tb.activities.year(year.fiscalYear);
  stubbed.processRules = Object.fromEntries(Object.entries(rules).map(([kind, list]) => [kind, (list ?? []).map((rule) => ({ ...rule, leadBusinessDays: 0 }))]));
  // The scenario's meetings have exact dates, and deadlines zero business days before them fall on their day at 17:00.
  const meetingDue = (id: string) => Date.parse(`${(stubbed.meetings.find((meeting) => meeting.id === id)?.date as { date: string }).date}T17:00:00+09:00`);
  return { ...year, meetingDue };
}

/**
 * The Platinum and X-policy workflows on the time-skipping test server with recording stubs: their
 * reminders and escalations fall at their times, follow whoever owes the next act, re-plan when a
 * meeting moves, and the project's phase moves on as its deadlines pass.
 */
describeWithTimeSkipping('process reminders on a time-skipping server', () => {
  const tb = useWorkflowTestbed();

  async function startXPolicy(fiscalYear: number) {
    const handle = await tb.client.workflow.start(xPolicyWorkflow, {
      workflowId: `x-policy/${fiscalYear}/kankyo`,
      taskQueue: tb.taskQueue,
      args: [{ start: openXPolicy(fiscalYear, KANKYO, ['rules']), startedBy: { id: OFFICE.id, name: OFFICE.name } }],
    });
    await handle.executeUpdate(awaitProcessStart);
    return handle;
  }

  const planMeasure = { hash: 'h', length: 10, answeredItemIds: ['rules'], issues: [{ id: 'i1', clusterNos: [] }] };

  it('reminds the bureau\'s staff of its X policy before the deadline and escalates to its director and the reform office', async () => {
    const { fiscalYear, meetingDue } = await processYear(tb, { x1: 20 }, { [ProcessKind.XPolicy]: [{ target: 'plan', meetingId: 'x1' }] });
    await startXPolicy(fiscalYear);
    const due = meetingDue('x1');
    await tb.skipTo(due - 7 * DAY - MINUTE);
    expect(sentBy(tb, `x-policy/${fiscalYear}/kankyo`)).toEqual([]);
    await tb.skipTo(due + MINUTE);
    expect(sentBy(tb, `x-policy/${fiscalYear}/kankyo`).map(({ kind, minutesToDeadline, recipients }) => ({ kind, minutesToDeadline, recipients }))).toEqual([
      { kind: NotificationKind.Reminder, minutesToDeadline: -7 * DAYS_IN_MINUTES, recipients: [role(Role.Staff, 'kankyo')] },
      { kind: NotificationKind.Reminder, minutesToDeadline: -3 * DAYS_IN_MINUTES, recipients: [role(Role.Staff, 'kankyo')] },
      { kind: NotificationKind.Reminder, minutesToDeadline: -1 * DAYS_IN_MINUTES, recipients: [role(Role.Staff, 'kankyo')] },
      { kind: NotificationKind.Escalation, minutesToDeadline: 0, recipients: [role(Role.Director, 'kankyo'), role(Role.ReformOffice, null)] },
    ]);
  });

  it('reminds whoever holds the plan\'s step once it is submitted, never its author, and nothing once it is published', async () => {
    const { fiscalYear, meetingDue } = await processYear(tb, { x1: 20 }, { [ProcessKind.XPolicy]: [{ target: 'plan', meetingId: 'x1' }] });
    const handle = await startXPolicy(fiscalYear);
    const due = meetingDue('x1');
    await tb.skipTo(due - 5 * DAY);
    await handle.executeUpdate(xPolicyUpdates['save-plan'], { args: [{ type: 'save-plan', actor: STAFF, part: 'issues', content: planMeasure, basedOnVersion: null }] });
    await handle.executeUpdate(xPolicyUpdates.submit, { args: [{ type: 'submit', actor: STAFF }] });
    await tb.skipTo(due - 2 * DAY);
    await handle.executeUpdate(xPolicyUpdates.approve, { args: [{ type: 'approve', actor: MANAGER, comment: null }] });
    await tb.skipTo(due - DAY + MINUTE);
    const sent = sentBy(tb, `x-policy/${fiscalYear}/kankyo`);
    expect(sent.slice(1).map(({ minutesToDeadline, recipients, excludedUserIds }) => ({ minutesToDeadline, recipients, excludedUserIds }))).toEqual([
      { minutesToDeadline: -3 * DAYS_IN_MINUTES, recipients: [role(Role.Manager, 'kankyo')], excludedUserIds: [STAFF.id] },
      { minutesToDeadline: -1 * DAYS_IN_MINUTES, recipients: [role(Role.Director, 'kankyo')], excludedUserIds: [STAFF.id, MANAGER.id] },
    ]);
    await handle.executeUpdate(xPolicyUpdates.approve, { args: [{ type: 'approve', actor: DIRECTOR, comment: null }] });
    await handle.executeUpdate(xPolicyUpdates.approve, { args: [{ type: 'approve', actor: { ...OFFICE }, comment: null }] });
    await tb.skipTo(due + DAY);
    expect(sentBy(tb, `x-policy/${fiscalYear}/kankyo`)).toHaveLength(sent.length);
  });

  it('re-plans its reminders when the meeting its deadline is pegged to moves, and records the move', async () => {
    const { fiscalYear, meetingDue } = await processYear(tb, { x1: 20 }, { [ProcessKind.XPolicy]: [{ target: 'plan', meetingId: 'x1' }] });
    const handle = await startXPolicy(fiscalYear);
    const before = meetingDue('x1');
    await tb.skipTo(before - 10 * DAY);
    // The meeting moves ten days later, as the calendar would record it, and the calendar tells the running processes.
    const year = tb.activities.year(fiscalYear);
    const moved = new Date(before + 10 * DAY + 9 * 3600 * 1000).toISOString().slice(0, 10);
    year.meetings = year.meetings.map((meeting) => (meeting.id === 'x1' ? { ...meeting, date: { kind: 'exact', date: moved } } : meeting));
    await handle.signal(calendarChanged, { changedBy: { id: OFFICE.id, name: OFFICE.name }, changeId: 'move-x1' });
    const after = meetingDue('x1');
    await tb.skipTo(after + MINUTE);
    const sent = sentBy(tb, `x-policy/${fiscalYear}/kankyo`);
    expect(sent.map(({ dueAt }) => dueAt)).toEqual([after, after, after, after]);
    expect(tb.activities.processEvents.filter(({ workflowId, value }) => workflowId === handle.workflowId && value.action === 'deadlines-moved')).toHaveLength(1);
  });

  it('moves the Platinum project on as its proposals and decisions deadlines pass', async () => {
    const { fiscalYear, meetingDue } = await processYear(tb, { x1: 10, x2: 40 }, { [ProcessKind.PlatinumProject]: [{ target: 'proposals', meetingId: 'x1' }, { target: 'decisions', meetingId: 'x2' }] });
    const handle = await tb.client.workflow.start(platinumProjectWorkflow, {
      workflowId: `platinum/${fiscalYear}`,
      taskQueue: tb.taskQueue,
      args: [{ start: openPlatinumProject(fiscalYear), startedBy: { id: OFFICE.id, name: OFFICE.name } }],
    });
    await handle.executeUpdate(awaitProcessStart);
    const members = [LEADER, STAFF].map(({ id, name, bureauCode }) => ({ id, name, bureauCode }));
    await handle.executeUpdate(platinumProjectUpdates['set-members'], { args: [{ type: 'set-members', actor: OFFICE, members, leader: members[0] }] });
    await handle.executeUpdate(platinumProjectUpdates['record-formation'], { args: [{ type: 'record-formation', actor: OFFICE, date: new Date(await tb.now()).toISOString().slice(0, 10) }] });
    const phases = () => tb.activities.processEvents.filter(({ workflowId }) => workflowId === handle.workflowId).map(({ value }) => value.toPhase);
    await tb.skipTo(meetingDue('x1') - MINUTE);
    expect(phases().at(-1)).toBe(PlatinumPhase.Surfacing);
    await tb.skipTo(meetingDue('x1') + MINUTE);
    expect(phases().at(-1)).toBe(PlatinumPhase.BureauReview);
    await tb.skipTo(meetingDue('x2') + MINUTE);
    expect(phases().slice(-3)).toEqual([PlatinumPhase.Surfacing, PlatinumPhase.BureauReview, PlatinumPhase.ResponsePolicy]);
  });

  it('reminds each concerned director still owing a response policy, and escalates to the reform office', async () => {
    const { fiscalYear, meetingDue } = await processYear(tb, { x3: 20 }, { [ProcessKind.PlatinumProject]: [{ target: 'policies', meetingId: 'x3' }] });
    const handle = await tb.client.workflow.start(platinumProposalWorkflow, {
      workflowId: `platinum/${fiscalYear}/1`,
      taskQueue: tb.taskQueue,
      args: [{ start: openProposal(fiscalYear, 1, { id: STAFF.id, name: STAFF.name }), startedBy: { id: STAFF.id, name: STAFF.name } }],
    });
    await handle.executeUpdate(awaitProcessStart);
    const standing = { member: true, leader: { id: LEADER.id, name: LEADER.name } };
    const act = async (update: keyof typeof proposalUpdates, command: object) => handle.executeUpdate(proposalUpdates[update] as (typeof proposalUpdates)['withdraw'], { args: [command as never] });
    await act('save-proposal', { type: 'save-proposal', actor: STAFF, standing, title: '提案', content: { hash: 'p', length: 5, empty: false, relatedClusterNos: [] }, basedOnVersion: null });
    await act('submit-proposal', { type: 'submit-proposal', actor: STAFF, standing });
    await act('approve-proposal', { type: 'approve-proposal', actor: LEADER, comment: null });
    await act('assign', { type: 'assign', actor: OFFICE, owningBureau: KODOMO, concernedBureaus: [KODOMO, KANKYO] });
    await act('save-decision', { type: 'save-decision', actor: KODOMO_STAFF, content: { hash: 'd', length: 5, empty: false, outcome: DecisionOutcome.Adopt }, basedOnVersion: null });
    await act('submit-decision', { type: 'submit-decision', actor: KODOMO_STAFF });
    await act('approve-decision', { type: 'approve-decision', actor: KODOMO_MANAGER, comment: null });
    await act('approve-decision', { type: 'approve-decision', actor: KODOMO_DIRECTOR, comment: null });
    await act('state-policy', { type: 'state-policy', actor: KODOMO_DIRECTOR, bureau: KODOMO, text: { hash: 't', length: 5, empty: false } });
    await tb.skipTo(meetingDue('x3') + MINUTE);
    expect(sentBy(tb, handle.workflowId).map(({ kind, recipients }) => ({ kind, recipients }))).toEqual([
      { kind: NotificationKind.Reminder, recipients: [role(Role.Director, 'kankyo')] },
      { kind: NotificationKind.Reminder, recipients: [role(Role.Director, 'kankyo')] },
      { kind: NotificationKind.Reminder, recipients: [role(Role.Director, 'kankyo')] },
      { kind: NotificationKind.Escalation, recipients: [role(Role.ReformOffice, null)] },
    ]);
    expect(sentBy(tb, handle.workflowId)[0].body).toContain('環境局の対応方針');
  });
});
