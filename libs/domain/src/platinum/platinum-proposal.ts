import { Actor } from '../lifecycle/actor';
import type { BureauRef } from '../lifecycle/cluster-case';
import { Role } from '../roles';
import { ApprovalDocument, ApprovalStatus, RoleStepRule, UNWRITTEN } from '../approval/approval-document';
import { isBlank } from '../fields/field-limits';

/**
 * One proposal of the year's Platinum PT: drafted by a PT member and approved by the PT leader
 * (提出済), assigned by the reform office to the bureau that owns the rule (制度所管局) and the bureaus
 * concerned (関係局), decided by the owning bureau along its chain (採用 / 一部採用 / 不採用), and closed
 * once every concerned bureau's director has stated the bureau's response policy (対応方針).
 */
export enum ProposalPhase {
  Drafting = 'DRAFTING',
  Submitted = 'SUBMITTED',
  BureauReview = 'BUREAU_REVIEW',
  ResponsePolicy = 'RESPONSE_POLICY',
  Closed = 'CLOSED',
  Withdrawn = 'WITHDRAWN',
}

export const PROPOSAL_PHASE_LABELS: Readonly<Record<ProposalPhase, string>> = {
  [ProposalPhase.Drafting]: '起案中',
  [ProposalPhase.Submitted]: '提出済',
  [ProposalPhase.BureauReview]: '所管局検討',
  [ProposalPhase.ResponsePolicy]: '対応方針',
  [ProposalPhase.Closed]: '完了',
  [ProposalPhase.Withdrawn]: '取下げ',
};

export const PROPOSAL_PHASES: readonly ProposalPhase[] = Object.values(ProposalPhase);

export enum DecisionOutcome {
  Adopt = 'adopt',
  AdoptInPart = 'adopt-in-part',
  Reject = 'reject',
}

export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  [DecisionOutcome.Adopt]: '採用',
  [DecisionOutcome.AdoptInPart]: '一部採用',
  [DecisionOutcome.Reject]: '不採用',
};

export const DECISION_OUTCOMES: readonly DecisionOutcome[] = Object.values(DecisionOutcome);

export const PROPOSAL_TITLE_MAX_LENGTH = 200;
export const PROPOSAL_TEXT_MAX_LENGTH = 20_000;
export const CONCERNED_BUREAU_MAX = 30;

/** The words of a proposal, stored by the API as one text. */
export interface ProposalContent {
  /** 課題: the rule or practice at issue. */
  readonly issue: string;
  /** 対象の制度・規程. */
  readonly rules: string;
  /** 提案内容. */
  readonly proposal: string;
  /** 期待される効果. */
  readonly effects: string;
  /** Catalogue numbers of the year's clusters it relates to. */
  readonly relatedClusterNos: readonly number[];
}

/** The words of an owning bureau's decision, stored by the API as one text. */
export interface DecisionContent {
  readonly outcome: DecisionOutcome;
  readonly reasons: string;
  /** When adopted (in part): what changes. */
  readonly changes: string;
  /** When adopted (in part): by when. */
  readonly changeBy: string;
}

/** What the rules know of a stored proposal: never its words, only whether there are some and what it links to. */
export interface ProposalMeasure {
  readonly hash: string;
  readonly length: number;
  readonly empty: boolean;
  readonly relatedClusterNos: readonly number[];
}

export interface DecisionMeasure {
  readonly hash: string;
  readonly length: number;
  readonly empty: boolean;
  readonly outcome: DecisionOutcome;
}

export function proposalMeasure(content: ProposalContent, hash: string, length: number): ProposalMeasure {
  return { hash, length, empty: [content.issue, content.proposal].every(isBlank), relatedClusterNos: [...content.relatedClusterNos] };
}

export function decisionMeasure(content: DecisionContent, hash: string, length: number): DecisionMeasure {
  return { hash, length, empty: isBlank(content.reasons), outcome: content.outcome };
}

export interface ProposalDocument extends ApprovalDocument {
  readonly content: ProposalMeasure | null;
}

export interface DecisionDocument extends ApprovalDocument {
  readonly content: DecisionMeasure | null;
}

