import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  Actor,
  actorOf,
  CaseChange,
  caseDelta,
  CLUSTER_ACTION_LABELS,
  ClusterAction,
  ClusterCase,
  ClusterCommand,
  clusterDeadlinePlan,
  ClusterLifecycleEvent,
  ClusterStage,
  Deadline,
  decide,
  isClosedStage,
  LIBRARY_HOLIDAYS,
  NotificationRequest,
  pinnedHolidays,
  openClusterCase,
  owedActions,
  PROJECTION_FAILED_FAILURE_TYPE,
  REFUSED_FAILURE_TYPE,
  SavedReportText,
  savedTextOf,
  upgradedCommand,
} from '@app/domain';
import { type CalendarActivities, CLUSTER_STAGE, type ClusterLifecycleActivities, OWNING_BUREAU } from '@app/temporal/contracts';
import {
  awaitKickoff,
  CalendarChange,
  CalendarChangeOutcome,
  CalendarSnapshot,
  calendarChanged,
  ClusterLifecycleInput,
  ClusterUpdateOutcome,
  clusterUpdates,
  getClusterCase,
  getClusterDeadlines,
  getUnconfirmedEvents,
  replanForCalendar,
} from './cluster-lifecycle.messages';
import { DeadlineMove, deadlineMoves, deadlinesDiffer, movedDeadlineNotices, runReminders } from './reminders';

