import { digestInstant, NotificationKind, tokyoDate } from '@app/domain';
import { calendarWorkflowId, clusterWorkflowId } from '@app/temporal';
import { fiscalYearCalendarWorkflow } from '../../workflows/src';
import { changeMeeting } from '../../workflows/src/calendar/fiscal-year-calendar.messages';
import { DAY, DAYS_IN_MINUTES, DRAFTERS, ESCALATION, kickoffCluster, MINUTE, OFFICE, REFORM_OFFICE, scenarioYear, sentBy } from '../support/workflow-scenarios';
import { describeWithTimeSkipping, useWorkflowTestbed } from '../support/workflow-testbed';

/**
 * The fiscal-year calendar workflow on the time-skipping test server, with recording stubs for its
 * activities, alone and together with a cluster workflow it tells of moved meetings. As in the
 * cluster tests, every "nothing was sent" is checked once the server's clock is past the moment.
 */
describeWithTimeSkipping('the fiscal-year calendar on a time-skipping server', () => {
  const tb = useWorkflowTestbed();

  async function startCalendar(fiscalYear: number) {
    const { meetings, settings } = tb.activities.year(fiscalYear);
    return tb.client.workflow.start(fiscalYearCalendarWorkflow, {
      workflowId: calendarWorkflowId(fiscalYear),
      taskQueue: tb.taskQueue,
      args: [{ fiscalYear, meetings, settings }],
    });
  }

  it('re-plans reminders when a meeting moves later: none for the old date, the new ones at their time, and the drafters told', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { x1: 20 }, { interim: 'x1' });
    tb.activities.year(fiscalYear).running = [27];
    const calendar = await startCalendar(fiscalYear);
    await kickoffCluster(tb, fiscalYear);
    const oldDue = dueAt.interim;
    await tb.skipTo(oldDue - 7 * DAY + MINUTE);

    const newDay = tokyoDate(new Date(oldDue + 7 * DAY));
    await calendar.executeUpdate(changeMeeting, { args: [{ meetingId: 'x1', create: false, date: { kind: 'exact', date: newDay }, actor: OFFICE }] });
    const newDue = oldDue + 7 * DAY;
    await tb.skipTo(newDue + MINUTE);

    const sent = sentBy(tb, clusterWorkflowId(fiscalYear, 27));
    expect(sent.map(({ kind, dueAt: due, minutesToDeadline, recipients }) => ({ kind, due, minutesToDeadline, recipients }))).toEqual([
      { kind: NotificationKind.Reminder, due: oldDue, minutesToDeadline: -7 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.DeadlineMoved, due: newDue, minutesToDeadline: expect.any(Number), recipients: DRAFTERS },
      // The new deadline's 7-day reminder falls at the old deadline, after the old 3- and 1-day reminders would have gone out.
      { kind: NotificationKind.Reminder, due: newDue, minutesToDeadline: -7 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.Reminder, due: newDue, minutesToDeadline: -3 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.Reminder, due: newDue, minutesToDeadline: -1 * DAYS_IN_MINUTES, recipients: DRAFTERS },
      { kind: NotificationKind.Escalation, due: newDue, minutesToDeadline: 0, recipients: ESCALATION },
    ]);
    expect(sent[1].at).toBeLessThan(oldDue - 6 * DAY);
    expect(tb.activities.meetingChanges.filter(({ value }) => value.fiscalYear === fiscalYear)).toHaveLength(1);
  });

  it('reminds the reform office of the clusters still to kick off, and sends nothing at the deadline once all are started', async () => {
    const { fiscalYear, dueAt } = await scenarioYear(tb, { kickoff: 10 }, { kickoff: 'kickoff' });
    tb.activities.year(fiscalYear).pendingKickoffs = [{ no: 26, name: '環境施策' }];
    await startCalendar(fiscalYear);
    await tb.skipTo(dueAt.kickoff - 3 * DAY + MINUTE);
    tb.activities.year(fiscalYear).pendingKickoffs = [];
    await tb.skipTo(dueAt.kickoff + MINUTE);

    const sent = sentBy(tb, calendarWorkflowId(fiscalYear));
    expect(sent.map(({ kind, minutesToDeadline, recipients }) => ({ kind, minutesToDeadline, recipients }))).toEqual([
      { kind: NotificationKind.Reminder, minutesToDeadline: -7 * DAYS_IN_MINUTES, recipients: REFORM_OFFICE },
      { kind: NotificationKind.Reminder, minutesToDeadline: -3 * DAYS_IN_MINUTES, recipients: REFORM_OFFICE },
    ]);
    expect(sent.every(({ body }) => body.includes('No.26 環境施策'))).toBe(true);
    // The calendar did look at the 1-day and deadline moments, and found nobody left to remind.
    const lookups = tb.activities.kickoffLookups.filter(({ workflowId }) => workflowId === calendarWorkflowId(fiscalYear)).map(({ at }) => Math.floor((at - dueAt.kickoff) / MINUTE));
    expect(lookups).toEqual([-7 * DAYS_IN_MINUTES, -3 * DAYS_IN_MINUTES, -1 * DAYS_IN_MINUTES, 0]);
  });

  it("sends a meeting's presenters their digest at its lead time, and for a moved meeting only at the new date's", async () => {
    const { fiscalYear, meetings } = await scenarioYear(tb, { x1: 20 }, {}, { x1: [{ clusterNo: 22, reportKind: 'interim' }] });
    const calendar = await startCalendar(fiscalYear);
    const settings = tb.activities.year(fiscalYear).settings!;
    const oldDigest = Date.parse(digestInstant(meetings[0], settings));
    await tb.skipTo(oldDigest - DAY);

    const newDay = tokyoDate(new Date(oldDigest + 10 * DAY));
    const moved = await calendar.executeUpdate(changeMeeting, { args: [{ meetingId: 'x1', create: false, date: { kind: 'exact', date: newDay }, actor: OFFICE }] });
    const newDigest = Date.parse(digestInstant(moved, settings));
    // Later than the old digest's moment by more than a day, so the check below passes that moment; by how
    // much depends on the business days between (the year-end holidays shorten a 10-day move to 5).
    expect(newDigest).toBeGreaterThan(oldDigest + DAY);
    await tb.skipTo(newDigest - MINUTE);
    expect(tb.activities.digestRequests.filter(({ workflowId }) => workflowId === calendarWorkflowId(fiscalYear))).toEqual([]);
    await tb.skipTo(newDigest + MINUTE);

    const digests = tb.activities.digestRequests.filter(({ workflowId }) => workflowId === calendarWorkflowId(fiscalYear));
    expect(digests.map(({ at, value }) => ({ minutes: Math.floor((at - newDigest) / MINUTE), key: value.key }))).toEqual([{ minutes: 0, key: `digest/${fiscalYear}/x1/${newDay}` }]);
    expect(sentBy(tb, calendarWorkflowId(fiscalYear)).map(({ kind, key }) => ({ kind, key }))).toEqual([{ kind: NotificationKind.MeetingDigest, key: `digest/${fiscalYear}/x1/${newDay}` }]);
  });

  it('sends the digest at once when a meeting moves so near that its lead time has already begun, and none for the old date', async () => {
    const { fiscalYear, meetings } = await scenarioYear(tb, { x1: 20 }, {}, { x1: [{ clusterNo: 22, reportKind: 'interim' }] });
    const calendar = await startCalendar(fiscalYear);
    const settings = tb.activities.year(fiscalYear).settings!;
    const oldDigest = Date.parse(digestInstant(meetings[0], settings));
    const movedAt = (await tb.now()) + 5 * DAY;
    await tb.skipTo(movedAt);

    const newDay = tokyoDate(new Date(movedAt + 2 * DAY));
    await calendar.executeUpdate(changeMeeting, { args: [{ meetingId: 'x1', create: false, date: { kind: 'exact', date: newDay }, actor: OFFICE }] });
    await tb.skipTo(oldDigest + DAY);

    const digests = tb.activities.digestRequests.filter(({ workflowId }) => workflowId === calendarWorkflowId(fiscalYear));
    expect(digests.map(({ at, value }) => ({ minutesAfterMove: Math.floor((at - movedAt) / MINUTE), key: value.key }))).toEqual([
      { minutesAfterMove: 0, key: `digest/${fiscalYear}/x1/${newDay}` },
    ]);
  });
});
