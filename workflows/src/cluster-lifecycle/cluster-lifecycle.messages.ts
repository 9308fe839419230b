import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, ClusterCase, ClusterCaseStart, ClusterCommand, Deadline, Participant } from '@app/domain';

export interface ClusterLifecycleInput {
  readonly start: ClusterCaseStart;
  readonly startedBy: Participant;
}

type CommandOf<T extends ClusterCommand['type']> = Extract<ClusterCommand, { type: T }>;

/**
 * One Workflow Update per verb of 決裁, so the Web UI's history reads as what people did. Each
 * answers with the case after the change, or fails with the domain's Refusal (failure type `REFUSED_FAILURE_TYPE`) and leaves no trace.
 */
export const clusterUpdates: { readonly [T in ClusterCommand['type']]: UpdateDefinition<ClusterCase, [CommandOf<T>]> } = {
  'save-draft': defineUpdate<ClusterCase, [CommandOf<'save-draft'>]>('saveDraft'),
  submit: defineUpdate<ClusterCase, [CommandOf<'submit'>]>('submitReport'),
  approve: defineUpdate<ClusterCase, [CommandOf<'approve'>]>('approveReport'),
  return: defineUpdate<ClusterCase, [CommandOf<'return'>]>('returnReport'),
  delegate: defineUpdate<ClusterCase, [CommandOf<'delegate'>]>('delegateApproval'),
  recall: defineUpdate<ClusterCase, [CommandOf<'recall'>]>('recallReport'),
  withdraw: defineUpdate<ClusterCase, [CommandOf<'withdraw'>]>('withdrawCluster'),
  'change-owning-bureau': defineUpdate<ClusterCase, [CommandOf<'change-owning-bureau'>]>('changeOwningBureau'),
  'release-delegation': defineUpdate<ClusterCase, [CommandOf<'release-delegation'>]>('releaseDelegation'),
};

/** Sent with the start of the workflow: answers once the kickoff is in the read model, so the caller sees it at once. */
export const awaitKickoff = defineUpdate<ClusterCase, []>('awaitKickoff');

/** The workflow's own view of its cluster, answered live. */
export const getClusterCase = defineQuery<ClusterCase>('getClusterCase');

/** The cluster's deadlines as the workflow plans its reminders against them. */
export const getClusterDeadlines = defineQuery<readonly Deadline[]>('getClusterDeadlines');

/** The fiscal year's calendar changed: reload the deadlines and re-plan every reminder now. */
export interface CalendarChange {
  readonly changedBy: Actor;
  /** Names the change, so notices about it are sent once however often it is delivered. */
  readonly changeId: string;
}

export const calendarChanged = defineSignal<[CalendarChange]>('calendarChanged');
