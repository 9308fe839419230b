import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, ProcessDeadline } from '@app/domain';
import type { CalendarChange } from '../cluster-lifecycle/cluster-lifecycle.messages';

/** How a process workflow starts: its first state, who started it, and what a previous run carried over. */
export interface ProcessInput<S> {
  readonly start: S;
  readonly startedBy: Actor;
  readonly carried?: CarriedProcess<S>;
}

/** What a run hands to the next (continue-as-new): the state and everything its reminders go on from. */
export interface CarriedProcess<S> {
  readonly state: S;
  readonly seq: number;
  readonly deadlines: readonly ProcessDeadline[];
  readonly reminderOffsets: readonly string[];
  readonly sentNotices: readonly string[];
  readonly calendarChanges: readonly CalendarChange[];
}

/** What an Update answers: the phase after it and the event it was recorded as; the caller reads the rest from the read model. */
export interface ProcessUpdateOutcome {
  readonly phase: string;
  readonly seq: number;
}

/** One Workflow Update per verb, so the Web UI's history reads as what people did. */
export function processUpdates<C extends { readonly type: string }>(types: readonly C['type'][]): { readonly [T in C['type']]: UpdateDefinition<ProcessUpdateOutcome, [Extract<C, { type: T }>]> } {
  return Object.fromEntries(types.map((type) => [type, defineUpdate<ProcessUpdateOutcome, [C]>(type)])) as never;
}

/** Sent with the start of the workflow: answers once the start is in the read model. */
export const awaitProcessStart = defineUpdate<ProcessUpdateOutcome, []>('awaitStart');

/** The workflow's own view of its state, answered live. */
export const getProcessState = defineQuery<unknown>('getProcessState');
