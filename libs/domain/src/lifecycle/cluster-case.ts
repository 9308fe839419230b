import { Role } from '../roles';
import { Actor } from './actor';
import { KickoffRecord } from './kickoff-record';
import { ClusterStage } from './cluster-stage';
import { ApprovalStepRule, ApproverScope, LifecycleSettings } from './lifecycle-settings';

/** A logged-in user acting on a cluster, as authentication established them. */
export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly bureauCode: string | null;
}

export interface BureauRef {
  readonly code: string;
  readonly name: string;
}

/**
 * 作成前 → 下書き → 決裁中 → 承認済み; 差戻し is a draft again, carrying the approver's comment.
 */
export enum ReportStatus {
  NotStarted = 'NOT_STARTED',
  Draft = 'DRAFT',
  InApproval = 'IN_APPROVAL',
  Returned = 'RETURNED',
  Approved = 'APPROVED',
}

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  [ReportStatus.NotStarted]: '未作成',
  [ReportStatus.Draft]: '下書き',
  [ReportStatus.InApproval]: '決裁中',
  [ReportStatus.Returned]: '差戻し',
  [ReportStatus.Approved]: '承認済み',
};

/** A saved version; its text lives in the read model, the workflow keeps what its rules need. */
export interface ReportVersionInfo {
  readonly version: number;
  readonly title: string;
  readonly empty: boolean;
  readonly savedBy: Actor;
  readonly savedAt: string;
}

export interface StepDecision {
  readonly by: Actor;
  readonly at: string;
  readonly comment: string | null;
}

export interface ApprovalStepState {
  readonly role: Role;
  readonly scope: ApproverScope;
  readonly label: string;
  /** The owning bureau for bureau-scoped steps; null for programme-wide ones. */
  readonly bureauCode: string | null;
  /** 代理: once delegated, only this user decides the step. */
  readonly delegatedTo: Actor | null;
  readonly delegatedBy: Actor | null;
  readonly approval: StepDecision | null;
}

export interface Submission {
  readonly version: number;
  readonly submittedBy: Actor;
  readonly submittedAt: string;
  readonly steps: readonly ApprovalStepState[];
  /** Index of the step awaiting a decision; equals steps.length once every step has approved. */
  readonly currentStep: number;
}

export interface ReturnNote {
  readonly by: Actor;
  readonly at: string;
  readonly comment: string;
  readonly stepLabel: string;
}

export interface ReportState {
  readonly kind: string;
  readonly label: string;
  readonly stage: ClusterStage;
  readonly status: ReportStatus;
  /**
   * The newest saved version. Earlier ones live in the read model only, so the case (and every
   * workflow event) stays the same size however often a draft is saved.
   */
  readonly latestVersion: ReportVersionInfo | null;
  /** Everyone who has saved a version of this report. */
  readonly authorIds: readonly string[];
  readonly submission: Submission | null;
  readonly lastReturn: ReturnNote | null;
  readonly approvedAt: string | null;
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
  return settings.reportKinds.map((kind) => ({
    kind: kind.slug,
    label: kind.label,
    stage: kind.stage,
    status: ReportStatus.NotStarted,
    latestVersion: null,
    authorIds: [],
    submission: null,
    lastReturn: null,
    approvedAt: null,
  }));
}

export function isClosedStage(stage: ClusterStage): boolean {
  return stage === ClusterStage.Completed || stage === ClusterStage.Withdrawn;
}

export function approvalSteps(chain: readonly ApprovalStepRule[], owningBureauCode: string): ApprovalStepState[] {
  return chain.map((rule) => ({
    role: rule.role,
    scope: rule.scope,
    label: rule.label,
    bureauCode: rule.scope === 'owning-bureau' ? owningBureauCode : null,
    delegatedTo: null,
    delegatedBy: null,
    approval: null,
  }));
}

/**
 * Whether this user may decide the step: a holder of its role in its scope, and its delegate once it
 * is delegated. A delegate who has since lost the role (or moved bureau) holds it no longer.
 */
export function holdsStep(step: ApprovalStepState, user: Participant): boolean {
  if (!holdsRoleOfStep(step, user)) return false;
  return step.delegatedTo ? step.delegatedTo.id === user.id : true;
}

/** The earlier step of this submission the user decided, if any: nobody decides two steps of one submission. */
export function stepDecidedBy(submission: Submission, userId: string): ApprovalStepState | null {
  return submission.steps.slice(0, submission.currentStep).find((step) => step.approval?.by.id === userId) ?? null;
}

export function holdsRoleOfStep(step: Pick<ApprovalStepState, 'role' | 'bureauCode'>, user: Participant): boolean {
  return user.roles.includes(step.role) && (step.bureauCode === null || step.bureauCode === user.bureauCode);
}

/** Everyone who wrote or submitted the report under approval: none of them may approve it. */
export function authorsOf(report: ReportState): string[] {
  const ids: (string | null)[] = [...report.authorIds];
  if (report.submission) ids.push(report.submission.submittedBy.id);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** How many versions have been saved: version numbers run 1, 2, … without gaps. */
export function versionCountOf(report: ReportState): number {
  return report.latestVersion?.version ?? 0;
}

export function currentStepOf(report: ReportState): ApprovalStepState | null {
  const submission = report.submission;
  if (report.status !== ReportStatus.InApproval || !submission) return null;
  return submission.steps[submission.currentStep] ?? null;
}

/** The stage a cluster is in while it writes reports of `reportStage`: kickoff opens the first report stage. */
export function reportStageIsOpen(caseStage: ClusterStage, reportStage: ClusterStage, firstReportStage: ClusterStage): boolean {
  return caseStage === reportStage || (caseStage === ClusterStage.Kickoff && reportStage === firstReportStage);
}
