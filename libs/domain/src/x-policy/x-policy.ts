import { Role } from '../roles';
import type { BureauRef } from '../lifecycle/cluster-case';
import { ApprovalDocument, ApprovalStatus, RoleStepRule, UNWRITTEN } from '../approval/approval-document';
import { isBlank, SLUG_PATTERN } from '../fields/field-limits';
import { ProcessDeadlineRule } from '../process/process-deadlines';
import { type FieldProblem, fieldProblemList } from '../refusals/refusal';

/**
 * 局区X方針: each bureau, office and ward's own reform plan for a fiscal year. The bureau inspects
 * itself (自己点検), lists its reform issues with their responses (課題と対応策), sends the plan along
 * its chain, and once approved it is published (公表); progress on each issue is then published as
 * it happens, each update approved by the director first.
 */
export enum XPolicyPhase {
  SelfInspection = 'SELF_INSPECTION',
  Issues = 'ISSUES',
  InApproval = 'IN_APPROVAL',
  Published = 'PUBLISHED',
  Closed = 'CLOSED',
}

export const X_POLICY_PHASE_LABELS: Readonly<Record<XPolicyPhase, string>> = {
  [XPolicyPhase.SelfInspection]: '自己点検',
  [XPolicyPhase.Issues]: '課題と対応策',
  [XPolicyPhase.InApproval]: '決裁中',
  [XPolicyPhase.Published]: '公表済み',
  [XPolicyPhase.Closed]: '年度終了',
};

export const X_POLICY_PHASES: readonly XPolicyPhase[] = Object.values(XPolicyPhase);

/** One question of the year's self-inspection, set by the reform office. */
export interface SelfInspectionItem {
  readonly id: string;
  readonly question: string;
}

/** The deadline an X policy can have: the plan (issues and responses) ready for publication. */
export const X_POLICY_DEADLINE_TARGETS = { plan: '課題と対応策の公表' } as const;

/** Per fiscal year, set by the reform office. */
export interface XPolicySettings {
  readonly items: readonly SelfInspectionItem[];
  readonly deadlines: readonly ProcessDeadlineRule[];
}

/** The plan is decided by the bureau's manager and director, then the reform office. */
export const X_POLICY_CHAIN: readonly RoleStepRule[] = [
  { role: Role.Manager, scope: 'owning-bureau', label: '課長' },
  { role: Role.Director, scope: 'owning-bureau', label: '局長' },
  { role: Role.ReformOffice, scope: 'programme', label: '市政変革室' },
];

/** A progress update is published once the bureau's director approves it. */
export const X_POLICY_PROGRESS_CHAIN: readonly RoleStepRule[] = [{ role: Role.Director, scope: 'owning-bureau', label: '局長' }];

export const SELF_INSPECTION_ITEM_MAX = 50;
export const SELF_INSPECTION_QUESTION_MAX_LENGTH = 1_000;
export const X_POLICY_ISSUE_MAX = 100;
export const X_POLICY_ISSUE_TITLE_MAX_LENGTH = 200;
/** An answer, a response, a schedule or a progress text. */
export const X_POLICY_TEXT_MAX_LENGTH = 20_000;

/** One reform issue of the plan, as the bureau writes it. */
export interface XPolicyIssue {
  /** Stable within the plan: progress updates name the issue by it. */
  readonly id: string;
  readonly title: string;
  readonly response: string;
  readonly schedule: string;
  /** Catalogue numbers of the year's clusters the issue concerns. */
  readonly clusterNos: readonly number[];
}

export interface SelfInspectionAnswer {
  readonly itemId: string;
  readonly answer: string;
}

/** The words of the plan: stored by the API as one text, never in workflow history. */
export interface XPolicyPlanContent {
  readonly answers: readonly SelfInspectionAnswer[];
  readonly issues: readonly XPolicyIssue[];
}

export const EMPTY_PLAN: XPolicyPlanContent = { answers: [], issues: [] };

/** What the rules know of a stored plan: which items are answered and which issues it lists, never the words. */
export interface PlanMeasure {
  readonly hash: string;
  readonly length: number;
  readonly answeredItemIds: readonly string[];
  readonly issues: readonly { readonly id: string; readonly clusterNos: readonly number[] }[];
}

export function planMeasure(content: XPolicyPlanContent, hash: string, length: number): PlanMeasure {
  return {
    hash,
    length,
    answeredItemIds: content.answers.filter((answer) => !isBlank(answer.answer)).map((answer) => answer.itemId),
    issues: content.issues.map((issue) => ({ id: issue.id, clusterNos: [...issue.clusterNos] })),
  };
}

/** The plan under approval, with what the rules know of its latest version. */
export interface PlanDocument extends ApprovalDocument {
  readonly content: PlanMeasure | null;
}

/** A progress update of one issue on its way to publication. */
export interface ProgressDocument extends ApprovalDocument {
  readonly issueId: string;
  /** The issue's n-th update. */
  readonly seq: number;
  readonly textHash: string | null;
}

export interface PublishedProgress {
  readonly issueId: string;
  readonly seq: number;
  readonly version: number;
  readonly textHash: string;
  readonly publishedAt: string;
}

