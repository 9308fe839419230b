import { Role } from '../roles';
import { Refusal, refusal, RefusalCode } from '../refusals/refusal';
import { actorOf, ApprovalStatus, Participant, UNWRITTEN } from '../approval/approval-document';
import { decideOnDocument, DelegateStanding, DocumentRules } from '../approval/approval-rules';
import { COMMENT_MAX_LENGTH } from '../fields/field-limits';
import type { StoredTextRef } from '../lifecycle/cluster-commands';
import { ProcessChange, ProcessDecision } from '../process/process-event';
import {
  PlanMeasure,
  ProgressDocument,
  unansweredItems,
  X_POLICY_CHAIN,
  X_POLICY_PROGRESS_CHAIN,
  X_POLICY_PHASE_LABELS,
  xPolicyPhase,
  XPolicyState,
} from './x-policy';

/** What people ask of a bureau's X policy. Identity comes from authentication; the words are stored by the API first. */
export type XPolicyCommand =
  | {
      readonly type: 'save-plan';
      readonly actor: Participant;
      /** Which part the person edited: the audit trail says so; the plan is saved whole either way. */
      readonly part: 'self-inspection' | 'issues';
      readonly content: PlanMeasure;
      readonly basedOnVersion: number | null;
    }
  | { readonly type: 'submit'; readonly actor: Participant }
  | { readonly type: 'approve'; readonly actor: Participant; readonly comment: string | null }
  | { readonly type: 'return'; readonly actor: Participant; readonly comment: string }
  | { readonly type: 'recall'; readonly actor: Participant }
  | { readonly type: 'delegate'; readonly actor: Participant; readonly delegate: Participant; readonly comment: string | null }
  | { readonly type: 'release-delegation'; readonly actor: Participant; readonly delegate: DelegateStanding }
  | { readonly type: 'post-progress'; readonly actor: Participant; readonly issueId: string; readonly text: StoredTextRef }
  | { readonly type: 'approve-progress'; readonly actor: Participant; readonly issueId: string; readonly comment: string | null }
  | { readonly type: 'return-progress'; readonly actor: Participant; readonly issueId: string; readonly comment: string }
  /** The fiscal year ended: nothing more is published for it. */
  | { readonly type: 'close-year'; readonly at: string };

export type XPolicyCommandType = XPolicyCommand['type'];

/** The verbs of the audit trail and their labels. */
export const X_POLICY_ACTION_LABELS: Readonly<Record<string, string>> = {
  'save-self-inspection': '自己点検の保存',
  'save-issues': '課題と対応策の保存',
  submit: '提出',
  approve: '承認',
  publish: '公表',
  return: '差戻し',
  recall: '引戻し',
  delegate: '代理',
  'release-delegation': '代理の解除',
  'post-progress': '進捗の提出',
  'approve-progress': '進捗の承認・公表',
  'return-progress': '進捗の差戻し',
  'close-year': '年度終了',
};

const refuse = (code: RefusalCode, message: string): ProcessDecision<XPolicyState> => ({ accepted: false, refusal: refusal(code, message) });
const refusedWith = (value: Refusal): ProcessDecision<XPolicyState> => ({ accepted: false, refusal: value });

function planRules(state: XPolicyState): DocumentRules {
  return {
    family: 'document',
    mayDraft: (user) => user.roles.includes(Role.Staff) && user.bureauCode === state.bureau.code,
    notDrafterMessage: (verb) => `X方針の${verb}は${state.bureau.name}の担当職員だけが行えます`,
    chain: X_POLICY_CHAIN,
    owningBureau: state.bureau,
  };
}

function progressRules(state: XPolicyState): DocumentRules {
  return { ...planRules(state), notDrafterMessage: (verb) => `進捗の${verb}は${state.bureau.name}の担当職員だけが行えます`, chain: X_POLICY_PROGRESS_CHAIN };
}

