import type { ClusterCase } from './cluster-case';
import type { Deadline } from '../calendar/deadlines';
import type { OwedAction } from './owed-actions';

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

/** The text of a saved draft, carried once to the read model (the workflow keeps only its metadata). */
export interface SavedReportText {
  readonly kind: string;
  readonly version: number;
  readonly title: string;
  readonly body: string;
}

/** One change of a cluster's lifecycle, as the workflow reports it to the read model and audit trail. */
export interface ClusterLifecycleEvent {
  /** Stable per effect (`<workflowId>#<seq>`), so a retried delivery is recorded once. */
  readonly eventId: string;
  /** Position in the workflow's own order of events, starting at 1. */
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
  /** The whole case after the change: the read model is a projection of it. */
  readonly state: ClusterCase;
  readonly owed: readonly OwedAction[];
  /** The cluster's deadlines after the change (empty for analyses started before deadlines existed). */
  readonly deadlines: readonly Deadline[];
  readonly savedText: SavedReportText | null;
}
