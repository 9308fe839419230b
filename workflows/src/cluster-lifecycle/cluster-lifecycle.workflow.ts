import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  actorOf,
  CaseChange,
  ClusterAction,
  ClusterCase,
  ClusterCommand,
  ClusterLifecycleEvent,
  ClusterStage,
  Deadline,
  decide,
  isClosedStage,
  openClusterCase,
  owedActions,
  REFUSED_FAILURE_TYPE,
  SavedReportText,
} from '@app/domain';
import { type CalendarActivities, CLUSTER_STAGE, type ClusterLifecycleActivities, OWNING_BUREAU } from '@app/temporal/contracts';
import { awaitKickoff, CalendarChange, calendarChanged, ClusterLifecycleInput, clusterUpdates, getClusterCase, getClusterDeadlines } from './cluster-lifecycle.messages';
import { runReminders } from './reminders';

const { recordClusterEvent } = proxyActivities<ClusterLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { loadClusterDeadlines } = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Analyses started before deadlines existed replay without them; later ones plan reminders. */
const DEADLINE_REMINDERS = 'deadline-reminders';

/**
 * One cluster's management analysis for one fiscal year, from kickoff to 完了 or 取下げ. The rules
 * live in the domain's `decide`; this workflow holds the case durably, runs each user action as
 * an Update (validated first, so a refusal leaves no history) and records every change, in order,
 * before answering, so the caller's next read of the read model already shows it. Beside that, it
 * reminds whoever owes the next action before each deadline and escalates what is late.
 */
export async function clusterLifecycleWorkflow(input: ClusterLifecycleInput): Promise<ClusterCase> {
  let state: ClusterCase = openClusterCase(input.start);
  let deadlines: readonly Deadline[] = [];
  let reminderOffsets: readonly string[] = [];
  let seq = 0;
  let version = 0;
  let recorded: Promise<void> = Promise.resolve();
  /** Actions wait until the kickoff is recorded, so the audit trail always opens with it. */
  let kickoffRecorded = false;
  let kickoffInReadModel = false;
  const calendarChanges: CalendarChange[] = [];

  /** Events are recorded one after another, so the read model sees them in the workflow's order. */
  function record(change: CaseChange, savedText: SavedReportText | null): Promise<void> {
    seq += 1;
    version += 1;
    const event: ClusterLifecycleEvent = {
      eventId: `${workflowInfo().workflowId}#${seq}`,
      seq,
      fiscalYear: state.fiscalYear,
      clusterNo: state.clusterNo,
      occurredAt: new Date().toISOString(),
      actorId: change.actor.id,
      actorName: change.actor.name,
      action: change.action,
      fromStage: change.fromStage,
      toStage: change.toStage,
      reportKind: change.reportKind,
      comment: change.comment,
      details: change.details,
      state,
      owed: owedActions(state),
      deadlines,
      savedText,
    };
    upsertSearchAttributes([
      { key: CLUSTER_STAGE, value: state.stage },
      { key: OWNING_BUREAU, value: state.owningBureau.code },
    ]);
    recorded = recorded.then(() => recordClusterEvent(event));
    return recorded;
  }

  setHandler(getClusterCase, () => state);
  setHandler(getClusterDeadlines, () => deadlines);
  setHandler(awaitKickoff, async () => {
    await condition(() => kickoffInReadModel);
    return state;
  });

  for (const [type, update] of Object.entries(clusterUpdates)) {
    setHandler(
      update,
      async (command: ClusterCommand) => {
        await condition(() => kickoffRecorded);
        const decision = decide(state, command, new Date().toISOString());
        // The validator has just accepted this command against the same state; a refusal here is a bug.
        if (!decision.accepted) throw ApplicationFailure.nonRetryable(decision.refusal.message, REFUSED_FAILURE_TYPE, decision.refusal);
        state = decision.state;
        const after = state;
        await record(decision.change, command.type === 'save-draft' ? savedTextOf(command, decision.state) : null);
        return after;
      },
      {
        validator: (command: ClusterCommand) => {
          if (command.type !== type) throw ApplicationFailure.nonRetryable(`更新 ${type} に別の操作 ${command.type} が渡されました`, 'BadCommand');
          const decision = decide(state, command, new Date().toISOString());
          if (!decision.accepted) throw ApplicationFailure.nonRetryable(decision.refusal.message, REFUSED_FAILURE_TYPE, decision.refusal);
        },
      },
    );
  }

  const plansReminders = patched(DEADLINE_REMINDERS);
  if (plansReminders) {
    setHandler(calendarChanged, (change) => {
      calendarChanges.push(change);
    });
    ({ deadlines, reminderOffsets } = await loadClusterDeadlines(state.fiscalYear, state.clusterNo));
  }

  const kickoff = record(
    {
      action: ClusterAction.Kickoff,
      actor: actorOf(input.startedBy),
      fromStage: ClusterStage.NotStarted,
      toStage: ClusterStage.Kickoff,
      reportKind: null,
      comment: null,
      details: { kickoff: input.start.kickoff },
    },
    null,
  );
  kickoffRecorded = true;
  await kickoff;
  kickoffInReadModel = true;

  const reminders = !plansReminders
    ? Promise.resolve()
    : runReminders({
      current: () => ({ state, deadlines, reminderOffsets, version }),
      closed: () => isClosedStage(state.stage),
      nextCalendarChange: () => calendarChanges.shift(),
      hasCalendarChange: () => calendarChanges.length > 0,
      reload: () => loadClusterDeadlines(state.fiscalYear, state.clusterNo),
      applyDeadlines: async (loaded, changedBy, moves) => {
        deadlines = loaded.deadlines;
        reminderOffsets = loaded.reminderOffsets;
        await record(
          {
            action: ClusterAction.DeadlinesMoved,
            actor: changedBy,
            fromStage: state.stage,
            toStage: state.stage,
            reportKind: null,
            comment: null,
            details: { moves },
          },
          null,
        );
      },
    });

  await condition(() => isClosedStage(state.stage) && allHandlersFinished());
  await reminders;
  await recorded;
  return state;
}

function savedTextOf(command: Extract<ClusterCommand, { type: 'save-draft' }>, state: ClusterCase): SavedReportText {
  const report = state.reports.find((candidate) => candidate.kind === command.kind);
  return { kind: command.kind, version: report?.versions.length ?? 0, title: command.title, body: command.body };
}