/** Decides a command against a bureau's X policy: the new state and what changed, or the reason for refusal. */
export function decideXPolicy(state: XPolicyState, command: XPolicyCommand, now: string): ProcessDecision<XPolicyState> {
  if (command.type === 'close-year') {
    if (state.closedAt) return refuse('x-policy.closed', `${state.bureau.name}のX方針は年度終了しています`);
    return { accepted: true, state: { ...state, closedAt: command.at }, change: change('close-year', { id: null, name: 'system' }, null, null, {}) };
  }
  if (state.closedAt) return refuse('x-policy.closed', `${state.bureau.name}のX方針は年度終了しているため操作できません（状態: ${xPolicyPhase(state)}）`);
  const comment = 'comment' in command ? command.comment : null;
  if (comment && comment.length > COMMENT_MAX_LENGTH) {
    const message = `${COMMENT_MAX_LENGTH}文字以内で入力してください（${comment.length}文字あります）`;
    return refusedWith(refusal('request.invalid', message, { fields: [{ field: 'comment', problems: [message] }] }));
  }
  switch (command.type) {
    case 'save-plan':
      return savePlan(state, command, now);
    case 'submit': {
      const missing = unansweredItems(state);
      if (state.plan.status !== ApprovalStatus.InApproval && state.plan.status !== ApprovalStatus.Approved) {
        if (missing.length > 0) return refuse('x-policy.self-inspection-incomplete', `自己点検の項目（${missing.join('、')}）に回答してから提出してください`);
        if ((state.plan.content?.issues.length ?? 0) === 0) return refuse('x-policy.no-issues', '変革課題と対応策を一つ以上記入してから提出してください');
      }
      return onPlan(state, command, now);
    }
    case 'approve':
    case 'return':
    case 'recall':
    case 'delegate':
    case 'release-delegation':
      return onPlan(state, command, now);
    case 'post-progress':
      return postProgress(state, command, now);
    case 'approve-progress':
    case 'return-progress':
      return decideProgress(state, command, now);
  }
}

function change(action: string, actor: ProcessChange['actor'], document: string | null, comment: string | null, details: Record<string, unknown>, savedText: ProcessChange['savedText'] = null): ProcessChange {
  return { action, actor, document, comment, details, savedText };
}

