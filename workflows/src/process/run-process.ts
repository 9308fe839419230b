import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  Actor,
  PROJECTION_FAILED_FAILURE_TYPE,
  ProcessChange,
  ProcessDeadline,
  ProcessDecision,
  ProcessEvent,
  processNoticeRequest,
  processNotices,
  ProcessNoticeContext,
  ProcessOwed,
  ProcessSubject,
  REFUSED_FAILURE_TYPE,
  scheduleAt,
} from '@app/domain';
import type { NotificationActivities, ProcessActivities } from '@app/temporal/contracts';
import { CalendarChange, calendarChanged } from '../cluster-lifecycle/cluster-lifecycle.messages';
import { NextReminderTimer } from '../timing/next-reminder-timer';
import { awaitProcessStart, CarriedProcess, getProcessState, ProcessInput, ProcessUpdateOutcome } from './process.messages';

const { recordProcessEvent, loadProcessDeadlines } = proxyActivities<ProcessActivities>({
  startToCloseTimeout: '30 seconds',
  // An outage is waited out; an event the read model cannot take fails at once and visibly.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: [PROJECTION_FAILED_FAILURE_TYPE] },
});

const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** What makes a process what it is; the rest (Updates, events, reminders, continue-as-new) is the same for all. */
export interface ProcessSpec<S, C extends { readonly type: string }> {
  subject(state: S): ProcessSubject;
  decide(state: S, command: C, now: string): ProcessDecision<S>;
  phase(state: S): string;
  /** The bureau the process is listed under, if any. */
  bureauCode(state: S): string | null;
  /** Nothing more can happen: the workflow ends once its handlers are done. */
  closed(state: S): boolean;
  owed(state: S): ProcessOwed[];
  noticeContext(state: S): ProcessNoticeContext;
  /** A command the process gives itself at a time, such as the end of the fiscal year or a deadline's passing. */
  timedCommand(state: S, deadlines: readonly ProcessDeadline[]): { readonly at: string; readonly command: C } | null;
}

export interface ProcessRun<S> {
  readonly state: S;
  /** Set when the run hands over to a fresh one: pass it to continueAsNew. */
  readonly carried: CarriedProcess<S> | null;
}

/**
 * Runs one process instance durably: each user action is an Update, validated first against the
 * domain's rules (a refusal leaves no history), then applied and recorded in order before it
 * answers; whoever owes something is reminded before its deadline and the lateness escalated;
 * a moved meeting re-plans the deadlines; and when Temporal suggests it the run hands over to a
 * fresh one with its state.
 */
