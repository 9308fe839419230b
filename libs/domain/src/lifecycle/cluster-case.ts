import { Actor } from './actor';
import { KickoffRecord } from './kickoff-record';
import { ClusterStage } from './cluster-stage';
import { LifecycleSettings } from './lifecycle-settings';
import { ApprovalDocument, UNWRITTEN } from '../approval/approval-document';

export interface BureauRef {
  readonly code: string;
  readonly name: string;
}

/** One report a cluster writes in a year: a document on the year's approval chain, in one stage. */
export interface ReportState extends ApprovalDocument {
  readonly kind: string;
  readonly stage: ClusterStage;
}

export interface Withdrawal {
  readonly by: Actor;
  readonly at: string;
  readonly reason: string;
}

/** One cluster's management analysis for one fiscal year: everything its rules decide on. */
export interface ClusterCase {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly clusterName: string;
  readonly owningBureau: BureauRef;
  readonly stage: ClusterStage;
  readonly kickoff: KickoffRecord;
  readonly settings: LifecycleSettings;
  readonly reports: readonly ReportState[];
  readonly withdrawal: Withdrawal | null;
}

export interface ClusterCaseStart {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly clusterName: string;
  readonly owningBureau: BureauRef;
  readonly kickoff: KickoffRecord;
  readonly settings: LifecycleSettings;
}

/** The case right after its kickoff meeting: every report of the year not yet written. */
export function openClusterCase(start: ClusterCaseStart): ClusterCase {
  return { ...start, stage: ClusterStage.Kickoff, reports: unwrittenReports(start.settings), withdrawal: null };
}

/** The year's reports as they stand before anyone writes: what a cluster will have to deliver. */
export function unwrittenReports(settings: LifecycleSettings): ReportState[] {
  return settings.reportKinds.map((kind) => ({ kind: kind.slug, label: kind.label, stage: kind.stage, ...UNWRITTEN }));
}

export function isClosedStage(stage: ClusterStage): boolean {
  return stage === ClusterStage.Completed || stage === ClusterStage.Withdrawn;
}

/** The stage a cluster is in while it writes reports of `reportStage`: kickoff opens the first report stage. */
export function reportStageIsOpen(caseStage: ClusterStage, reportStage: ClusterStage, firstReportStage: ClusterStage): boolean {
  return caseStage === reportStage || (caseStage === ClusterStage.Kickoff && reportStage === firstReportStage);
}