function savePlan(state: XPolicyState, command: Extract<XPolicyCommand, { type: 'save-plan' }>, now: string): ProcessDecision<XPolicyState> {
  const text = { length: command.content.length, empty: command.content.answeredItemIds.length === 0 && command.content.issues.length === 0 };
  const decision = decideOnDocument(state.plan, planRules(state), { type: 'save-draft', actor: command.actor, title: '局区X方針', text, basedOnVersion: command.basedOnVersion }, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  const plan = { ...decision.document, content: command.content };
  const version = plan.latestVersion?.version ?? 0;
  return {
    accepted: true,
    state: { ...state, plan },
    change: change(command.part === 'self-inspection' ? 'save-self-inspection' : 'save-issues', actorOf(command.actor), 'plan', null, decision.details, {
      document: 'plan',
      version,
      title: '局区X方針',
      empty: text.empty,
      textHash: command.content.hash,
    }),
  };
}

type PlanAct = Extract<XPolicyCommand, { type: 'submit' | 'approve' | 'return' | 'recall' | 'delegate' | 'release-delegation' }>;

function onPlan(state: XPolicyState, command: PlanAct, now: string): ProcessDecision<XPolicyState> {
  const decision = decideOnDocument(state.plan, planRules(state), command, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  const plan = decision.document;
  const published = plan.status === ApprovalStatus.Approved && state.plan.status !== ApprovalStatus.Approved;
  const publication =
    published && plan.content && plan.latestVersion
      ? { version: plan.latestVersion.version, textHash: plan.content.hash, publishedAt: now, issueIds: plan.content.issues.map((issue) => issue.id) }
      : state.publication;
  return {
    accepted: true,
    state: { ...state, plan, publication },
    change: change(published ? 'publish' : command.type, actorOf(command.actor), 'plan', decision.comment, decision.details),
  };
}

const progressDocument = (state: XPolicyState, issueId: string) => state.progress.find((document) => document.issueId === issueId);

function requirePublishedIssue(state: XPolicyState, issueId: string): ProcessDecision<XPolicyState> | null {
  if (!state.publication) {
    return refuse('x-policy.not-published', `${state.bureau.name}のX方針はまだ公表されていないため、進捗は提出できません（状態: ${X_POLICY_PHASE_LABELS[xPolicyPhase(state)]}）`);
  }
  if (!state.publication.issueIds.includes(issueId)) return refuse('x-policy.issue-unknown', `公表された課題に「${issueId}」はありません`);
  return null;
}

/** A progress update is written and submitted in one act: it goes to the director at once. */
function postProgress(state: XPolicyState, command: Extract<XPolicyCommand, { type: 'post-progress' }>, now: string): ProcessDecision<XPolicyState> {
  const unknown = requirePublishedIssue(state, command.issueId);
  if (unknown) return unknown;
  const current = progressDocument(state, command.issueId);
  const seq = current?.seq ?? state.publishedProgress.filter((entry) => entry.issueId === command.issueId).length + 1;
  const document: ProgressDocument = current ?? { label: '進捗', ...UNWRITTEN, issueId: command.issueId, seq, textHash: null };
  const rules = progressRules(state);
  const saved = decideOnDocument(document, rules, { type: 'save-draft', actor: command.actor, title: '進捗', text: command.text, basedOnVersion: null }, now);
  if (!saved.accepted) {
    return saved.refusal.code === 'document.in-approval'
      ? refuse('x-policy.progress-in-approval', `課題「${command.issueId}」の進捗（第${seq}報）は局長の決裁中です。承認か差戻しを待ってください`)
      : refusedWith(saved.refusal);
  }
  const submitted = decideOnDocument(saved.document, rules, { type: 'submit', actor: command.actor }, now);
  if (!submitted.accepted) return refusedWith(submitted.refusal);
  const updated: ProgressDocument = { ...submitted.document, textHash: command.text.hash };
  const name = `progress/${command.issueId}/${seq}`;
  const version = updated.latestVersion?.version ?? 1;
  return {
    accepted: true,
    state: { ...state, progress: current ? state.progress.map((candidate) => (candidate === current ? updated : candidate)) : [...state.progress, updated] },
    change: change('post-progress', actorOf(command.actor), name, null, { issueId: command.issueId, seq, version }, {
      document: name,
      version,
      title: '進捗',
      empty: command.text.empty,
      textHash: command.text.hash,
    }),
  };
}

function decideProgress(state: XPolicyState, command: Extract<XPolicyCommand, { type: 'approve-progress' | 'return-progress' }>, now: string): ProcessDecision<XPolicyState> {
  const unknown = requirePublishedIssue(state, command.issueId);
  if (unknown) return unknown;
  const current = progressDocument(state, command.issueId);
  if (!current) return refuse('document.not-in-approval', `課題「${command.issueId}」に決裁中の進捗はありません`);
  const act = command.type === 'approve-progress' ? { type: 'approve' as const, actor: command.actor, comment: command.comment } : { type: 'return' as const, actor: command.actor, comment: command.comment };
  const decision = decideOnDocument(current, progressRules(state), act, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  const document = decision.document;
  const name = `progress/${current.issueId}/${current.seq}`;
  const details = { ...decision.details, issueId: current.issueId, seq: current.seq };
  if (document.status === ApprovalStatus.Approved && document.latestVersion && document.textHash) {
    const published = { issueId: current.issueId, seq: current.seq, version: document.latestVersion.version, textHash: document.textHash, publishedAt: now };
    return {
      accepted: true,
      state: { ...state, progress: state.progress.filter((candidate) => candidate !== current), publishedProgress: [...state.publishedProgress, published] },
      change: change('approve-progress', actorOf(command.actor), name, decision.comment, details),
    };
  }
  return {
    accepted: true,
    state: { ...state, progress: state.progress.map((candidate) => (candidate === current ? document : candidate)) },
    change: change(command.type, actorOf(command.actor), name, decision.comment, details),
  };
}