const { recordClusterEvent, recordAnsweredEvents } = proxyActivities<ClusterLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  // An outage is waited out; an event the read model cannot take (a bug, bad data) fails at once and visibly.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: [PROJECTION_FAILED_FAILURE_TYPE] },
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
 * an Update (validated first, so a refusal leaves no history) and answers it with its event after one
 * workflow task, for the caller to record in the read model before it reads the case (the kickoff, draft
 * saves, deadlines moved by a meeting's change, and decisions that leave the analysis open); a decision
 * that closes it, and any event no caller recorded, it records itself, in order. Beside that, it
 * reminds whoever owes the next action before each deadline and escalates what is late.
 *
 * Report texts never pass through it (the API stores them and sends their hash), events carry only
 * what changed, and when Temporal suggests it the analysis goes on in a fresh run with its state
 * carried over: however often a draft is saved, no history outgrows the server.
 */
export async function clusterLifecycleWorkflow(input: ClusterLifecycleInput): Promise<ClusterCase> {
  const carried = input.carried;
  // A run carried over, or started by a kickoff that says so, asks for none of the earlier versions' patches.
  const hasEveryPatch = carried !== undefined || input.earlierPatchesApplied === true;
  let state: ClusterCase = carried?.state ?? openClusterCase(input.start);
  let deadlines: readonly Deadline[] = carried?.deadlines ?? [];
  let reminderOffsets: readonly string[] = carried?.reminderOffsets ?? [];
  let seq = carried?.seq ?? 0;
  let version = 0;
  let recorded: Promise<void> = Promise.resolve();
  /** Actions wait until the kickoff is recorded, so the audit trail always opens with it. */
  let kickoffRecorded = carried !== undefined;
  /** The kickoff's Update may answer: the kickoff is in the read model, or answered for its caller to record. */
  let kickoffAnswerable = carried !== undefined;
  /** The read model refused the kickoff (the cluster was analysed already): this run has nothing to do. */
  let kickoffFailed = false;
  /** Set once this run hands over to the next: new work waits for that run. */
  let continuing = false;
  const calendarChanges: CalendarChange[] = [...(carried?.calendarChanges ?? [])];
  const sentNotices = new Set<string>(carried?.sentNotices ?? []);
  const analysisId = workflowInfo().firstExecutionRunId;
  /** The stage and bureau the search attributes hold (set at the start of every run). */
  let indexedAs = carried ? '' : [ClusterStage.Kickoff, input.start.owningBureau.code].join('/');

  /**
   * Events answered to their callers, which record them in the read model; the next event this workflow
   * records itself carries them too, in case a caller never did (it died, or was not the API or the
   * worker's teller), and a decision among them is recorded by the workflow a minute on in any case.
   */
  const unconfirmedEvents: ClusterLifecycleEvent[] = [...(carried?.unconfirmedEvents ?? [])];
  const answersSaves = input.savesAnsweredWithEvent === true;
  const answersDecisions = input.decisionsAnsweredWithEvent === true;
  /** The kickoff's event, when the kickoff's Update answers with it for the caller to record. */
  let answeredKickoff: ClusterLifecycleEvent | null = null;

  /** The next event of the analysis, with the search attributes brought up to date for it. */
  function nextEvent(
    before: ClusterCase | null,
    change: CaseChange,
    savedText: SavedReportText | null,
    deadlinesChanged: boolean,
    notices: readonly NotificationRequest[],
  ): ClusterLifecycleEvent {
    seq += 1;
    version += 1;
    const event: ClusterLifecycleEvent = {
      eventId: `${workflowInfo().workflowId}/${analysisId}#${seq}`,
      analysisId,
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
      delta: caseDelta(before, state),
      owed: owedActions(state),
      deadlines: deadlinesChanged ? deadlines : null,
      savedText,
      ...(notices.length > 0 ? { notices } : {}),
    };
    // Searchable by stage and bureau; an event that changes neither adds nothing to the history for them.
    const searchable = [state.stage, state.owningBureau.code].join('/');
    if (searchable !== indexedAs || !(hasEveryPatch || patched(UPSERT_ON_CHANGE))) {
      upsertSearchAttributes([
        { key: CLUSTER_STAGE, value: state.stage },
        { key: OWNING_BUREAU, value: state.owningBureau.code },
      ]);
      indexedAs = searchable;
    }
    return event;
  }

  /** Events are recorded one after another, so the read model sees them in the workflow's order. */
  function record(
    before: ClusterCase | null,
    change: CaseChange,
    savedText: SavedReportText | null,
    deadlinesChanged: boolean,
    notices: readonly NotificationRequest[] = [],
  ): Promise<void> {
    const event = nextEvent(before, change, savedText, deadlinesChanged, notices);
    const answered = unconfirmedEvents.splice(0);
    return inTurn(() => recordClusterEvent(event, answered));
  }

  /** Records, in their turn, the answered events no event of the workflow's own has carried yet. */
  function recordAnswered(): Promise<void> {
    const answered = unconfirmedEvents.splice(0);
    return inTurn(() => recordAnsweredEvents(answered));
  }

  /** Runs a recording after those before it, whatever became of them: one the read model refused is kept for admins, not retried. */
  function inTurn(recording: () => Promise<void>): Promise<void> {
    const done = recorded.then(recording);
    recorded = done.catch(() => undefined);
    return done;
  }

  /**
   * A decision's caller records the event it was answered with; should it die first, the workflow
   * records the event itself once ANSWERED_DECISION_GRACE has passed, so whoever owes the next step
   * finds it in their tasks however long nobody acts on the cluster.
   */
  async function recordDecisionsNoCallerRecorded(): Promise<void> {
    const ended = () => isClosedStage(state.stage) || continuing;
    for (;;) {
      await condition(() => unconfirmedEvents.some(isDecision) || ended());
      if (ended()) return;
      const waiting = unconfirmedEvents.find(isDecision) as ClusterLifecycleEvent;
      // Carried meanwhile by an event the workflow recorded, or by the hand-over to the next run.
      if (await condition(() => !unconfirmedEvents.includes(waiting) || ended(), ANSWERED_DECISION_GRACE)) continue;
      await recordAnswered().catch(() => undefined);
    }
  }

  /** An event the read model refused: the Update that caused it answers so, and the cluster goes on. */
  const projectionFailed = (event: string) =>
    ApplicationFailure.nonRetryable(
      `操作は記録されましたが、画面に表示する情報への反映に失敗しました（${event}）。管理者に連絡してください`,
      PROJECTION_FAILED_FAILURE_TYPE,
    );

  const outcome = (): ClusterUpdateOutcome => ({ stage: state.stage, seq });

  /** The cluster's deadlines as the calendar a change carries plans them. */
  const planFrom = (calendar: CalendarSnapshot) => clusterDeadlinePlan(state.clusterNo, calendar.meetings, calendar.settings, holidaysOf(calendar));

  /** The audit trail's entry for deadlines a calendar change moved. */
  const deadlinesMoved = (changedBy: Actor, moves: readonly DeadlineMove[]): CaseChange => ({
    action: ClusterAction.DeadlinesMoved,
    actor: changedBy,
    fromStage: state.stage,
    toStage: state.stage,
    reportKind: null,
    comment: null,
    details: { moves },
  });

  setHandler(getClusterCase, () => state);
  setHandler(getClusterDeadlines, () => deadlines);
  setHandler(getUnconfirmedEvents, () => unconfirmedEvents);
  setHandler(awaitKickoff, async () => {
    await condition(() => kickoffAnswerable || kickoffFailed);
    if (kickoffFailed) throw projectionFailed('着手');
    return answeredKickoff ? { ...outcome(), event: answeredKickoff } : outcome();
  });

  for (const [type, update] of Object.entries(clusterUpdates)) {
    setHandler(
      update,
      async (sent: ClusterCommand) => {
        await condition(() => kickoffRecorded);
        const command = upgradedCommand(sent);
        const decision = decide(state, command, new Date().toISOString());
        // The validator has just accepted this command against the same state; a refusal here is a bug.
        if (!decision.accepted) throw ApplicationFailure.nonRetryable(decision.refusal.message, REFUSED_FAILURE_TYPE, decision.refusal);
        const before = state;
        state = decision.state;
        const answers = command.type === 'save-draft' ? answersSaves : answersDecisions && !isClosedStage(state.stage);
        if (answers && unconfirmedEvents.length < MAX_UNCONFIRMED_EVENTS) {
          // No activity and no second workflow task: the caller records it (a closing decision is recorded here, as the run ends).
          const event = nextEvent(before, decision.change, command.type === 'save-draft' ? savedTextOf(sent, state) : null, false, []);
          unconfirmedEvents.push(event);
          const after = outcome();
          // Everything recorded before it is in the read model first, so the caller never records it out of order.
          await recorded;
          return { ...after, event };
        }
        const recording = record(before, decision.change, command.type === 'save-draft' ? savedTextOf(sent, state) : null, false);
        const after = outcome();
        try {
          await recording;
        } catch {
          throw projectionFailed(CLUSTER_ACTION_LABELS[decision.change.action]);
        }
        return after;
      },
      {
        validator: (sent: ClusterCommand) => {
          if (sent.type !== type) throw ApplicationFailure.nonRetryable(`更新 ${type} に別の操作 ${sent.type} が渡されました`, 'BadCommand');
          const decision = decide(state, upgradedCommand(sent), new Date().toISOString());
          if (!decision.accepted) throw ApplicationFailure.nonRetryable(decision.refusal.message, REFUSED_FAILURE_TYPE, decision.refusal);
        },
      },
    );
  }

  /** What moved deadlines recorded as, for a given change: until recorded, answered again to a teller who asks again. */
  let lastCalendarAnswer: { readonly changeId: string; readonly event: ClusterLifecycleEvent } | null = null;
  /** Set while the reminder loop re-plans for a queued calendar change (signalled by calendars started before, or carried from the last run). */
  let replanningSignalled = false;

  const plansReminders = hasEveryPatch || patched(DEADLINE_REMINDERS);
  if (plansReminders) {
    setHandler(calendarChanged, (change) => {
      calendarChanges.push(change);
    });
    setHandler(replanForCalendar, async (change): Promise<CalendarChangeOutcome> => {
      // One change at a time: a queued one, or one still being re-planned, goes first.
      await condition(() => kickoffRecorded && ((calendarChanges.length === 0 && !replanningSignalled) || isClosedStage(state.stage) || continuing));
      if (continuing) {
        // The next run re-plans it and records what moved.
        calendarChanges.push(change);
        return { event: null };
      }
      if (isClosedStage(state.stage)) return { event: null };
      const plan = planFrom(change.calendar);
      const moves = deadlineMoves(deadlines, plan.deadlines);
      if (!deadlinesDiffer(deadlines, plan.deadlines, moves)) {
        // Asked again (its teller was retried): the answer it may not have recorded, while the read model may lack it.
        const answered = lastCalendarAnswer?.changeId === change.changeId ? lastCalendarAnswer.event : null;
        return { event: answered && unconfirmedEvents.includes(answered) ? answered : null };
      }
      deadlines = plan.deadlines;
      reminderOffsets = plan.reminderOffsets;
      const moved = deadlinesMoved(change.changedBy, moves);
      const notices = movedDeadlineNotices(state, moves, change.changeId);
      if (unconfirmedEvents.length >= MAX_UNCONFIRMED_EVENTS) {
        await record(state, moved, null, true, notices).catch(() => undefined);
        return { event: null };
      }
      const event = nextEvent(state, moved, null, true, notices);
      unconfirmedEvents.push(event);
      lastCalendarAnswer = { changeId: change.changeId, event };
      await recorded;
      return { event };
    });
    if (!carried) ({ deadlines, reminderOffsets } = input.deadlinePlan ?? (await loadClusterDeadlines(state.fiscalYear, state.clusterNo)));
  }

  const kickoffChange: CaseChange = {
    action: ClusterAction.Kickoff,
    actor: actorOf(input.startedBy),
    fromStage: ClusterStage.NotStarted,
    toStage: ClusterStage.Kickoff,
    reportKind: null,
    comment: null,
    details: { kickoff: input.start.kickoff },
  };
  if (!carried && input.kickoffAnsweredWithEvent === true) {
    // Answered after this one workflow task: the kickoff's caller records it, as with a save.
    answeredKickoff = nextEvent(null, kickoffChange, null, true, []);
    unconfirmedEvents.push(answeredKickoff);
    kickoffRecorded = true;
    kickoffAnswerable = true;
  } else if (!carried) {
    const kickoff = record(null, kickoffChange, null, true);
    kickoffRecorded = true;
    try {
      await kickoff;
    } catch {
      kickoffFailed = true;
      await condition(allHandlersFinished);
      throw ApplicationFailure.nonRetryable('この事業群の着手を記録できませんでした。今年度の経営分析は既に記録されています', PROJECTION_FAILED_FAILURE_TYPE);
    }
    kickoffAnswerable = true;
  }

  const decisionsRecorded = answersDecisions ? recordDecisionsNoCallerRecorded() : Promise.resolve();

  const reminders = !plansReminders
    ? Promise.resolve()
    : runReminders({
      current: () => ({ state, deadlines, reminderOffsets, version }),
      closed: () => isClosedStage(state.stage) || continuing,
      sent: sentNotices,
      keepsTimer: input.earlierPatchesApplied === true || patched(KEEPS_REMINDER_TIMER),
      noticesWithEvent: carried !== undefined || input.movedDeadlineNoticesWithEvent === true || patched(NOTICES_WITH_EVENT),
      nextCalendarChange: () => calendarChanges.shift(),
      hasCalendarChange: () => calendarChanges.length > 0,
      // A change that carries the calendar is re-planned from it here: no activity per analysis when a meeting moves.
      reload: async (change) => (change.calendar ? planFrom(change.calendar) : loadClusterDeadlines(state.fiscalYear, state.clusterNo)),
      applyDeadlines: async (loaded, changedBy, moves, notices) => {
        deadlines = loaded.deadlines;
        reminderOffsets = loaded.reminderOffsets;
        // A refused event is kept for admins by the activity; the reminders go on against the new deadlines.
        await record(state, deadlinesMoved(changedBy, moves), null, true, notices).catch(() => undefined);
      },
      replanning: (busy) => {
        replanningSignalled = busy;
      },
    });

  // Old histories never saw the suggestion; asking behind a patch keeps them replaying as recorded.
  const mayContinueAsNew = hasEveryPatch || patched(CONTINUE_AS_NEW);
  await condition(() => (isClosedStage(state.stage) && allHandlersFinished()) || (mayContinueAsNew && workflowInfo().continueAsNewSuggested));
  if (!isClosedStage(state.stage)) {
    continuing = true;
    await reminders;
    await decisionsRecorded;
    await recorded;
    // Nothing may be half done in this run: no handler between here and the hand-over.
    await condition(allHandlersFinished);
    return continueAsNew<typeof clusterLifecycleWorkflow>({
      start: input.start,
      startedBy: input.startedBy,
      earlierPatchesApplied: true,
      movedDeadlineNoticesWithEvent: true,
      savesAnsweredWithEvent: true,
      ...(answersDecisions ? { decisionsAnsweredWithEvent: true as const } : {}),
      carried: {
        state,
        deadlines,
        reminderOffsets,
        seq,
        sentNotices: [...sentNotices],
        calendarChanges: [...calendarChanges],
        unconfirmedEvents: [...unconfirmedEvents],
      },
    });
  }
  await reminders;
  await decisionsRecorded;
  await recorded;
  return state;
}

/**
 * A decision changes who acts next, so it is not left for the next event to carry. The others have their
 * own way in: a save changes nobody's task, a kickoff is caught up by its next try, and deadlines moved
 * by a meeting by the telling activity, which Temporal retries.
 */
function isDecision(event: ClusterLifecycleEvent): boolean {
  return event.action !== ClusterAction.Kickoff && event.action !== ClusterAction.SaveDraft && event.action !== ClusterAction.DeadlinesMoved;
}

/** How long a decision answered with its event waits for its caller to record it before the workflow does. */
const ANSWERED_DECISION_GRACE = '1 minute';

/** The public holidays a calendar counts by: those it pinned, or the library's (calendars started before pinning). */
function holidaysOf(calendar: CalendarSnapshot) {
  return calendar.holidays ? pinnedHolidays(calendar.holidays) : LIBRARY_HOLIDAYS;
}

/**
 * How many events in a row (saves, decisions, deadlines a calendar change moved) are answered with their event
 * before one is recorded by the workflow itself: a bound on what the next recorded event carries and
 * what a run hands to the next.
 */
const MAX_UNCONFIRMED_EVENTS = 20;

/** Analyses started before this upserted their search attributes on every event, as recorded. */
const UPSERT_ON_CHANGE = 'upsert-search-attributes-on-change';

/** Analyses started before continue-as-new existed run on in one history, as recorded. */
const CONTINUE_AS_NEW = 'continue-as-new';

/** Analyses started before this started a new reminder timer at every wake-up, as recorded. */
const KEEPS_REMINDER_TIMER = 'keeps-reminder-timer';

/** Analyses started before this told each owner of a moved deadline in an activity of its own, as recorded. */
const NOTICES_WITH_EVENT = 'moved-deadline-notices-with-event';
