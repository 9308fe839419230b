/** Someone, or the engine itself, acting on a cluster. */
export interface Actor {
  readonly id: string | null;
  readonly name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

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
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
}

export enum ClusterAction {
  Kickoff = 'kickoff',
}

/** The owning department's meeting with the reform office that opens the analysis. */
export interface KickoffRecord {
  /** ISO date (YYYY-MM-DD) of the meeting. */
  readonly meetingDate: string;
  readonly attendees: readonly string[];
  readonly notes: string | null;
}
