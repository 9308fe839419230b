import type { ClusterCase, ReportState } from './cluster-case';
import type { Deadline } from '../calendar/deadlines';
import type { OwedAction } from './owed-actions';
import type { NotificationRequest } from '../notifications/notification';

/** The verbs of 決裁 as staff use them; the audit trail and history name actions by these. */
export enum ClusterAction {
  Kickoff = 'kickoff',
  SaveDraft = 'save-draft',
  Submit = 'submit',
  Approve = 'approve',
  Return = 'return',
  Delegate = 'delegate',
  Recall = 'recall',
  Withdraw = 'withdraw',
  ChangeOwningBureau = 'change-owning-bureau',
  DeadlinesMoved = 'deadlines-moved',
  ReleaseDelegation = 'release-delegation',
}

export const CLUSTER_ACTION_LABELS: Readonly<Record<ClusterAction, string>> = {
  [ClusterAction.Kickoff]: '着手',
  [ClusterAction.SaveDraft]: '下書き保存',
  [ClusterAction.Submit]: '提出',
  [ClusterAction.Approve]: '承認',
  [ClusterAction.Return]: '差戻し',
  [ClusterAction.Delegate]: '代理',
  [ClusterAction.Recall]: '引戻し',
  [ClusterAction.Withdraw]: '取下げ',
  [ClusterAction.ChangeOwningBureau]: '所管局の変更',
  [ClusterAction.DeadlinesMoved]: '期限の変更',
  [ClusterAction.ReleaseDelegation]: '代理の解除',
};

/**
 * The saved version a save-draft event adds to the read model. The words are not in the event: the
 * API stored them before asking the workflow, under the hash the event carries.
 */
export interface SavedReportText {
  readonly kind: string;
  readonly version: number;
  readonly title: string;
  readonly empty: boolean;
  /** sha256 of the body, naming the stored text; null in events recorded before texts left workflow history. */
  readonly textHash: string | null;
  /** Only in events recorded before texts left workflow history, which carried the body itself. */
  readonly body?: string;
}

/**
 * What one change did to the case. The kickoff opens it whole (it is small then); after that an
 * event carries the case-wide part and only the reports the change touched, so events stay the same
 * size however long the analysis runs.
 */
export type CaseDelta =
  | { readonly kind: 'opened'; readonly case: ClusterCase }
  | {
      readonly kind: 'changed';
      readonly stage: ClusterCase['stage'];
      readonly owningBureau: ClusterCase['owningBureau'];
      readonly withdrawal: ClusterCase['withdrawal'];
      readonly reports: readonly ReportState[];
    };

/** The change between two cases as an event carries it; `before` null for the kickoff. */
export function caseDelta(before: ClusterCase | null, after: ClusterCase): CaseDelta {
  if (!before) return { kind: 'opened', case: after };
  const reports = after.reports.filter((report) => !before.reports.includes(report));
  return { kind: 'changed', stage: after.stage, owningBureau: after.owningBureau, withdrawal: after.withdrawal, reports };
}

/** The case after an event, from the case before it: the read model's half of `caseDelta`. */
export function applyCaseDelta(before: ClusterCase | null, delta: CaseDelta): ClusterCase {
  if (delta.kind === 'opened') return delta.case;
  if (!before) throw new Error('a change of a case that was never opened');
  const reports = before.reports.map((report) => delta.reports.find((changed) => changed.kind === report.kind) ?? report);
  return { ...before, stage: delta.stage, owningBureau: delta.owningBureau, withdrawal: delta.withdrawal, reports };
}

/** One change of a cluster's lifecycle, as the workflow reports it to the read model and audit trail. */
export interface ClusterLifecycleEvent {
  /** Stable per effect and unique per analysis (`<workflowId>/<first run id>#<seq>`), so a retried delivery is recorded once. */
  readonly eventId: string;
  /** The analysis the event belongs to: the first run id of its workflow (continue-as-new keeps it). */
  readonly analysisId: string;
  /** Position in the analysis's own order of events, starting at 1. */
  readonly seq: number;
  readonly fiscalYear: number;
  readonly clusterNo: number;
  /** ISO 8601 instant. */
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: ClusterAction;
  readonly fromStage: string | null;
  readonly toStage: string;
  readonly reportKind: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
  readonly delta: CaseDelta;
  /** Everything owed on the cluster after the change (a short list: a few per report). */
  readonly owed: readonly OwedAction[];
  /** The cluster's deadlines, when the change set them (kickoff, a moved meeting); null when they stand. */
  readonly deadlines: readonly Deadline[] | null;
  readonly savedText: SavedReportText | null;
  /**
   * What the change tells people (the owners of a moved deadline), delivered by the same activity once
   * the event is recorded, instead of by one activity each; absent in events of analyses started before.
   */
  readonly notices?: readonly NotificationRequest[];
}

/**
 * Failure type of an event the read model cannot take (a constraint, data it cannot store): it would
 * not take it on a retry either, so it is reported at once rather than retried for ever.
 */
export const PROJECTION_FAILED_FAILURE_TYPE = 'ProjectionFailed';