export async function runProcess<S, C extends { readonly type: string }>(
  spec: ProcessSpec<S, C>,
  input: ProcessInput<S>,
  updates: Readonly<Record<string, UpdateDefinition<ProcessUpdateOutcome, [C]>>>,
): Promise<ProcessRun<S>> {
  const carried = input.carried;
  let state: S = carried?.state ?? input.start;
  let seq = carried?.seq ?? 0;
  let deadlines: readonly ProcessDeadline[] = carried?.deadlines ?? [];
  let reminderOffsets: readonly string[] = carried?.reminderOffsets ?? [];
  let version = 0;
  let recorded: Promise<void> = Promise.resolve();
  /** Actions wait until the start is recorded, so the audit trail always opens with it. */
  let started = carried !== undefined;
  /** The start is in the read model: the caller who started it may read it now. */
  let startInReadModel = carried !== undefined;
  let startFailed = false;
  let continuing = false;
  const calendarChanges: CalendarChange[] = [...(carried?.calendarChanges ?? [])];
  const sent = new Set<string>(carried?.sentNotices ?? []);
  const processId = workflowInfo().firstExecutionRunId;

  function record(change: ProcessChange, fromPhase: string | null): Promise<void> {
    seq += 1;
    version += 1;
    const event: ProcessEvent<S> = {
      eventId: `${workflowInfo().workflowId}/${processId}#${seq}`,
      processId,
      seq,
      subject: spec.subject(state),
      occurredAt: new Date().toISOString(),
      actorId: change.actor.id,
      actorName: change.actor.name,
      action: change.action,
      fromPhase,
      toPhase: spec.phase(state),
      document: change.document,
      comment: change.comment,
      details: change.details,
      bureauCode: spec.bureauCode(state),
      state,
      savedText: change.savedText,
    };
    const recording = recorded.then(() => recordProcessEvent(event as ProcessEvent));
    // The next event waits for this one, whatever became of it: one the read model refused is kept for admins.
    recorded = recording.catch(() => undefined);
    return recording;
  }

  const projectionFailed = (what: string) =>
    ApplicationFailure.nonRetryable(`操作は記録されましたが、画面に表示する情報への反映に失敗しました（${what}）。管理者に連絡してください`, PROJECTION_FAILED_FAILURE_TYPE);
  const refusedFailure = (decision: Extract<ProcessDecision<S>, { accepted: false }>) =>
    ApplicationFailure.nonRetryable(decision.refusal.message, REFUSED_FAILURE_TYPE, decision.refusal);
  const outcome = (): ProcessUpdateOutcome => ({ phase: spec.phase(state), seq });

  /** Applies an accepted command and records it; the answer waits until the read model has it. */
  async function apply(command: C): Promise<ProcessUpdateOutcome> {
    const decision = spec.decide(state, command, new Date().toISOString());
    // The validator has just accepted this command against the same state; a refusal here is a bug.
    if (!decision.accepted) throw refusedFailure(decision);
    const fromPhase = spec.phase(state);
    state = decision.state;
    const recording = record(decision.change, fromPhase);
    const after = outcome();
    try {
      await recording;
    } catch {
      throw projectionFailed(decision.change.action);
    }
    return after;
  }

  setHandler(getProcessState, () => state);
  setHandler(awaitProcessStart, async () => {
    await condition(() => startInReadModel || startFailed);
    if (startFailed) throw projectionFailed('開始');
    return outcome();
  });
  for (const [type, update] of Object.entries(updates)) {
    setHandler(
      update,
      async (command: C) => {
        await condition(() => started);
        return apply(command);
      },
      {
        validator: (command: C) => {
          if (command.type !== type) throw ApplicationFailure.nonRetryable(`更新 ${type} に別の操作 ${command.type} が渡されました`, 'BadCommand');
          const decision = spec.decide(state, command, new Date().toISOString());
          if (!decision.accepted) throw refusedFailure(decision);
        },
      },
    );
  }
  setHandler(calendarChanged, (change) => {
    calendarChanges.push(change);
  });

  if (!carried) {
    ({ deadlines, reminderOffsets } = await loadProcessDeadlines(spec.subject(state)));
    try {
      const first = record({ action: 'start', actor: input.startedBy, document: null, comment: null, details: {}, savedText: null }, null);
      started = true;
      await first;
      startInReadModel = true;
    } catch {
      startFailed = true;
      await condition(allHandlersFinished);
      throw ApplicationFailure.nonRetryable('開始を記録できませんでした。管理者に連絡してください', PROJECTION_FAILED_FAILURE_TYPE);
    }
  }

  const reminders = remind();

  await condition(() => (spec.closed(state) && allHandlersFinished()) || workflowInfo().continueAsNewSuggested);
  continuing = !spec.closed(state);
  await reminders;
  await recorded;
  if (!continuing) return { state, carried: null };
  await condition(allHandlersFinished);
  return { state, carried: { state, seq, deadlines, reminderOffsets, sentNotices: [...sent], calendarChanges: [...calendarChanges] } };

  /**
   * Sleeps on a durable timer until the next reminder, escalation or timed command is due, and acts;
   * any change of the state or of the calendar wakes it to plan again.
   */
  async function remind(): Promise<void> {
    const over = () => spec.closed(state) || continuing || workflowInfo().continueAsNewSuggested;
    const timer = patched(KEEPS_REMINDER_TIMER) ? new NextReminderTimer() : null;
    while (!over()) {
      if (calendarChanges.length > 0) {
        const change = calendarChanges.splice(0).pop() as CalendarChange;
        const before = JSON.stringify(deadlines);
        ({ deadlines, reminderOffsets } = await loadProcessDeadlines(spec.subject(state)));
        if (JSON.stringify(deadlines) !== before) {
          await record({ action: 'deadlines-moved', actor: change.changedBy as Actor, document: null, comment: null, details: { deadlines }, savedText: null }, spec.phase(state)).catch(() => undefined);
        }
        continue;
      }
      const now = new Date().toISOString();
      const timed = spec.timedCommand(state, deadlines);
      if (timed && timed.at <= now) {
        await apply(timed.command).catch(() => undefined);
        continue;
      }
      const context = spec.noticeContext(state);
      const schedule = scheduleAt(processNotices(context, spec.owed(state), deadlines, reminderOffsets), sent, now);
      for (const notice of schedule.overtaken) sent.add(notice.key);
      for (const notice of schedule.due) {
        sent.add(notice.key);
        await deliverNotification(processNoticeRequest(context, notice, now));
      }
      if (schedule.due.length > 0) continue;
      const next = [schedule.next?.at, timed?.at].filter((at): at is string => at !== undefined).sort()[0];
      const seen = version;
      const woken = () => over() || calendarChanges.length > 0 || version !== seen;
      if (timer) await timer.until(next, woken);
      else if (next) await condition(woken, Math.max(1, Date.parse(next) - Date.now()));
      else await condition(woken);
    }
  }
}

/** Continues a process in a fresh run with what the last one carried. */
export function continueProcess<S>(workflow: (input: ProcessInput<S>) => Promise<S>, input: ProcessInput<S>, carried: CarriedProcess<S>): Promise<never> {
  return continueAsNew<typeof workflow>({ start: input.start, startedBy: input.startedBy, carried });
}

/** Processes started before this started a new reminder timer at every wake-up, as recorded. */
const KEEPS_REMINDER_TIMER = 'keeps-reminder-timer';