export interface ResponsePolicy {
  readonly bureau: BureauRef;
  readonly statedBy: Actor;
  readonly statedAt: string;
  readonly textHash: string;
  /** Stated again before the proposal closed: 2, 3, … */
  readonly version: number;
}

export interface ProposalAssignment {
  readonly owningBureau: BureauRef;
  readonly concernedBureaus: readonly BureauRef[];
  readonly assignedBy: Actor;
  readonly assignedAt: string;
}

export interface PlatinumProposalState {
  readonly fiscalYear: number;
  readonly id: number;
  readonly createdBy: Actor;
  readonly proposal: ProposalDocument;
  readonly assignment: ProposalAssignment | null;
  readonly decision: DecisionDocument;
  readonly policies: readonly ResponsePolicy[];
  readonly withdrawal: { readonly by: Actor; readonly at: string; readonly reason: string } | null;
  readonly closedAt: string | null;
}

/** The owning bureau's decision goes to its manager, then its director. */
export const DECISION_CHAIN: readonly RoleStepRule[] = [
  { role: Role.Manager, scope: 'owning-bureau', label: '所管課長' },
  { role: Role.Director, scope: 'owning-bureau', label: '所管局長' },
];

export function openProposal(fiscalYear: number, id: number, createdBy: Actor): PlatinumProposalState {
  return {
    fiscalYear,
    id,
    createdBy,
    proposal: { label: '提案', ...UNWRITTEN, content: null },
    assignment: null,
    decision: { label: '所管局の結論', ...UNWRITTEN, content: null },
    policies: [],
    withdrawal: null,
    closedAt: null,
  };
}

export function proposalPhase(state: PlatinumProposalState): ProposalPhase {
  if (state.withdrawal) return ProposalPhase.Withdrawn;
  if (state.closedAt) return ProposalPhase.Closed;
  if (state.decision.status === ApprovalStatus.Approved) return ProposalPhase.ResponsePolicy;
  if (state.assignment) return ProposalPhase.BureauReview;
  if (state.proposal.status === ApprovalStatus.Approved) return ProposalPhase.Submitted;
  return ProposalPhase.Drafting;
}

/** The concerned bureaus whose directors have not yet stated their response policy. */
export function pendingPolicies(state: PlatinumProposalState): BureauRef[] {
  return (state.assignment?.concernedBureaus ?? []).filter((bureau) => !state.policies.some((policy) => policy.bureau.code === bureau.code));
}

export function parseProposalContent(text: string | null | undefined): ProposalContent | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<ProposalContent>;
    return {
      issue: String(parsed.issue ?? ''),
      rules: String(parsed.rules ?? ''),
      proposal: String(parsed.proposal ?? ''),
      effects: String(parsed.effects ?? ''),
      relatedClusterNos: Array.isArray(parsed.relatedClusterNos) ? parsed.relatedClusterNos.filter(Number.isInteger) : [],
    };
  } catch {
    return null;
  }
}

export function parseDecisionContent(text: string | null | undefined): DecisionContent | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<DecisionContent>;
    const outcome = DECISION_OUTCOMES.find((candidate) => candidate === parsed.outcome);
    return outcome ? { outcome, reasons: String(parsed.reasons ?? ''), changes: String(parsed.changes ?? ''), changeBy: String(parsed.changeBy ?? '') } : null;
  } catch {
    return null;
  }
}

/**
 * Who may read a proposal's drafts and a decision's drafts, with their comments: the PT and the reform
 * office for the proposal; for the decision also the owning bureau's users. An approved proposal or
 * decision, and every stated policy, any logged-in user reads.
 */
export function mayReadProposalDrafts(caller: { readonly id: string; readonly roles: readonly Role[] }, ptMember: boolean): boolean {
  return ptMember || caller.roles.includes(Role.ReformOffice);
}

export function mayReadDecisionDrafts(caller: { readonly roles: readonly Role[]; readonly bureauCode: string | null }, state: PlatinumProposalState, ptMember: boolean): boolean {
  return ptMember || caller.roles.includes(Role.ReformOffice) || (state.assignment !== null && caller.bureauCode === state.assignment.owningBureau.code);
}
