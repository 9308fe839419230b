import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarLoad } from '@app/temporal/contracts';
import type { Actor, ClusterCase, ClusterCaseStart, ClusterCommand, ClusterLifecycleEvent, ClusterDeadlinePlan, ClusterStage, Deadline, Participant } from '@app/domain';

export interface ClusterLifecycleInput {
  readonly start: ClusterCaseStart;
  readonly startedBy: Participant;
  /**
   * The deadlines as the kickoff found them, so the first run plans its reminders without asking for
   * them again; absent in analyses started before, which load them first.
   */
  readonly deadlinePlan?: ClusterDeadlinePlan;
  /**
   * Set by kickoffs (and carried on by continue-as-new) since analyses stopped asking for the patches of
   * earlier versions (deadline reminders, search attributes upserted only on change, continue-as-new,
   * the reminder timer kept across wake-ups), each of which costs the history a marker and a
   * search-attribute update. Analyses started before ask, and replay as recorded.
   */
  readonly earlierPatchesApplied?: true;
  /**
   * Set by kickoffs (and carried on) since the owners of a moved deadline are told by the activity that
   * records the move, not by one activity each. Analyses started before ask a patch, and replay as recorded.
   */
  readonly movedDeadlineNoticesWithEvent?: true;
  /**
   * Set by kickoffs (and carried on) since a draft save is answered with its event, for the caller to
   * record, instead of being recorded by an activity between two workflow tasks. Analyses started
   * before record every save themselves, as recorded.
   */
  readonly savesAnsweredWithEvent?: true;
  /**
   * Set by kickoffs since the kickoff's Update answers with the kickoff's event, for the caller to record,
   * after the first workflow task. Analyses started before recorded their kickoff themselves, as recorded.
   */
  readonly kickoffAnsweredWithEvent?: true;
  /**
   * Set by kickoffs (and carried on) since a decision that leaves the analysis open (提出, 承認, 差戻し,
   * 引戻し, 代理) is answered with its event after one workflow task, for the caller to record, and
   * recorded by the workflow itself a minute later if no event it recorded has carried it by then.
   * Analyses started before record every decision themselves before answering, as recorded.
   */
  readonly decisionsAnsweredWithEvent?: true;
  /** Set when the analysis goes on in a fresh run (continue-as-new), so no history outgrows Temporal. */
  readonly carried?: CarriedAnalysis;
}

/** What a run hands to the next: the case and everything its reminders and events go on from. */
export interface CarriedAnalysis {
  readonly state: ClusterCase;
  readonly deadlines: readonly Deadline[];
  readonly reminderOffsets: readonly string[];
  readonly seq: number;
  readonly sentNotices: readonly string[];
  readonly calendarChanges: readonly CalendarChange[];
  /** Events answered to their callers (the kickoff, saves, decisions, moved deadlines) that no event recorded by the workflow has carried yet. */
  readonly unconfirmedEvents?: readonly ClusterLifecycleEvent[];
}

/**
 * What an Update answers: small on purpose, since every answer stays in the workflow's history. The
 * caller reads the case from the read model, which the Update has written before answering, except
 * for an action answered with its event: that the caller records first (`AnsweredEventRecorder`).
 */
export interface ClusterUpdateOutcome {
  readonly stage: ClusterStage;
  /** The event the change was recorded as. */
  readonly seq: number;
  /** The action's event when the workflow has not recorded it (a kickoff, a save, a decision that leaves the analysis open): the caller records it before reading the case. */
  readonly event?: ClusterLifecycleEvent;
}

type CommandOf<T extends ClusterCommand['type']> = Extract<ClusterCommand, { type: T }>;

/**
 * One Workflow Update per verb of 決裁, so the Web UI's history reads as what people did. Each
 * answers with the outcome of the change, or fails with the domain's Refusal (failure type `REFUSED_FAILURE_TYPE`) and leaves no trace.
 */
export const clusterUpdates: { readonly [T in ClusterCommand['type']]: UpdateDefinition<ClusterUpdateOutcome, [CommandOf<T>]> } = {
  'save-draft': defineUpdate<ClusterUpdateOutcome, [CommandOf<'save-draft'>]>('saveDraft'),
  submit: defineUpdate<ClusterUpdateOutcome, [CommandOf<'submit'>]>('submitReport'),
  approve: defineUpdate<ClusterUpdateOutcome, [CommandOf<'approve'>]>('approveReport'),
  return: defineUpdate<ClusterUpdateOutcome, [CommandOf<'return'>]>('returnReport'),
  delegate: defineUpdate<ClusterUpdateOutcome, [CommandOf<'delegate'>]>('delegateApproval'),
  recall: defineUpdate<ClusterUpdateOutcome, [CommandOf<'recall'>]>('recallReport'),
  withdraw: defineUpdate<ClusterUpdateOutcome, [CommandOf<'withdraw'>]>('withdrawCluster'),
  'change-owning-bureau': defineUpdate<ClusterUpdateOutcome, [CommandOf<'change-owning-bureau'>]>('changeOwningBureau'),
  'release-delegation': defineUpdate<ClusterUpdateOutcome, [CommandOf<'release-delegation'>]>('releaseDelegation'),
};

/** Sent with the start of the workflow: answers once the kickoff is in the read model, so the caller sees it at once. */
export const awaitKickoff = defineUpdate<ClusterUpdateOutcome, []>('awaitKickoff');

/** The workflow's own view of its cluster, answered live. */
export const getClusterCase = defineQuery<ClusterCase>('getClusterCase');

/**
 * Events answered to their callers since the workflow last recorded one itself, oldest first: what a
 * caller records before its own save when the read model shows an earlier one missing.
 */
export const getUnconfirmedEvents = defineQuery<readonly ClusterLifecycleEvent[]>('getUnconfirmedEvents');

/** The cluster's deadlines as the workflow plans its reminders against them. */
export const getClusterDeadlines = defineQuery<readonly Deadline[]>('getClusterDeadlines');

/** The fiscal year's calendar changed: reload the deadlines and re-plan every reminder now. */
export interface CalendarChange {
  readonly changedBy: Actor;
  /** Names the change, so notices about it are sent once however often it is delivered. */
  readonly changeId: string;
  /**
   * The year's calendar after the change, as the calendar workflow holds it: an analysis re-plans from
   * it without asking the database. Absent in changes sent before, and from the API (re-planning then
   * loads the deadlines).
   */
  readonly calendar?: CalendarSnapshot;
}

/** The meetings, settings and public holidays the calendar counts business days by. */
export type CalendarSnapshot = CalendarLoad;

export const calendarChanged = defineSignal<[CalendarChange]>('calendarChanged');

/** A calendar change that carries the calendar, as the calendar's teller sends it to each analysis. */
export interface CalendarChangeWithCalendar extends CalendarChange {
  readonly calendar: CalendarSnapshot;
}

/**
 * What an analysis answers a calendar change with: the event of the deadlines it moved, for the
 * teller to record in the read model and whose notices it delivers, or null when nothing moved (or
 * the analysis has closed, or is handing over to a new run, which re-plans the change itself).
 */
export interface CalendarChangeOutcome {
  readonly event: ClusterLifecycleEvent | null;
}

/**
 * The calendar changed: the analysis re-plans its deadlines from the calendar sent, and answers with
 * the event of what moved after one workflow task, instead of recording it by an activity between two.
 */
export const replanForCalendar = defineUpdate<CalendarChangeOutcome, [CalendarChangeWithCalendar]>('replanForCalendar');