export interface XPolicyState {
  readonly fiscalYear: number;
  readonly bureau: BureauRef;
  /** The year's self-inspection items as they were when the bureau started. */
  readonly itemIds: readonly string[];
  readonly plan: PlanDocument;
  readonly publication: { readonly version: number; readonly textHash: string; readonly publishedAt: string; readonly issueIds: readonly string[] } | null;
  /** Updates not yet published, at most one per issue. */
  readonly progress: readonly ProgressDocument[];
  readonly publishedProgress: readonly PublishedProgress[];
  readonly closedAt: string | null;
}

export function openXPolicy(fiscalYear: number, bureau: BureauRef, itemIds: readonly string[]): XPolicyState {
  return {
    fiscalYear,
    bureau,
    itemIds: [...itemIds],
    plan: { label: '課題と対応策', ...UNWRITTEN, content: null },
    publication: null,
    progress: [],
    publishedProgress: [],
    closedAt: null,
  };
}

export function xPolicyPhase(state: XPolicyState): XPolicyPhase {
  if (state.closedAt) return XPolicyPhase.Closed;
  if (state.plan.status === ApprovalStatus.Approved) return XPolicyPhase.Published;
  if (state.plan.status === ApprovalStatus.InApproval) return XPolicyPhase.InApproval;
  return unansweredItems(state).length === 0 && state.plan.content ? XPolicyPhase.Issues : XPolicyPhase.SelfInspection;
}

export function unansweredItems(state: XPolicyState): string[] {
  const answered = new Set(state.plan.content?.answeredItemIds ?? []);
  return state.itemIds.filter((id) => !answered.has(id));
}

/** Problems of a year's items in Japanese, each under the request field it concerns; empty when they can run. */
export function xPolicySettingsProblems(settings: XPolicySettings): FieldProblem[] {
  const problems = fieldProblemList();
  if (settings.items.length === 0) problems.add('items', '自己点検の項目がありません');
  if (settings.items.length > SELF_INSPECTION_ITEM_MAX) problems.add('items', `自己点検の項目は${SELF_INSPECTION_ITEM_MAX}件までです`);
  const ids = settings.items.map((item) => item.id);
  for (const [index, item] of settings.items.entries()) {
    if (!SLUG_PATTERN.test(item.id)) problems.add(`items.${index}.id`, `自己点検の項目「${item.id}」の識別子は英小文字・数字・ハイフンにしてください`);
    if (isBlank(item.question)) problems.add(`items.${index}.question`, `項目${index + 1}の問いを入力してください`);
  }
  for (const duplicate of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) problems.add('items', `自己点検の項目「${duplicate}」が重複しています`);
  return problems.list();
}

/** Problems of a plan's words against the year's items, in Japanese with the field each concerns. */
export function planContentProblems(content: XPolicyPlanContent, itemIds: readonly string[], clusterNos: readonly number[]): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  content.answers.forEach((answer, index) => {
    if (!itemIds.includes(answer.itemId)) problems.push({ field: `answers.${index}.itemId`, problem: `自己点検の項目「${answer.itemId}」は今年度にありません` });
  });
  const answered = content.answers.map((answer) => answer.itemId);
  for (const duplicate of new Set(answered.filter((id, index) => answered.indexOf(id) !== index))) {
    problems.push({ field: 'answers', problem: `自己点検の項目「${duplicate}」への回答が重複しています` });
  }
  const issueIds = content.issues.map((issue) => issue.id);
  content.issues.forEach((issue, index) => {
    if (isBlank(issue.title)) problems.push({ field: `issues.${index}.title`, problem: '課題を入力してください' });
    for (const no of issue.clusterNos) {
      if (!clusterNos.includes(no)) problems.push({ field: `issues.${index}.clusterNos`, problem: `事業群 No.${no} は今年度の一覧にありません` });
    }
  });
  for (const duplicate of new Set(issueIds.filter((id, index) => issueIds.indexOf(id) !== index))) {
    problems.push({ field: 'issues', problem: `課題の識別子「${duplicate}」が重複しています` });
  }
  return problems;
}

/**
 * Whether the caller may read an X policy's drafts, answers, comments and unpublished progress: the
 * bureau's own users (its staff, manager and director decide it) and the reform office. What is
 * published everyone may read, without logging in.
 */
export function mayReadXPolicyTexts(caller: { readonly roles: readonly Role[]; readonly bureauCode: string | null }, bureauCode: string): boolean {
  return caller.roles.includes(Role.ReformOffice) || caller.bureauCode === bureauCode;
}

/** The stored words of a plan, as the API wrote them; an unreadable text reads as an empty plan. */
export function parsePlanContent(text: string | null | undefined): XPolicyPlanContent {
  if (!text) return EMPTY_PLAN;
  try {
    const parsed = JSON.parse(text) as Partial<XPolicyPlanContent>;
    return { answers: Array.isArray(parsed.answers) ? parsed.answers : [], issues: Array.isArray(parsed.issues) ? parsed.issues : [] };
  } catch {
    return EMPTY_PLAN;
  }
}
