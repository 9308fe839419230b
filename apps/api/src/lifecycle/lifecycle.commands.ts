import { ClusterCommand, Participant } from '@app/domain';

/** The kickoff meeting that opens an analysis (着手). */
export interface KickoffMeeting {
  readonly meetingDate: string;
  readonly attendees: readonly string[];
  readonly notes?: string;
}

export interface KickoffClusterCommand {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly meeting: KickoffMeeting;
  readonly actor: Participant;
  /** The request's Idempotency-Key, as the kickoff's Update id. */
  readonly requestKey?: string;
}

export interface KickoffFlaggedCommand {
  readonly fiscalYear: number;
  readonly meeting: KickoffMeeting;
  readonly actor: Participant;
}

/**
 * A cluster command as the API receives it: the delegate is named by username until it is resolved
 * to a person, and a draft carries its text until the text is stored.
 */
export type RequestedClusterCommand =
  | Exclude<ClusterCommand, { type: 'delegate' } | { type: 'change-owning-bureau' } | { type: 'save-draft' } | { type: 'release-delegation' }>
  | (Omit<Extract<ClusterCommand, { type: 'delegate' }>, 'delegate'> & { readonly delegateTo: string })
  | (Omit<Extract<ClusterCommand, { type: 'save-draft' }>, 'text'> & { readonly body: string });

export interface ClusterActionCommand {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly command: RequestedClusterCommand;
  /** Sent as the Workflow Update's id, so Temporal itself runs a repeated request once. */
  readonly requestKey?: string;
}

export interface ChangeClusterCommand {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly analysedThisYear?: boolean;
  readonly owningBureauCode?: string | null;
  readonly actor: Participant;
  /** The Workflow Update's id when the change moves a running analysis (see ClusterActionCommand). */
  readonly requestKey?: string;
}

export interface ClusterHistoryQuery {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly page: number;
  readonly pageSize: number;
  /** Who asks: what of each entry is shown depends on whether they may read its report's texts. */
  readonly caller: Participant;
}

export interface ReportVersionQuery {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly reportKind: string;
  readonly version: number;
  readonly caller: Participant;
}
