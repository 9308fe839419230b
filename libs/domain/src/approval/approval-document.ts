import { Role } from '../roles';
import { Actor } from '../lifecycle/actor';

/** A logged-in user acting on a document, as authentication established them. */
export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly bureauCode: string | null;
}

/**
 * 作成前 → 下書き → 決裁中 → 承認済み; 差戻し is a draft again, carrying the approver's comment.
 * The same for every document that goes along an approval chain.
 */
export enum ApprovalStatus {
  NotStarted = 'NOT_STARTED',
  Draft = 'DRAFT',
  InApproval = 'IN_APPROVAL',
  Returned = 'RETURNED',
  Approved = 'APPROVED',
}

export const APPROVAL_STATUS_LABELS: Readonly<Record<ApprovalStatus, string>> = {
  [ApprovalStatus.NotStarted]: '未作成',
  [ApprovalStatus.Draft]: '下書き',
  [ApprovalStatus.InApproval]: '決裁中',
  [ApprovalStatus.Returned]: '差戻し',
  [ApprovalStatus.Approved]: '承認済み',
};

/**
 * Where a step's approvers come from: the holders of a role in the document's owning bureau (課長,
 * 局長), the programme-wide holders of a role (市政変革室), or one named person (the PT leader).
 */
export type ApproverScope = 'owning-bureau' | 'programme' | 'person';

/** One step of a chain, as data: each process (and each fiscal year) says its own chain. */
export type ApprovalStepRule = RoleStepRule | PersonStepRule;

/** A step decided by the holders of a role: in the owning bureau, or programme-wide. */
export interface RoleStepRule {
  readonly role: Role;
  readonly scope: 'owning-bureau' | 'programme';
  readonly label: string;
}

/** A step one named person decides. */
export interface PersonStepRule {
  readonly scope: 'person';
  readonly person: Actor;
  readonly label: string;
}

/** A saved version; its text lives in the read model, the workflow keeps what its rules need. */
export interface DocumentVersionInfo {
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
  /** The role whose holders decide the step; null for a step a named person decides. */
  readonly role: Role | null;
  readonly scope: ApproverScope;
  readonly label: string;
  /** The owning bureau for bureau-scoped steps; null for programme-wide and named ones. */
  readonly bureauCode: string | null;
  /** The one person who decides a `person` step. */
  readonly person?: Actor | null;
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

/**
 * A document with versions that goes along an approval chain: a cluster's report, a Platinum
 * proposal, an owning bureau's decision, a bureau's X policy or one of its progress updates.
 */
export interface ApprovalDocument {
  /** Names the document in messages: 中間報告, 提案, 所管局の結論. */
  readonly label: string;
  readonly status: ApprovalStatus;
  /**
   * The newest saved version. Earlier ones live in the read model only, so the state (and every
   * workflow event) stays the same size however often a draft is saved.
   */
  readonly latestVersion: DocumentVersionInfo | null;
  /** Everyone who has saved a version of this document. */
  readonly authorIds: readonly string[];
  readonly submission: Submission | null;
  readonly lastReturn: ReturnNote | null;
  readonly approvedAt: string | null;
}

/** The state of a document nobody has written yet. */
export const UNWRITTEN: Omit<ApprovalDocument, 'label'> = {
  status: ApprovalStatus.NotStarted,
  latestVersion: null,
  authorIds: [],
  submission: null,
  lastReturn: null,
  approvedAt: null,
};

export const actorOf = (participant: Participant): Actor => ({ id: participant.id, name: participant.name });

/** The steps of a chain as a submission starts them, bureau steps bound to the document's owning bureau. */
export function approvalSteps(chain: readonly ApprovalStepRule[], owningBureauCode: string | null): ApprovalStepState[] {
  return chain.map((rule) => ({
    role: rule.scope === 'person' ? null : rule.role,
    scope: rule.scope,
    label: rule.label,
    bureauCode: rule.scope === 'owning-bureau' ? owningBureauCode : null,
    ...(rule.scope === 'person' ? { person: rule.person } : {}),
    delegatedTo: null,
    delegatedBy: null,
    approval: null,
  }));
}

/**
 * Whether this user may decide the step: a holder of its role in its scope (or its named person),
 * and its delegate once it is delegated. A delegate who has since lost the role (or moved bureau)
 * holds it no longer.
 */
export function holdsStep(step: ApprovalStepState, user: Participant): boolean {
  if (!holdsRoleOfStep(step, user)) return false;
  return step.delegatedTo ? step.delegatedTo.id === user.id : true;
}

export function holdsRoleOfStep(step: Pick<ApprovalStepState, 'role' | 'bureauCode' | 'person'>, user: Participant): boolean {
  if (step.person) return step.person.id === user.id;
  return step.role !== null && user.roles.includes(step.role) && (step.bureauCode === null || step.bureauCode === user.bureauCode);
}

/** The earlier step of this submission the user decided, if any: nobody decides two steps of one submission. */
export function stepDecidedBy(submission: Submission, userId: string): ApprovalStepState | null {
  return submission.steps.slice(0, submission.currentStep).find((step) => step.approval?.by.id === userId) ?? null;
}

/** Who decided the steps of the submission before the current one. */
export function earlierDeciders(document: ApprovalDocument): string[] {
  const submission = document.submission;
  if (!submission) return [];
  return submission.steps.slice(0, submission.currentStep).flatMap((step) => (step.approval?.by.id ? [step.approval.by.id] : []));
}

/** Everyone who wrote or submitted the document under approval: none of them may approve it. */
export function authorsOf(document: ApprovalDocument): string[] {
  const ids: (string | null)[] = [...document.authorIds];
  if (document.submission) ids.push(document.submission.submittedBy.id);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Whoever may not decide the document's current step: its authors and the deciders of earlier steps. */
export function excludedDeciders(document: ApprovalDocument): string[] {
  return [...new Set([...authorsOf(document), ...earlierDeciders(document)])];
}

/** How many versions have been saved: version numbers run 1, 2, … without gaps. */
export function versionCountOf(document: ApprovalDocument): number {
  return document.latestVersion?.version ?? 0;
}

export function currentStepOf(document: ApprovalDocument): ApprovalStepState | null {
  const submission = document.submission;
  if (document.status !== ApprovalStatus.InApproval || !submission) return null;
  return submission.steps[submission.currentStep] ?? null;
}
